import { Icon } from "./icon";

/** A list's Excel download under its header (the application list, the screening list): a plain link the browser saves. */
export function ExportLink({ href, label }: { href: string; label: string }) {
  return (
    <p className="-mt-3 text-sm">
      <a href={href} className="inline-flex items-center gap-1.5 font-medium text-brand-700 hover:underline" download>
        <Icon name="file-spreadsheet" className="h-4 w-4" />
        {label}
      </a>
    </p>
  );
}
