import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import type { LeaveKindName, LeaveStatusName } from "@/lib/domain/leave-rules";
import { dayAsDate, dayOptions } from "./format";
import { LeaveStatusBadge } from "./leave-status-badge";

export interface LeaveSummaryItem {
  kind: LeaveKindName;
  startDate: string;
  endDate: string;
  days: number;
  status: LeaveStatusName;
}

/**
 * A dispatch's leave at a glance (a server component for the doctor's workspace and the dispatch
 * page): how many requests await a decision, the latest three, and links to the leave and attendance
 * pages. Give it the leaves of `dispatchLeave(…)` (lib/server/leave-queries.ts), newest first.
 */
export async function LeaveSummary({ dispatchId, leaves, title }: { dispatchId: string; leaves: readonly LeaveSummaryItem[]; title?: string }) {
  const [t, tKind, format] = await Promise.all([getTranslations("leave"), getTranslations("leave.kinds"), getFormatter()]);
  const day = (d: string) => format.dateTime(dayAsDate(d), dayOptions);
  const pending = leaves.filter((l) => l.status === "PENDING_SUPERVISOR" || l.status === "PENDING_BUREAU").length;
  return (
    <Card title={title ?? t("summary.title")}>
      <div className="flex flex-col gap-3 text-sm">
        <p className={pending ? "font-medium text-amber-800" : "text-slate-600"}>{pending ? t("summary.pending", { count: pending }) : t("summary.none")}</p>
        {leaves.length > 0 ? (
          <ul className="flex flex-col divide-y divide-slate-100">
            {leaves.slice(0, 3).map((l) => (
              <li key={`${l.startDate}-${l.kind}-${l.status}`} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span className="text-slate-800">
                  {tKind(l.kind)} · {t("item.dates", { start: day(l.startDate), end: day(l.endDate) })} · {t("item.days", { days: l.days })}
                </span>
                <LeaveStatusBadge status={l.status} />
              </li>
            ))}
          </ul>
        ) : null}
        <div className="flex flex-wrap gap-4">
          <Link href={`/dispatches/${dispatchId}/leave`} className="font-medium text-brand-700 hover:underline">
            {t("summary.link")} →
          </Link>
          <Link href={`/dispatches/${dispatchId}/attendance`} className="font-medium text-brand-700 hover:underline">
            {t("summary.attendanceLink")} →
          </Link>
        </div>
      </div>
    </Card>
  );
}
