import { getTranslations } from "next-intl/server";
import Link from "next/link";

export interface Crumb {
  label: string;
  /** Absent on the current page (the last crumb). */
  href?: string;
}

/** The way back from a nested page: 项目管理 / 2026 援疆 / 资格筛查. The last crumb is the current page. */
export async function Breadcrumbs({ trail }: { trail: Crumb[] }) {
  const t = await getTranslations("list");
  return (
    <nav aria-label={t("breadcrumb")} className="text-sm text-slate-600 print:hidden">
      <ol className="flex flex-wrap items-center gap-x-1 gap-y-0.5">
        {trail.map((c, i) => {
          const isLast = i === trail.length - 1;
          return (
            <li key={i} className="flex min-w-0 items-center gap-1">
              {i > 0 ? (
                <span aria-hidden className="text-slate-400">
                  /
                </span>
              ) : null}
              {c.href && !isLast ? (
                <Link href={c.href} className="break-words text-brand-700 hover:underline">
                  {c.label}
                </Link>
              ) : (
                <span aria-current={isLast ? "page" : undefined} className="break-words">
                  {c.label}
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
