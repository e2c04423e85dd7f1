import clsx from "clsx";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { barPlacement, type RotationIssue, type TimelineWindow } from "@/lib/domain/rotation";
import type { BoardRow } from "@/lib/server/dispatch-queries";
import type { DayFormatter } from "./days";
import { DispatchStatusBadge } from "./status-badge";

const barTone = {
  PLANNED: "bg-sky-200 ring-sky-500",
  ACTIVE: "bg-emerald-400 ring-emerald-600",
  COMPLETED: "bg-slate-300 ring-slate-400",
  TERMINATED: "bg-amber-300 ring-amber-500",
  CANCELLED: "bg-slate-100 ring-slate-300",
} as const;

export interface TimelineGroup {
  key: string;
  title: string;
  subtitle?: string;
  rows: BoardRow[];
}

/**
 * Dispatches as bars on one shared window (earliest start to latest last day), a group per post or
 * per receiving unit. A gap or a too-long overlap is drawn on the track of the successor, in red,
 * and said in words beside it. Works at 390 px: the track takes the full width under the text.
 */
export function Timeline({ groups, window, today, issues, day }: { groups: TimelineGroup[]; window: TimelineWindow; today: string; issues: RotationIssue[]; day: DayFormatter }) {
  const t = useTranslations("dispatches.board");
  const todayAt = barPlacement(window, today, today).left;
  const issueOf = new Map(issues.map((i) => [i.successorId, i]));
  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-wrap justify-between gap-2 text-xs text-slate-500">
        <span>{day(window.first)}</span>
        <span className="font-medium text-slate-700">{t("todayLegend", { today: day(today) })}</span>
        <span>{day(window.last)}</span>
      </div>
      {groups.map((group) => (
        <section key={group.key} aria-labelledby={`group-${group.key}`} className="rounded-lg border border-slate-200 bg-white shadow-sm">
          <header className="border-b border-slate-100 px-4 py-2">
            <h3 id={`group-${group.key}`} className="text-sm font-semibold text-slate-800">
              {group.title}
            </h3>
            {group.subtitle ? <p className="text-xs text-slate-500">{group.subtitle}</p> : null}
          </header>
          <ul className="divide-y divide-slate-100">
            {group.rows.map((row) => {
              const bar = barPlacement(window, row.startDate, row.lastDay);
              const issue = issueOf.get(row.id);
              const issueBar = issue ? barPlacement(window, issue.first, issue.last) : null;
              return (
                <li key={row.id} className="flex flex-col gap-1.5 px-4 py-3 sm:flex-row sm:items-center sm:gap-4">
                  <div className="min-w-0 sm:w-80 sm:shrink-0">
                    <div className="flex flex-wrap items-center gap-2">
                      <Link href={`/dispatches/${row.id}`} className="font-medium text-brand-700 hover:underline">
                        {row.doctor.name}
                      </Link>
                      <DispatchStatusBadge status={row.status} />
                      {row.actingPosition ? <span className="text-xs text-slate-600">{t("acting", { position: row.actingPosition })}</span> : null}
                    </div>
                    <p className="text-xs text-slate-600">{t("span", { start: day(row.startDate), last: day(row.lastDay) })}</p>
                    <p className="truncate text-xs text-slate-500">{t("rowContext", { post: row.post.title, unit: row.receivingOrg.name, batch: row.rotationBatch })}</p>
                  </div>
                  <div className="relative h-6 w-full min-w-0 rounded bg-slate-50" aria-hidden>
                    {issueBar ? <div className="absolute inset-y-0 bg-red-200 ring-1 ring-red-500" style={{ left: `${issueBar.left}%`, width: `${issueBar.width}%` }} /> : null}
                    <div className={clsx("absolute inset-y-1 rounded ring-1", barTone[row.status])} style={{ left: `${bar.left}%`, width: `${bar.width}%` }} />
                    <div className="absolute inset-y-0 w-0.5 bg-slate-900" style={{ left: `${todayAt}%` }} />
                  </div>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
