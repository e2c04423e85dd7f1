"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ErrorTranslator } from "@/lib/forms/feedback";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormMessages } from "@/components/ui/form-messages";
import { confirmWorkLogsAction, returnWorkLogAction } from "@/lib/actions/work-logs";
import { TEACHING_ACTIONS, WORK_LOG_COUNTS } from "@/lib/domain/work-log";
import { formatYuan } from "@/lib/domain/money";
import { LogNames } from "./log-names";
import { feedbackOf } from "./feedback";
import { usePeriodText } from "./log-item";
import type { LogView } from "./log-view";

export interface QueueRow {
  log: LogView;
  doctorName: string;
  postTitle: string;
  dispatchId: string;
}

/** The supervisor's queue: select logs and confirm them at once (asked first), or return one with a comment. */
export function ReviewQueue({ rows }: { rows: QueueRow[] }) {
  const t = useTranslations("worklogs");
  const te = t as unknown as ErrorTranslator;
  const router = useRouter();
  const period = usePeriodText();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [message, setMessage] = useState<{ error?: string | null; success?: string | null }>({});
  const [returning, setReturning] = useState<string | null>(null);
  const [comment, setComment] = useState("");
  const [commentError, setCommentError] = useState<string | undefined>();

  const toggle = (id: string) => setSelected((s) => {
    const next = new Set(s);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  });
  const chosen = rows.filter((r) => selected.has(r.log.id));

  async function confirm(list: QueueRow[]) {
    setMessage({});
    const result = await confirmWorkLogsAction({ logs: list.map((r) => ({ workLogId: r.log.id, version: r.log.version })) });
    if (result?.data) {
      setSelected(new Set());
      setMessage({ success: t("review.confirmed", { count: result.data.confirmed }) });
      router.refresh();
      return;
    }
    setMessage({ error: feedbackOf(te, result).form });
  }

  async function sendBack(row: QueueRow) {
    setCommentError(undefined);
    const result = await returnWorkLogAction({ workLogId: row.log.id, version: row.log.version, comment });
    if (result?.data) {
      setReturning(null);
      setComment("");
      setMessage({ success: t("review.returned") });
      router.refresh();
      return;
    }
    const feedback = feedbackOf(te, result);
    if (feedback.fields.comment) setCommentError(feedback.fields.comment);
    else setMessage({ error: feedback.form });
  }

  return (
    <div className="flex flex-col gap-3">
      <FormMessages error={message.error} success={message.success} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" className="h-4 w-4" checked={selected.size === rows.length && rows.length > 0} onChange={(e) => setSelected(e.target.checked ? new Set(rows.map((r) => r.log.id)) : new Set())} />
          {t("review.selectAll")}
        </label>
        {chosen.length > 0 ? (
          <ConfirmDialog
            tone="primary"
            trigger={<Button type="button">{t("review.confirmSelected", { count: chosen.length })}</Button>}
            title={t("review.confirmTitle", { count: chosen.length })}
            description={t("review.confirmDescription")}
            confirmLabel={t("review.confirm")}
            onConfirm={() => confirm(chosen)}
          />
        ) : null}
      </div>
      <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
        {rows.map((row) => {
          const { log } = row;
          const text = [
            ...WORK_LOG_COUNTS.filter((c) => log.counts[c] > 0).map((c) => `${t(`fields.${c}`)} ${log.counts[c]}`),
            ...(log.donatedMedicineFen ? [t("list.medicine", { yuan: formatYuan(log.donatedMedicineFen) })] : []),
            ...TEACHING_ACTIONS.filter((a) => (log.teaching[a] ?? 0) > 0).map((a) => `${t(`teaching.${a}`)} ${log.teaching[a]}`),
          ].join(" · ");
          const days = period(log.periodStart, log.periodEnd);
          return (
            <li key={log.id} className="flex flex-col gap-2 p-3" data-testid="queue-row">
              <div className="flex items-start gap-3">
                <input type="checkbox" className="mt-1 h-4 w-4 shrink-0" aria-label={t("review.select", { name: row.doctorName, period: days })} checked={selected.has(log.id)} onChange={() => toggle(log.id)} />
                <div className="min-w-0 flex-1">
                  <p className="font-medium text-slate-900">
                    {row.doctorName} <span className="font-normal text-slate-500">· {row.postTitle}</span>
                  </p>
                  <p className="text-sm text-slate-600">{days}</p>
                  <p className="text-sm text-slate-700">{text || "—"}</p>
                  <LogNames log={log} />
                  {log.otherWork ? <p className="whitespace-pre-line text-sm text-slate-600">{log.otherWork}</p> : null}
                </div>
              </div>
              <div className="flex flex-wrap gap-2 pl-7">
                <Button type="button" onClick={() => confirm([row])}>
                  {t("review.confirm")}
                </Button>
                <Button type="button" variant="secondary" onClick={() => { setReturning(returning === log.id ? null : log.id); setComment(""); setCommentError(undefined); }}>
                  {t("review.return")}
                </Button>
              </div>
              {returning === log.id ? (
                <div className="flex flex-col gap-2 pl-7">
                  <label htmlFor={`return-${log.id}`} className="text-sm font-medium text-slate-700">
                    {t("review.returnComment")}
                  </label>
                  <p className="text-xs text-slate-500">{t("review.returnHint")}</p>
                  <textarea id={`return-${log.id}`} rows={2} maxLength={1000} aria-invalid={commentError ? true : undefined} className="rounded-md border border-slate-300 px-3 py-2 text-base" value={comment} onChange={(e) => setComment(e.target.value)} />
                  {commentError ? <p className="text-sm text-red-600">{commentError}</p> : null}
                  <div>
                    <Button type="button" variant="secondary" className="border-red-300 text-red-700 hover:bg-red-50" onClick={() => sendBack(row)}>
                      {t("review.returnConfirm")}
                    </Button>
                  </div>
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
