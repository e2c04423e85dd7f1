import { getTranslations } from "next-intl/server";
import Link from "next/link";

/** The way back: 津贴发放 / … / the current page (its last crumb has no link). */
export async function AllowanceBreadcrumb({ trail }: { trail: { label: string; href?: string }[] }) {
  const t = await getTranslations("allowances.breadcrumb");
  const crumbs = [{ label: t("home"), href: "/allowances" }, ...trail];
  return (
    <nav aria-label="breadcrumb" className="text-sm text-slate-600">
      <ol className="flex flex-wrap items-center gap-1">
        {crumbs.map((c, i) => (
          <li key={i} className="flex items-center gap-1">
            {i > 0 ? <span aria-hidden>/</span> : null}
            {c.href && i < crumbs.length - 1 ? (
              <Link href={c.href} className="text-brand-700 hover:underline">
                {c.label}
              </Link>
            ) : (
              <span aria-current={i === crumbs.length - 1 ? "page" : undefined}>{c.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
