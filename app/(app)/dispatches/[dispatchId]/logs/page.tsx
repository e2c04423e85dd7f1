import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LogItem } from "@/components/worklogs/log-item";
import { logView } from "@/components/worklogs/log-view";
import { TotalsGrid } from "@/components/worklogs/totals-grid";
import { emptyValues } from "@/components/worklogs/log-view";
import { WorkLogForm } from "@/components/worklogs/work-log-form";
import { DoneNotice } from "@/components/ui/done-notice";
import { Card, EmptyState } from "@/components/ui/card";
import { DispatchBreadcrumbs } from "@/components/dispatches/dispatch-breadcrumbs";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { PageHeader } from "@/components/ui/page-header";
import { prisma } from "@/lib/db";
import { isoDay } from "@/lib/domain/eligibility/calendar";
import { requirePermission } from "@/lib/server/page-guard";
import { dispatchLogs } from "@/lib/server/work-log-queries";
import { serviceDesk } from "@/lib/auth/policy";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("worklogs");
  return { title: t("page.logsTitle") };
}

// A dispatch's work logs: the doctor files this week's and corrects returned ones; the receiving unit
// and the bureau read them. Totals count confirmed logs only.
export default async function DispatchLogsPage({ params }: { params: Promise<{ dispatchId: string }> }) {
  const { scope } = await requirePermission("dispatch.read");
  const { dispatchId } = await params;
  const [data, t] = await Promise.all([dispatchLogs(prisma, scope, dispatchId), getTranslations("worklogs")]);
  const { dispatch, logs, totals, suggested, can, today } = data;
  const first = isoDay(dispatch.startDate);
  const last = isoDay(dispatch.lastDay);
  const max = last < today ? last : today;
  const desk = serviceDesk(scope);
  return (
    <div className="flex flex-col gap-6">
      {desk === "own" ? (
        <Breadcrumbs trail={[{ label: t("page.breadcrumbService"), href: "/service" }, { label: t("page.logsTitle") }]} />
      ) : (
        <DispatchBreadcrumbs role={scope.user.role} dispatch={{ id: dispatch.id, doctorName: dispatch.doctor.name }} trail={[{ label: t("page.logsTitle") }]} />
      )}
      <PageHeader title={t("page.logsTitle")} subtitle={t("page.logsSubtitle", { doctor: dispatch.doctor.name, org: dispatch.receivingOrg.name })} />
      {can.file ? (
        <Card title={t("form.title")}>
          <DoneNotice what="worklog" text={t("form.filed")} />
          {suggested ? <WorkLogForm dispatchId={dispatch.id} initial={emptyValues(suggested.first, suggested.last)} min={first} max={max} /> : <p className="text-sm text-slate-600">{t("form.nothingLeft")}</p>}
        </Card>
      ) : null}
      <Card title={t("totals.title")}>
        <p className="mb-3 text-sm text-slate-500">{t("totals.hint")}</p>
        <TotalsGrid totals={totals} />
      </Card>
      <Card title={desk === "own" ? t("list.title") : t("list.titleOther")} action={<Link href={`/dispatches/${dispatch.id}/mentoring`} className="text-sm text-brand-700 hover:underline">{t("page.openMentoring")}</Link>}>
        {logs.length === 0 ? (
          <EmptyState>{t("list.empty")}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {logs.map((log) => (
              <LogItem key={log.id} log={logView(log)} dispatchId={dispatch.id} canEdit={can.file} min={first} max={max} />
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
