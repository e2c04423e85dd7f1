import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { dayAsDate, dayOptions, instantOptions } from "@/components/leave/format";
import { LeaveStatusBadge } from "@/components/leave/leave-status-badge";
import { Card, EmptyState } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/policy";
import { prisma } from "@/lib/db";
import { leaveQueue } from "@/lib/server/leave-queries";
import { requirePermission } from "@/lib/server/page-guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("leave.queue");
  return { title: t("metaTitle") };
}

// Leave waiting on me: a receiving unit's supervisor sees its doctors' requests (the first step), a
// bureau the requests of its programmes that extend service (the second); oldest first.
export default async function LeaveQueuePage() {
  const { scope } = await requirePermission("dispatch.read");
  const [queue, t, tKind, format] = await Promise.all([leaveQueue(prisma, scope), getTranslations("leave"), getTranslations("leave.kinds"), getFormatter()]);
  const day = (d: string) => format.dateTime(dayAsDate(d), dayOptions);
  const subtitle = can(scope, "service.supervise") ? t("queue.subtitleSupervisor") : can(scope, "service.oversee") ? t("queue.subtitleBureau") : t("queue.subtitleOther");

  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("queue.title")} subtitle={subtitle} />
      <Card title={queue.total ? t("queue.total", { total: queue.total }) : undefined}>
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
                    {item.receivingOrgName} · {item.postTitle} · {t("queue.waitingSince", { at: format.dateTime(item.filedAt, instantOptions) })}
                  </p>
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
        {queue.total > queue.items.length ? <p className="mt-3 text-sm text-slate-500">{t("queue.more", { shown: queue.items.length })}</p> : null}
      </Card>
    </div>
  );
}
