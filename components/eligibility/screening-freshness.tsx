import { getFormatter, getTranslations } from "next-intl/server";
import { jobPercent } from "@/lib/domain/eligibility/stored";
import type { ScreeningFreshness as Freshness } from "@/lib/server/eligibility";

const instantOptions = { year: "numeric", month: "long", day: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "Asia/Shanghai" } as const;

/**
 * When the stored verdicts were computed (issue 17), and while a re-evaluation runs, how far it is:
 * a progress bar with its words (doctors judged of the registry's), the rows still judged by the
 * earlier conditions being marked in the table.
 */
export async function ScreeningFreshness({ freshness, hasStaleRows }: { freshness: Freshness; hasStaleRows: boolean }) {
  const [t, format] = await Promise.all([getTranslations("eligibility.screening.freshness"), getFormatter()]);
  const { job, computedAt } = freshness;
  const at = computedAt ? format.dateTime(computedAt, instantOptions) : null;
  return (
    <div className="flex flex-col gap-2 text-sm text-slate-600" data-testid="screening-freshness">
      <p>{at ? t("computedAt", { at }) : t("neverComputed")}</p>
      {job ? (
        <div className="flex flex-col gap-1">
          <p className="font-medium text-slate-800">
            {job.status === "PENDING" ? t("pending") : t("running", { done: job.done, total: job.total, percent: jobPercent(job) })}
          </p>
          <progress className="h-2 w-full max-w-md overflow-hidden rounded accent-brand-600" max={100} value={jobPercent(job)} aria-label={t("progressLabel")}>
            {jobPercent(job)}%
          </progress>
          {hasStaleRows ? <p className="text-amber-700">{t("staleNote")}</p> : null}
        </div>
      ) : null}
    </div>
  );
}
