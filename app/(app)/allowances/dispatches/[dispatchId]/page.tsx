import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { AllowanceBreadcrumb } from "@/components/allowances/breadcrumb";
import { asDate, dayOptions, formatYuan, ruleText } from "@/components/allowances/format";
import { AdjustLine, EventLineForm, RemoveLine } from "@/components/allowances/line-actions";
import { periodText } from "@/components/allowances/line-view";
import { Badge } from "@/components/ui/badge";
import { Card, EmptyState } from "@/components/ui/card";
import { prisma } from "@/lib/db";
import { dispatchSchedule } from "@/lib/server/allowance-queries";
import { shanghaiToday } from "@/lib/server/allowance-schedule";
import { requirePermission } from "@/lib/server/page-guard";
import { orErrorPage } from "../../../applications/[applicationId]/load";
import { serviceDesk } from "@/lib/auth/policy";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("allowances.schedule");
  return { title: t("metaTitle") };
}

// A dispatch's payment schedule, phone first: each line with its period, the rule beside the
// figure, who pays and who receives, paid or not (voucher, day); the bureau's staff add an event's
// line or a correction to a paid line; the totals are the sums of the lines.
export default async function SchedulePage({ params }: { params: Promise<{ dispatchId: string }> }) {
  const { scope } = await requirePermission("allowance.read");
  const { dispatchId } = await params;
  const data = await orErrorPage(() => dispatchSchedule(prisma, scope, dispatchId));
  const [t, format] = await Promise.all([getTranslations("allowances"), getFormatter()]);
  const day = (d: Date) => format.dateTime(asDate(d), dayOptions);
  const { dispatch, lines, totals } = data;
  const isOwn = serviceDesk(scope) === "own";

  return (
    <div className="flex flex-col gap-6">
      <AllowanceBreadcrumb trail={[{ label: isOwn ? t("schedule.mine") : t("breadcrumb.dispatch", { doctor: dispatch.doctor.name }) }]} />
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">{t("schedule.title", { doctor: dispatch.doctor.name })}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("schedule.subtitle", { program: dispatch.program.name, org: dispatch.receivingOrg.name, first: day(dispatch.startDate), last: day(dispatch.lastDay) })}</p>
      </div>
      <Card title={t("schedule.lines")}>
        <p className="mb-3 text-base font-semibold tabular-nums text-slate-900" data-testid="schedule-totals">
          {t("schedule.totals", { total: formatYuan(totals.totalFen), paid: formatYuan(totals.paidFen), unpaid: formatYuan(totals.unpaidFen) })}
        </p>
        {lines.length === 0 ? (
          <EmptyState>{t("schedule.empty")}</EmptyState>
        ) : (
          <ul className="flex flex-col divide-y divide-slate-100" aria-label={t("schedule.lines")}>
            {lines.map((l) => {
              const period = periodText(l.periodStart, l.periodEnd, day);
              const isPaid = l.status === "PAID";
              return (
                <li key={l.id} className="flex flex-col gap-1 py-3" data-testid="schedule-line">
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <p className="min-w-0 font-medium text-slate-900">
                      {l.item.name} {l.kind !== "SCHEDULED" ? <Badge tone="info">{t(`lineKinds.${l.kind}`)}</Badge> : null}
                    </p>
                    <p className="text-lg font-semibold tabular-nums text-slate-900">¥{formatYuan(l.amountFen)}</p>
                  </div>
                  <p className="text-sm text-slate-700">
                    {period} · <span className="text-slate-500">{ruleText(t as never, l)}</span>
                  </p>
                  <p className="text-xs text-slate-500">
                    {t(`payers.${l.payer}`)} → {t(`payees.${l.payee}`)} · {t("schedule.columns.due")} {day(l.dueDate)}
                  </p>
                  <div className="flex flex-wrap items-center gap-2">
                    <Badge tone={isPaid ? "success" : "neutral"}>{t(`status.${l.status}`)}</Badge>
                    {isPaid && l.paidOn ? <span className="text-xs text-slate-500">{t("schedule.paidBy", { voucher: l.voucherNumber ?? "", date: day(l.paidOn) })}</span> : null}
                    {l.can.adjust ? <AdjustLine lineId={l.id} title={t("schedule.adjustTitle", { item: l.item.name, period })} /> : null}
                    {data.can.manage && !isPaid && !l.isGenerated ? <RemoveLine lineId={l.id} description={t("schedule.removeDescription", { item: l.item.name, amount: formatYuan(l.amountFen) })} /> : null}
                  </div>
                </li>
              );
            })}
          </ul>
        )}
        <p className="mt-3 text-xs text-slate-500">{t("rule")}</p>
      </Card>
      {data.can.manage ? (
        <Card title={t("schedule.eventTitle")}>
          {data.eventItems.length === 0 ? <EmptyState>{t("schedule.noEventItems")}</EmptyState> : <EventLineForm dispatchId={dispatch.id} items={data.eventItems} today={shanghaiToday()} />}
        </Card>
      ) : null}
    </div>
  );
}
