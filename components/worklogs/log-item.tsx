"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { TEACHING_ACTIONS, WORK_LOG_COUNTS } from "@/lib/domain/work-log";
import { formatYuan } from "@/lib/domain/money";
import { LogNames } from "./log-names";
import type { LogView } from "./log-view";
import { valuesOf } from "./log-view";
import { WorkLogForm } from "./work-log-form";

const TONE = { SUBMITTED: "warning", CONFIRMED: "success", RETURNED: "danger" } as const;

/** "2026年11月30日 至 12月6日" — a log's days, in the reader's language. */
export function usePeriodText() {
  const t = useTranslations("worklogs");
  const format = useFormatter();
  return (start: string, end: string) => {
    const day = (d: string) => format.dateTime(new Date(`${d}T00:00:00Z`), { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
    return start === end ? t("list.oneDay", { day: day(start) }) : t("list.period", { start: day(start), end: day(end) });
  };
}

/** One log: its days, status, counts that are not zero, and — for its doctor, while it is not confirmed — a correction form. */
export function LogItem({ log, dispatchId, canEdit, min, max }: { log: LogView; dispatchId: string; canEdit: boolean; min: string; max: string }) {
  const t = useTranslations("worklogs");
  const period = usePeriodText();
  const [editing, setEditing] = useState(false);
  const counts = WORK_LOG_COUNTS.filter((c) => log.counts[c] > 0);
  const teaching = TEACHING_ACTIONS.filter((a) => (log.teaching[a] ?? 0) > 0);
  return (
    <li className="flex flex-col gap-2 py-3" data-testid="work-log">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span className="font-medium text-slate-900">{period(log.periodStart, log.periodEnd)}</span>
        <Badge tone={TONE[log.status]}>{t(`status.${log.status}`)}</Badge>
      </div>
      {log.status === "RETURNED" && log.reviewComment ? <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{t("list.returnedBecause", { comment: log.reviewComment })}</p> : null}
      <p className="text-sm text-slate-700">
        {[
          ...counts.map((c) => `${t(`fields.${c}`)} ${log.counts[c]}`),
          ...(log.donatedMedicineFen ? [t("list.medicine", { yuan: formatYuan(log.donatedMedicineFen) })] : []),
          ...teaching.map((a) => `${t(`teaching.${a}`)} ${log.teaching[a]}`),
        ].join(" · ") || "—"}
      </p>
      <LogNames log={log} />
      {log.otherWork ? <p className="whitespace-pre-line text-sm text-slate-600">{log.otherWork}</p> : null}
      {canEdit && log.status !== "CONFIRMED" ? (
        editing ? (
          <div className="mt-2 rounded-md border border-slate-200 p-3">
            <WorkLogForm dispatchId={dispatchId} initial={valuesOf(log)} edit={{ workLogId: log.id, version: log.version }} min={min} max={max} onDone={() => setEditing(false)} />
          </div>
        ) : (
          <div>
            <Button type="button" variant="secondary" onClick={() => setEditing(true)}>
              {t("list.edit")}
            </Button>
          </div>
        )
      ) : null}
    </li>
  );
}
