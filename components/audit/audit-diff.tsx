import clsx from "clsx";
import { getFormatter, getTranslations } from "next-intl/server";
import { diffJson } from "./json-diff";

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** A disclosure with the row's before/after data, changed fields highlighted. */
export async function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const [t, format] = await Promise.all([getTranslations("audit.diff"), getFormatter()]);
  const lines = diffJson(before, after);
  // ISO instants (e.g. lockedUntil) are shown in Beijing time like the rest of the page; the raw value stays in the tooltip.
  const show = (value: string | undefined) => {
    if (value === undefined) return <span className="text-slate-400">{t("empty")}</span>;
    if (!ISO_INSTANT.test(value)) return value;
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) return value;
    return (
      <time dateTime={value} title={value}>
        {format.dateTime(date, { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" })}
      </time>
    );
  };
  if (lines.length === 0) return <span className="text-xs text-slate-400">{t("none")}</span>;
  const changedCount = lines.filter((l) => l.isChanged).length;
  return (
    <details className="group max-w-md">
      <summary className="cursor-pointer select-none text-sm text-brand-700 hover:underline">
        {t("show")}
        {changedCount > 0 ? <span className="ml-1 text-xs text-amber-700">({changedCount} {t("changed")})</span> : null}
      </summary>
      <table className="mt-2 w-full border border-slate-200 text-xs">
        <thead className="bg-slate-50 text-slate-500">
          <tr>
            <th scope="col" className="px-2 py-1 text-left font-medium">{t("field")}</th>
            <th scope="col" className="px-2 py-1 text-left font-medium">{t("before")}</th>
            <th scope="col" className="px-2 py-1 text-left font-medium">{t("after")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {lines.map((line) => (
            <tr key={line.path || "value"} className={clsx(line.isChanged && "bg-amber-50")}>
              <th scope="row" className="px-2 py-1 text-left font-mono font-normal text-slate-600">
                {line.path || "—"}
                {line.isChanged ? <span className="sr-only"> ({t("changed")})</span> : null}
              </th>
              <td className={clsx("break-all px-2 py-1 font-mono", line.isChanged ? "text-red-700 line-through decoration-red-300" : "text-slate-700")}>
                {show(line.before)}
              </td>
              <td className={clsx("break-all px-2 py-1 font-mono", line.isChanged ? "font-semibold text-emerald-800" : "text-slate-700")}>
                {show(line.after)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
