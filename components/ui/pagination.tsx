import { getTranslations } from "next-intl/server";
import Link from "next/link";

/** Previous / next links that keep the list's other search params. */
export async function Pagination({ page, pageCount, total, params }: { page: number; pageCount: number; total: number; params: Record<string, string | undefined> }) {
  const t = await getTranslations("list");
  const href = (p: number) => {
    const search = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => !!e[1]));
    search.set("page", String(p));
    return `?${search.toString()}`;
  };
  const link = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50";
  const off = "rounded-md border border-slate-200 px-3 py-1.5 text-sm text-slate-400";
  return (
    <nav aria-label={t("pagination")} className="mt-4 flex items-center justify-between gap-4 text-sm text-slate-600">
      <span>{t("summary", { total, page, pageCount })}</span>
      <span className="flex gap-2">
        {page > 1 ? <Link className={link} href={href(page - 1)} rel="prev">{t("previous")}</Link> : <span className={off} aria-disabled>{t("previous")}</span>}
        {page < pageCount ? <Link className={link} href={href(page + 1)} rel="next">{t("next")}</Link> : <span className={off} aria-disabled>{t("next")}</span>}
      </span>
    </nav>
  );
}
