import clsx from "clsx";
import { getTranslations } from "next-intl/server";
import type { AuditFieldLine } from "@/lib/audit-labels";

/** A disclosure with every field of the entry, labelled, each value in words; the stored value (an id, a code) only as a secondary detail. */
export async function AuditDiff({ fields }: { fields: AuditFieldLine[] }) {
  const t = await getTranslations("audit.diff");
  if (fields.length === 0) return <span className="text-xs text-slate-500">{t("none")}</span>;
  const changedCount = fields.filter((l) => l.isChanged).length;
  const hasBefore = fields.some((l) => l.before !== undefined);
  const cell = (words: string | undefined, stored: string | undefined) => (
    <>
      {words ?? <span className="text-slate-400">{t("empty")}</span>}
      {stored ? <span className="mt-0.5 block break-all font-mono text-[11px] font-normal text-slate-400">{t("raw", { value: stored })}</span> : null}
    </>
  );
  return (
    <details className="group max-w-full md:max-w-md">
      <summary className="cursor-pointer select-none text-sm text-brand-700 hover:underline">
        {t("show")}
        {changedCount > 0 ? <span className="ml-1 text-xs text-amber-700">({changedCount} {t("changed")})</span> : null}
      </summary>
      <table className="mt-2 w-full table-fixed border border-slate-200 text-xs">
        <thead className="bg-slate-50 text-slate-500">
          <tr>
            <th scope="col" className="w-1/4 px-2 py-1 text-left font-medium">{t("field")}</th>
            {hasBefore ? <th scope="col" className="px-2 py-1 text-left font-medium">{t("before")}</th> : null}
            <th scope="col" className="px-2 py-1 text-left font-medium">{t("after")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {fields.map((line) => (
            <tr key={line.path || "value"} className={clsx(line.isChanged && "bg-amber-50")}>
              <th scope="row" className="break-words px-2 py-1 text-left align-top font-normal text-slate-600">
                {line.label}
                {line.isChanged ? <span className="sr-only"> ({t("changed")})</span> : null}
              </th>
              {hasBefore ? (
                <td className={clsx("break-words px-2 py-1 align-top", line.isChanged ? "text-red-700 line-through decoration-red-300" : "text-slate-700")}>
                  {cell(line.before, line.beforeRaw)}
                </td>
              ) : null}
              <td className={clsx("break-words px-2 py-1 align-top", line.isChanged ? "font-semibold text-emerald-800" : "text-slate-700")}>{cell(line.after, line.afterRaw)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
