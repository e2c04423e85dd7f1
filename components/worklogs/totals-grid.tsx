import { useTranslations } from "next-intl";
import type { WorkloadTotals } from "@/lib/server/work-log-queries";
import { formatYuan } from "@/lib/domain/money";

const KEYS = ["outpatients", "operations", "caseDiscussions", "juniorsMentored", "lectures", "newTechniques", "newDepartments", "freeClinics", "teachingActions"] as const;

/** Confirmed totals as a grid of figures: two a row on a phone, five on a desktop. */
export function TotalsGrid({ totals }: { totals: WorkloadTotals }) {
  const t = useTranslations("worklogs.totals");
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
      <Figure label={t("logs")} value={totals.logs} />
      {KEYS.map((k) => (
        <Figure key={k} label={t(k)} value={totals[k]} />
      ))}
      <Figure label={t("donatedMedicine")} value={formatYuan(totals.donatedMedicineFen)} />
    </dl>
  );
}

function Figure({ label, value }: { label: string; value: number | string }) {
  return (
    <div className="rounded-md border border-slate-200 px-3 py-2">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="text-lg font-semibold tabular-nums text-slate-900">{typeof value === "number" ? value.toLocaleString("zh-CN") : value}</dd>
    </div>
  );
}
