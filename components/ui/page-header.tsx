import Link from "next/link";
import type { IconName } from "@/lib/icons/sprite-icons";
import { Icon } from "./icon";

/** The top of a list or detail page: its h1, a line of context, and the page's main action if any. */
export function PageHeader({ title, subtitle, action }: { title: string; subtitle?: string; action?: { href: string; label: string; icon: IconName } | null }) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-3">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">{title}</h1>
        {subtitle ? <p className="mt-1 text-sm text-slate-600">{subtitle}</p> : null}
      </div>
      {action ? (
        <Link href={action.href} className="inline-flex items-center gap-1.5 rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
          <Icon name={action.icon} className="h-4 w-4" />
          {action.label}
        </Link>
      ) : null}
    </div>
  );
}
