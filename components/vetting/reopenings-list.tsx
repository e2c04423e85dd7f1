import { useFormatter, useTranslations } from "next-intl";
import type { StageReopeningRow } from "@/lib/server/stage-reopenings";
import { shanghaiInstant } from "./format";


/** The stages reopened for units: which unit, which stage, until when, why, by whom. */
export function ReopeningsList({ rows }: { rows: StageReopeningRow[] }) {
  const t = useTranslations("vetting");
  const tStage = useTranslations("stage");
  const format = useFormatter();
  if (rows.length === 0) return <p className="text-sm text-slate-500">{t("reopen.none")}</p>;
  return (
    <ul className="flex flex-col divide-y divide-slate-100" aria-label={t("reopen.listCaption")}>
      {rows.map((r) => (
        <li key={r.id} className="flex flex-col gap-0.5 py-2 text-sm">
          <span className="font-medium text-slate-900">
            {r.unitName} · {tStage(r.stage)} → <time dateTime={r.closesAt.toISOString()} className="tabular-nums">{format.dateTime(r.closesAt, shanghaiInstant)}</time>
          </span>
          <span className="text-slate-700">{r.reason}</span>
          <span className="text-xs text-slate-500">{t("reopen.by", { name: r.createdByName, at: format.dateTime(r.createdAt, shanghaiInstant) })}</span>
        </li>
      ))}
    </ul>
  );
}
