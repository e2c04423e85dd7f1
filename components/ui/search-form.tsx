import { Icon } from "./icon";
import type { ReactNode } from "react";

/** A GET form: the list's filters live in the URL, so a search can be bookmarked and shared. */
export function SearchForm({ label, placeholder, defaultValue, submitLabel, children, withSearch = true }: { label: string; placeholder?: string; defaultValue?: string; submitLabel: string; children?: ReactNode; withSearch?: boolean }) {
  return (
    <form method="get" role="search" className="flex flex-wrap items-end gap-2">
      {withSearch ? (
        <label className="flex min-w-64 flex-1 flex-col gap-1 text-sm">
          <span className="font-medium text-slate-700">{label}</span>
          <span className="relative">
            <Icon name="search" className="pointer-events-none absolute left-2.5 top-2.5 h-4 w-4 text-slate-400" />
            <input name="q" type="search" defaultValue={defaultValue} placeholder={placeholder} className="w-full rounded-md border border-slate-300 bg-white py-2 pl-8 pr-3 focus:border-brand-600 focus:ring-2 focus:ring-brand-100" />
          </span>
        </label>
      ) : null}
      {children}
      <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
        {submitLabel}
      </button>
    </form>
  );
}
