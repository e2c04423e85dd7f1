import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { dayAsDate, dayOptions, instantOptions } from "@/components/leave/format";
import { LeaveStatusBadge } from "@/components/leave/leave-status-badge";
import { Card, EmptyState } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { SortBar } from "@/components/ui/sort-bar";
import { listState } from "@/components/ui/sort-header";
import { can, serviceDesk } from "@/lib/auth/policy";
import { prisma } from "@/lib/db";
import { LEAVE_DEFAULT_SORT, leaveQueueQuerySchema } from "@/lib/schemas/leave";
import { leaveQueue, ownDispatches } from "@/lib/server/leave-queries";
import { requirePermission } from "@/lib/server/page-guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("leave.queue");
  return { title: t("metaTitle") };
}

// A doctor: their dispatches, each with its way into leave and attendance. Otherwise, leave waiting on me: a receiving unit's supervisor sees its doctors' requests (the first step), a
// bureau the requests of its programmes that extend service (the second); oldest first.
export default async function LeaveQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { scope } = await requirePermission("dispatch.read");
  const query = leaveQueueQuerySchema.parse(await searchParams);
  const [queue, own, t, tKind, format] = await Promise.all([leaveQueue(prisma, scope, query), ownDispatches(prisma, scope), getTranslations("leave"), getTranslations("leave.kinds"), getFormatter()]);
  const day = (d: string) => format.dateTime(dayAsDate(d), dayOptions);
  if (serviceDesk(scope) === "own") {
    return (
      <div className="flex flex-col gap-6">
        <PageHeader title={t("mine.title")} subtitle={t("mine.subtitle")} />
        <Card>
          {own.length === 0 ? (
            <EmptyState>{t("mine.empty")}</EmptyState>
          ) : (
            <ul className="flex flex-col divide-y divide-slate-100">
              {own.map((d) => (
                <li key={d.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
                  <div className="min-w-0">
                    <p className="font-medium text-slate-900">{d.receivingOrgName} · {d.postTitle}</p>
                    <p className="text-sm text-slate-700">{t("item.dates", { start: day(d.startDate), end: day(d.lastDay) })}</p>
                    <p className="text-xs text-slate-500">{d.programName}</p>
                    {d.pendingLeave ? <p className="text-sm text-amber-800">{t("summary.pending", { count: d.pendingLeave })}</p> : null}
                  </div>
                  <div className="flex flex-wrap gap-2">
                    <Link href={`/dispatches/${d.id}/leave`} className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700">
                      {t("mine.leave")}
                    </Link>
                    <Link href={`/dispatches/${d.id}/attendance`} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50">
                      {t("summary.attendanceLink")}
                    </Link>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    );
  }
  const { sort, pageParams } = listState(query, {}, LEAVE_DEFAULT_SORT);
  const sortKeys = [
    { key: "filedAt" as const, label: t("queue.sort.filedAt") },
    { key: "doctor" as const, label: t("queue.sort.doctor") },
    { key: "startDate" as const, label: t("queue.sort.startDate") },
    { key: "days" as const, label: t("queue.sort.days") },
    { key: "status" as const, label: t("queue.sort.status") },
  ];
  const subtitle = can(scope, "service.supervise") ? t("queue.subtitleSupervisor") : can(scope, "service.oversee") ? t("queue.subtitleBureau") : t("queue.subtitleOther");

  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("queue.title")} subtitle={subtitle} />
      <Card title={queue.total ? t("queue.total", { total: queue.total }) : undefined}>
        {queue.total > 1 ? (
          <div className="mb-2">
            <SortBar sort={sort} keys={sortKeys} />
          </div>
        ) : null}
        {queue.items.length === 0 ? (
          <EmptyState>{t("queue.empty")}</EmptyState>
        ) : (
          <ul className="flex flex-col divide-y divide-slate-100">
            {queue.items.map((item) => (
              <li key={item.id} className="flex flex-col gap-1.5 py-3 sm:flex-row sm:items-center sm:justify-between" data-testid="queue-item">
                <div className="min-w-0">
                  <p className="font-medium text-slate-900">
                    {item.doctorName} · {tKind(item.kind)} · {t("item.days", { days: item.days })}
                  </p>
                  <p className="text-sm text-slate-700">{t("item.dates", { start: day(item.startDate), end: day(item.endDate) })}</p>
                  <p className="truncate text-xs text-slate-500">
                    {item.receivingOrgName} · {item.postTitle}
                  </p>
                  <p className="text-xs text-slate-500">{t("queue.waitingSince", { at: format.dateTime(item.filedAt, instantOptions) })}</p>
                </div>
                <div className="flex flex-wrap items-center gap-2">
                  <LeaveStatusBadge status={item.status} />
                  <Link href={`/dispatches/${item.dispatchId}/leave`} className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700">
                    {t("queue.open")}
                  </Link>
                </div>
              </li>
            ))}
          </ul>
        )}
        {queue.total > 0 ? <Pagination page={queue.page} pageCount={queue.pageCount} total={queue.total} params={pageParams} size={query.size} /> : null}
      </Card>
    </div>
  );
}
