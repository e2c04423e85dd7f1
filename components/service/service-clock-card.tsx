import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { dayAsDate, dayOptions } from "@/components/leave/format";
import { Card } from "@/components/ui/card";
import type { ServiceClock } from "@/lib/domain/service-clock";

/**
 * The service clock of one dispatch (a server component any page can drop in: the dispatch page,
 * the doctor's workspace, the receiving unit's view): first and last day (and how far leave moved
 * it), days served and left, approved leave, absences against the programme's limit, and the days
 * credited toward grassroots service — with the rule in words and how 以上/超过 are read.
 */
export async function ServiceClockCard({
  clock,
  thresholdDays,
  links,
  title,
}: {
  clock: ServiceClock;
  /** The programme's leave threshold (leaveFilingThresholdDays), for the rule's words. */
  thresholdDays: number | null;
  links?: { leave?: string; attendance?: string };
  title?: string;
}) {
  const [t, tr, format] = await Promise.all([getTranslations("leave.clock"), getTranslations("leave"), getFormatter()]);
  const day = (d: string) => format.dateTime(dayAsDate(d), dayOptions);
  const days = (n: number) => t("daysValue", { days: format.number(n) });
  const limit = clock.absenceLimit;
  const started = clock.elapsedDays > 0;
  const remaining = limit === null ? null : limit + 1 - clock.absenceCount;
  const readings =
    thresholdDays !== null && limit !== null
      ? tr("readings", { threshold: thresholdDays, limit, next: limit + 1 })
      : thresholdDays !== null
        ? tr("readingsThresholdOnly", { threshold: thresholdDays })
        : limit !== null
          ? tr("readingsLimitOnly", { limit, next: limit + 1 })
          : null;

  return (
    <Card title={title ?? t("title")}>
      <div className="flex flex-col gap-4">
        <dl className="grid grid-cols-2 gap-x-4 gap-y-3 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-slate-500">{t("firstDay")}</dt>
            <dd className="font-medium text-slate-900">{day(clock.firstDay)}</dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("lastDay")}</dt>
            <dd className="font-medium text-slate-900" data-testid="clock-last-day">
              {day(clock.lastDay)}
            </dd>
            {clock.lastDayMovedBy !== 0 ? (
              <dd className="text-xs text-amber-800">
                {clock.lastDayMovedBy > 0 ? t("moved", { days: clock.lastDayMovedBy }) : t("shortened", { days: -clock.lastDayMovedBy })} · {t("plannedLastDay")} {day(clock.plannedLastDay)}
              </dd>
            ) : null}
          </div>
          <div>
            <dt className="text-slate-500">{t("served")}</dt>
            <dd className="font-medium tabular-nums text-slate-900">{started ? days(clock.daysServed) : t("notStarted")}</dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("left")}</dt>
            <dd className="font-medium tabular-nums text-slate-900">{days(clock.daysLeft)}</dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("leave")}</dt>
            <dd className="font-medium tabular-nums text-slate-900">{days(clock.approvedLeaveDays)}</dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("absences")}</dt>
            <dd className={clock.exceedsAbsenceLimit ? "font-semibold tabular-nums text-red-700" : "font-medium tabular-nums text-slate-900"} data-testid="clock-absences">
              {limit === null ? t("absencesNoLimit", { count: clock.absenceCount }) : t("absencesValue", { count: clock.absenceCount, limit })}
            </dd>
          </div>
        </dl>

        <div className={clock.exceedsAbsenceLimit ? "rounded-md bg-red-50 px-4 py-3" : "rounded-md bg-emerald-50 px-4 py-3"}>
          <p className="text-sm text-slate-600">{t("credited")}</p>
          <p className={clock.exceedsAbsenceLimit ? "text-2xl font-semibold tabular-nums text-red-700" : "text-2xl font-semibold tabular-nums text-emerald-800"} data-testid="clock-credited">
            {days(clock.creditedDays)}
          </p>
          {clock.exceedsAbsenceLimit && limit !== null ? (
            <p role="alert" className="mt-1 text-sm font-medium text-red-700">
              {t("notCredited", { count: clock.absenceCount, limit })}
            </p>
          ) : remaining !== null && limit !== null && clock.absenceCount > 0 && remaining <= 2 ? (
            <p className="mt-1 text-sm text-amber-800">{t("nearLimit", { count: clock.absenceCount, remaining, limit })}</p>
          ) : null}
        </div>

        {clock.pendingExtendingDays > 0 ? <p className="text-sm text-slate-600">{t("pending", { days: clock.pendingExtendingDays })}</p> : null}

        <details className="text-sm text-slate-600">
          <summary className="cursor-pointer font-medium text-brand-700">{t("ruleTitle")}</summary>
          <div className="mt-2 flex flex-col gap-1.5">
            <p>{thresholdDays !== null ? t("rule", { threshold: thresholdDays }) : t("ruleNoThreshold")}</p>
            {limit !== null ? <p>{t("ruleLimit", { limit, next: limit + 1 })}</p> : null}
            {readings ? <p className="text-slate-500">{readings}</p> : null}
          </div>
        </details>

        {links?.leave || links?.attendance ? (
          <div className="flex flex-wrap gap-4 text-sm">
            {links.leave ? (
              <Link href={links.leave} className="font-medium text-brand-700 hover:underline">
                {tr("summary.link")} →
              </Link>
            ) : null}
            {links.attendance ? (
              <Link href={links.attendance} className="font-medium text-brand-700 hover:underline">
                {tr("summary.attendanceLink")} →
              </Link>
            ) : null}
          </div>
        ) : null}
      </div>
    </Card>
  );
}
