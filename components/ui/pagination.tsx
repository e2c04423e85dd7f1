import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { PAGE_SIZE, PAGE_SIZES } from "@/lib/schemas/list-query";
import { listHref, type ListParams } from "./list-href";

/**
 * Previous / next links, the page size and a jump to any page, keeping the list's other search
 * params (filters, sort). A plain GET form: it works before the page's script has loaded.
 * A page holding several paged tables gives each its own `param` (and `label`), no size choice
 * (`sizes={false}`) and the table's `anchor`, so a step lands back on that table.
 */
export async function Pagination({
  page,
  pageCount,
  total,
  params,
  size,
  param = "page",
  sizes = true,
  anchor,
  label,
}: {
  page: number;
  pageCount: number;
  total: number;
  params: ListParams;
  size?: number;
  param?: string;
  sizes?: boolean;
  anchor?: string;
  label?: string;
}) {
  const t = await getTranslations("list");
  const kept = { ...params, size: size && size !== PAGE_SIZE ? String(size) : undefined };
  const hash = anchor ? `#${anchor}` : "";
  const href = (p: number) => `${listHref(kept, { [param]: String(p) })}${hash}`;
  // Short component classes (app/globals.css): the pager is drawn by the server, so its classes travel
  // in the HTML and again in the payload (issue 17).
  const link = "pager-link";
  const off = "pager-off";
  const field = "pager-field";
  return (
    <nav aria-label={label ?? t("pagination")} className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600">
      <span>{t("summary", { total, page, pageCount })}</span>
      <form method="get" action={hash || undefined} className="flex flex-wrap items-center gap-2">
        {Object.entries(params).map(([name, value]) => (value && name !== param && name !== "size" ? <input key={name} type="hidden" name={name} value={value} /> : null))}
        {sizes ? (
          <label className="flex items-center gap-1">
            <span>{t("pageSize")}</span>
            <select name="size" defaultValue={String(size ?? PAGE_SIZE)} className={field}>
              {PAGE_SIZES.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label className="flex items-center gap-1">
          <span>{t("jumpTo")}</span>
          <input name={param} type="number" min={1} max={pageCount} defaultValue={page} className={`${field} w-16 tabular-nums`} />
        </label>
        <button type="submit" className={link}>
          {t("go")}
        </button>
      </form>
      <span className="flex gap-2">
        {page > 1 ? (
          <Link className={link} href={href(page - 1)} rel="prev">
            {t("previous")}
          </Link>
        ) : (
          <span className={off} aria-disabled>
            {t("previous")}
          </span>
        )}
        {page < pageCount ? (
          <Link className={link} href={href(page + 1)} rel="next">
            {t("next")}
          </Link>
        ) : (
          <span className={off} aria-disabled>
            {t("next")}
          </span>
        )}
      </span>
    </nav>
  );
}
