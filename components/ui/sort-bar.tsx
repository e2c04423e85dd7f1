import { getTranslations } from "next-intl/server";
import { sortHead, type SortState } from "./sort-header";

/**
 * The sort links of a list drawn as cards rather than a table (a phone-friendly queue): the same
 * links as sortable column headers (components/ui/sort-header.tsx), in a row that wraps.
 */
export async function SortBar<K extends string>({ sort, keys }: { sort: SortState; keys: { key: K; label: string }[] }) {
  const t = await getTranslations("list");
  return (
    <nav aria-label={t("sortBy")} className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-600">
      <span>{t("sortBy")}</span>
      {keys.map(({ key, label }) => {
        const head = sortHead(label, key, sort);
        return (
          <span key={key} aria-current={head.ariaSort === "none" ? undefined : "true"} className={head.ariaSort === "none" ? undefined : "font-medium text-slate-900"}>
            {head.content}
          </span>
        );
      })}
    </nav>
  );
}
