import clsx from "clsx";
import { getTranslations } from "next-intl/server";
import type { AuditFieldLine } from "@/lib/audit-labels";

/** Every field of an entry (its own page), labelled, each value in words; the stored value (an id, a code) only as a secondary detail; the changed ones marked. */
export async function AuditDiff({ fields, caption }: { fields: AuditFieldLine[]; caption: string }) {
  const t = await getTranslations("audit.diff");
  if (fields.length === 0) return <p className="text-sm text-slate-500">{t("none")}</p>;
  const hasBefore = fields.some((l) => l.before !== undefined);
  const cell = (words: string | undefined, stored: string | undefined) => (
    <>
      {words ?? <span className="text-slate-400">{t("empty")}</span>}
      {stored ? <span className="mt-0.5 block break-all font-mono text-[11px] font-normal text-slate-400">{t("raw", { value: stored })}</span> : null}
    </>
  );
  return (
    <table className="w-full table-fixed border border-slate-200 text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead className="bg-slate-50 text-xs text-slate-500">
        <tr>
          <th scope="col" className="w-1/4 px-2 py-1.5 text-left font-medium">{t("field")}</th>
          {hasBefore ? <th scope="col" className="px-2 py-1.5 text-left font-medium">{t("before")}</th> : null}
          <th scope="col" className="px-2 py-1.5 text-left font-medium">{t("after")}</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {fields.map((line) => (
          <tr key={line.path || "value"} className={clsx(line.isChanged && "bg-amber-50")}>
            <th scope="row" className="break-words px-2 py-1.5 text-left align-top font-normal text-slate-600">
              {line.label}
              {line.isChanged ? <span className="sr-only"> ({t("changed")})</span> : null}
            </th>
            {hasBefore ? (
              <td className={clsx("break-words px-2 py-1.5 align-top", line.isChanged ? "text-red-700 line-through decoration-red-300" : "text-slate-700")}>
                {cell(line.before, line.beforeRaw)}
              </td>
            ) : null}
            <td className={clsx("break-words px-2 py-1.5 align-top", line.isChanged ? "font-semibold text-emerald-800" : "text-slate-700")}>{cell(line.after, line.afterRaw)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
