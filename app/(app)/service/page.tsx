import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { LogItem } from "@/components/worklogs/log-item";
import { logView } from "@/components/worklogs/log-view";
import { TotalsGrid } from "@/components/worklogs/totals-grid";
import { emptyValues } from "@/components/worklogs/log-view";
import { WorkLogForm } from "@/components/worklogs/work-log-form";
import { DoneNotice } from "@/components/ui/done-notice";
import { Badge } from "@/components/ui/badge";
import { Card, EmptyState } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { prisma } from "@/lib/db";
import { isoDay } from "@/lib/domain/eligibility/calendar";
import { requirePermission } from "@/lib/server/page-guard";
import { inheritedHandover } from "@/lib/server/handover";
import { serviceWorkspace } from "@/lib/server/work-log-queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("service");
  return { title: t("title") };
}

/** Days before the last day from which the workspace asks for the hand-over. */
const HANDOVER_DAYS = 30;

// The doctor's workspace, phone first: my dispatch and its clock, this week's log, my leave, my
// hand-over, and what waits on me. Leave and the hand-over are the leave and notice modules' pages.
export default async function ServicePage() {
  const { scope } = await requirePermission("service.file");
  const [space, t, tl, format] = await Promise.all([serviceWorkspace(prisma, scope), getTranslations("service"), getTranslations("worklogs"), getFormatter()]);
  const day = (d: Date | string) => format.dateTime(typeof d === "string" ? new Date(`${d}T00:00:00Z`) : d, { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
  if (!space.dispatch) {
    return (
      <div className="flex flex-col gap-6">
        <PageHeader title={t("title")} />
        <EmptyState>{t("none")}</EmptyState>
      </div>
    );
  }
  const { dispatch, clock, weekLogs, returned, leave, handover, totals, suggested, today } = space;
  const [inherited, th] = await Promise.all([inheritedHandover(prisma, scope, dispatch.id), getTranslations("handover")]);
  const first = isoDay(dispatch.startDate);
  const last = isoDay(dispatch.lastDay);
  const max = last < today ? last : today;
  const base = `/dispatches/${dispatch.id}`;
  const periodText = (a: Date, b: Date) => (isoDay(a) === isoDay(b) ? day(a) : tl("list.period", { start: day(a), end: day(b) }));
  const waiting = [
    ...returned.map((r) => ({ key: r.id, href: `${base}/logs`, text: t("returnedLog", { period: periodText(r.periodStart, r.periodEnd), comment: r.reviewComment ?? "" }) })),
    ...(suggested && dispatch.status === "ACTIVE" ? [{ key: "week", href: "#this-week", text: t("fileThisWeek", { period: suggested.first === suggested.last ? day(suggested.first) : tl("list.period", { start: day(suggested.first), end: day(suggested.last) }) }) }] : []),
    ...(inherited && !inherited.reads.length ? [{ key: "inherited", href: `/dispatches/${inherited.dispatchId}/handover`, text: th("workspace.inherited", { name: inherited.dispatch.doctor.name }) }] : []),
    ...(dispatch.status === "ACTIVE" && clock.daysLeft <= HANDOVER_DAYS && !handover?.submittedAt ? [{ key: "handover", href: `${base}/handover`, text: t("handoverDue", { days: clock.daysLeft }) }] : []),
  ];
  return (
    <div className="flex flex-col gap-5">
      <PageHeader title={t("title")} subtitle={`${dispatch.receivingOrg.name} · ${dispatch.program.name}`} />
      <Card>
        <div className="flex flex-col gap-4">
          <div className="flex flex-wrap items-center gap-2">
            <span className="text-lg font-semibold text-slate-900">{dispatch.post.title}</span>
            <Badge tone={dispatch.status === "ACTIVE" ? "success" : "neutral"}>{t(`status.${dispatch.status}`)}</Badge>
            {dispatch.actingPosition ? <Badge tone="info">{`${t("acting")}：${dispatch.actingPosition}`}</Badge> : null}
          </div>
          <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
            <div>
              <dt className="text-slate-500">{t("start")}</dt>
              <dd className="font-medium text-slate-900">{day(dispatch.startDate)}</dd>
            </div>
            <div>
              <dt className="text-slate-500">{t("lastDay")}</dt>
              <dd className="font-medium text-slate-900">{day(dispatch.lastDay)}</dd>
            </div>
            <div>
              <dt className="text-slate-500">{t("served")}</dt>
              <dd className="text-2xl font-semibold tabular-nums text-slate-900">{t("days", { count: clock.daysServed })}</dd>
            </div>
            <div>
              <dt className="text-slate-500">{t("left")}</dt>
              <dd className="text-2xl font-semibold tabular-nums text-slate-900">{t("days", { count: clock.daysLeft })}</dd>
            </div>
          </dl>
          <div className="h-2 overflow-hidden rounded-full bg-slate-100" aria-hidden>
            <div className="h-full bg-brand-600" style={{ width: `${Math.min(100, Math.round((clock.elapsedDays / Math.max(1, clock.totalDays)) * 100))}%` }} />
          </div>
          <Link href={`/allowances/dispatches/${dispatch.id}`} className="self-start text-sm font-medium text-brand-700 hover:underline">
            {t("allowances")}
          </Link>
        </div>
      </Card>
      <Card title={t("waiting")}>
        {waiting.length === 0 ? (
          <p className="text-sm text-slate-600">{t("nothingWaiting")}</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {waiting.map((w) => (
              <li key={w.key}>
                <Link href={w.href} className="block rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 hover:bg-amber-100">
                  {w.text}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <section id="this-week">
        <Card title={t("thisWeek")} action={<Link href={`${base}/logs`} className="text-sm text-brand-700 hover:underline">{t("allLogs")}</Link>}>
          {weekLogs.length > 0 ? (
            <ul className="mb-4 divide-y divide-slate-100">
              {weekLogs.map((log) => (
                <LogItem key={log.id} log={logView(log)} dispatchId={dispatch.id} canEdit min={first} max={max} />
              ))}
            </ul>
          ) : null}
          <DoneNotice what="worklog" text={tl("form.filed")} />
          {suggested ? (
            <WorkLogForm dispatchId={dispatch.id} initial={emptyValues(suggested.first, suggested.last)} min={first} max={max} />
          ) : (
            <p className="text-sm text-slate-600">{weekLogs.length ? tl("form.nothingLeft") : t("thisWeekNone")}</p>
          )}
        </Card>
      </section>
      <div className="grid gap-5 md:grid-cols-2">
        <Card title={t("leave")} action={<Link href={`${base}/leave`} className="text-sm text-brand-700 hover:underline">{t("leaveOpen")}</Link>}>
          {leave.length === 0 ? (
            <p className="text-sm text-slate-600">{t("leaveNone")}</p>
          ) : (
            <ul className="flex flex-col gap-2 text-sm">
              {leave.map((l) => (
                <li key={l.id} className="flex flex-wrap items-center justify-between gap-2">
                  <span>
                    {t(`leaveKind.${l.kind}`)} · {periodText(l.startDate, l.endDate)}
                  </span>
                  <Badge tone={l.status === "APPROVED" ? "success" : l.status === "REJECTED" ? "danger" : l.status === "CANCELLED" ? "neutral" : "warning"}>{t(`leaveStatus.${l.status}`)}</Badge>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title={t("handover")} action={<Link href={`${base}/handover`} className="text-sm text-brand-700 hover:underline">{t("handoverOpen")}</Link>}>
          <p className="text-sm text-slate-700">
            {handover?.submittedAt ? t("handoverSubmitted", { at: day(handover.submittedAt) }) : handover ? t("handoverDraft") : t("handoverNone")}
          </p>
          {inherited ? (
            <p className="mt-3 text-sm">
              <Link href={`/dispatches/${inherited.dispatchId}/handover`} className="text-brand-700 hover:underline">
                {th("workspace.inherited", { name: inherited.dispatch.doctor.name })}
              </Link>{" "}
              <Badge tone={inherited.reads.length ? "success" : "warning"}>{inherited.reads.length ? th("workspace.inheritedRead") : th("workspace.inheritedUnread")}</Badge>
            </p>
          ) : null}
        </Card>
      </div>
      <Card title={t("totals")} action={<Link href={`${base}/mentoring`} className="text-sm text-brand-700 hover:underline">{t("mentoring")}</Link>}>
        <TotalsGrid totals={totals} />
      </Card>
    </div>
  );
}
