import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, EmptyState } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { prisma } from "@/lib/db";
import { isoDay } from "@/lib/domain/eligibility/calendar";
import { daysFrom } from "@/lib/domain/service-period";
import { requirePermission } from "@/lib/server/page-guard";
import { handoversToRead } from "@/lib/server/handover";
import { receivingView } from "@/lib/server/work-log-queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("receiving");
  return { title: t("title") };
}

// The receiving unit: who is here now (until when), who is coming and when, and the logs and leave
// waiting for it. Confirming happens on /worklogs and the leave module's /leave.
export default async function ReceivingPage() {
  const { scope } = await requirePermission("service.supervise");
  const [view, toRead, t, th, format] = await Promise.all([receivingView(prisma, scope), handoversToRead(prisma, scope), getTranslations("receiving"), getTranslations("handover"), getFormatter()]);
  const day = (d: Date) => format.dateTime(d, { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
  return (
    <div className="flex flex-col gap-5">
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <Card title={t("toConfirm")}>
        {view.logsWaiting + view.leaveWaiting === 0 ? (
          <p className="text-sm text-slate-600">{t("nothing")}</p>
        ) : (
          <div className="flex flex-wrap gap-3">
            {view.logsWaiting ? (
              <Link href="/worklogs" className="rounded-md bg-amber-50 px-3 py-2 text-sm font-medium text-amber-900 hover:bg-amber-100">
                {t("logsLink", { count: view.logsWaiting })}
              </Link>
            ) : null}
            {view.leaveWaiting ? (
              <Link href="/leave" className="rounded-md bg-amber-50 px-3 py-2 text-sm font-medium text-amber-900 hover:bg-amber-100">
                {t("leaveLink", { count: view.leaveWaiting })}
              </Link>
            ) : null}
          </div>
        )}
      </Card>
      {toRead.length ? (
        <Card title={th("workspace.toRead")}>
          <ul className="flex flex-col gap-2">
            {toRead.map((p) => (
              <li key={p.dispatchId}>
                <Link href={`/dispatches/${p.dispatchId}/handover`} className="block rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 hover:bg-amber-100">
                  {th("workspace.toReadLine", { doctor: p.dispatch.doctor.name, post: p.dispatch.post.title, day: day(p.dispatch.lastDay) })}
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      <Card title={t("here", { count: view.here.length })}>
        {view.here.length === 0 ? (
          <EmptyState>{t("hereEmpty")}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {view.here.map((d) => (
              <li key={d.id} className="flex flex-col gap-1 py-3">
                <div className="flex flex-wrap items-center gap-2">
                  <Link href={`/dispatches/${d.id}/logs`} className="font-medium text-brand-700 hover:underline">
                    {d.doctor.name}
                  </Link>
                  <span className="text-sm text-slate-600">{d.post.title}</span>
                  {d.actingPosition ? <Badge tone="info">{d.actingPosition}</Badge> : null}
                </div>
                <p className="text-sm text-slate-600">
                  {t("until", { date: day(d.lastDay) })} · {t("daysLeft", { days: Math.max(0, daysFrom(view.today, isoDay(d.lastDay))) })}
                </p>
                <div className="flex flex-wrap gap-2">
                  {d._count.workLogs ? <Badge tone="warning">{t("logsWaiting", { count: d._count.workLogs })}</Badge> : null}
                  {d._count.leaveRequests ? <Badge tone="warning">{t("leaveWaiting", { count: d._count.leaveRequests })}</Badge> : null}
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title={t("coming", { count: view.coming.length })}>
        {view.coming.length === 0 ? (
          <EmptyState>{t("comingEmpty")}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {view.coming.map((d) => (
              <li key={d.id} className="flex flex-col gap-1 py-3">
                <span className="font-medium text-slate-900">
                  {d.doctor.name} <span className="font-normal text-slate-600">· {d.post.title}</span>
                </span>
                <p className="text-sm text-slate-600">
                  {t("arrives", { date: day(d.startDate) })} · {t("until", { date: day(d.lastDay) })}
                </p>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
