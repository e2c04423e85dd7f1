import { getFormatter, getTranslations } from "next-intl/server";
import { attachmentPreviewHref } from "@/components/attachments/attachment-links";
import { AttachmentUploadForm } from "@/components/attachments/attachment-upload-form";
import { EmptyState } from "@/components/ui/card";
import type { LeaveItem } from "@/lib/server/leave-queries";
import { movedLastDay } from "@/lib/domain/service-clock";
import { dayAsDate, dayOptions, instantOptions } from "./format";
import { LeaveCancel, LeaveDecision } from "./leave-actions";
import { LeaveStatusBadge } from "./leave-status-badge";

/** A dispatch's leave requests, newest first, each with its decisions and what the reader may do now. */
export async function LeaveList({ leaves, doctorName, lastDay, thresholdDays, empty }: { leaves: LeaveItem[]; doctorName: string; lastDay: string; thresholdDays: number | null; empty: string }) {
  const [t, tKind, format] = await Promise.all([getTranslations("leave"), getTranslations("leave.kinds"), getFormatter()]);
  const day = (d: string) => format.dateTime(dayAsDate(d), dayOptions);
  if (leaves.length === 0) return <EmptyState>{empty}</EmptyState>;
  return (
    <ul className="flex flex-col gap-3" aria-label={t("page.list")}>
      {leaves.map((leave) => {
        const dates = t("item.dates", { start: day(leave.startDate), end: day(leave.endDate) });
        const approveDescription =
          leave.status === "PENDING_SUPERVISOR" && leave.extendsService
            ? t("decide.approveToBureau", { days: leave.days, threshold: thresholdDays ?? leave.days })
            : leave.extendsService
              ? t("decide.approveMoves", { doctor: doctorName, from: day(lastDay), to: day(movedLastDay(lastDay, leave.days)), days: leave.days })
              : t("decide.approveFinal");
        return (
          <li key={leave.id} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="leave-item">
            <div className="flex flex-wrap items-start justify-between gap-2">
              <div>
                <p className="font-medium text-slate-900">
                  {tKind(leave.kind)} · {t("item.days", { days: leave.days })}
                </p>
                <p className="text-sm text-slate-700">{dates}</p>
              </div>
              <div className="flex flex-wrap items-center gap-1.5">
                {leave.extendsService ? <span className="rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-800 ring-1 ring-inset ring-amber-200">{t("item.extends")}</span> : null}
                <LeaveStatusBadge status={leave.status} />
              </div>
            </div>
            <p className="mt-2 break-words text-sm text-slate-700">{t("item.reason", { reason: leave.reason })}</p>
            <p className="mt-1 text-xs text-slate-500">{t("item.filedAt", { at: format.dateTime(leave.filedAt, instantOptions) })}</p>
            {leave.attachments.length || leave.can.attach ? (
              <div className="mt-2 text-sm">
                <p className="font-medium text-slate-700">{t("certificates.title")}</p>
                {leave.attachments.length ? (
                  <ul className="mt-1 flex flex-col gap-1">
                    {leave.attachments.map((a) => (
                      <li key={a.id} className="min-w-0">
                        <a href={attachmentPreviewHref(a.id)} target="_blank" rel="noopener" className="break-all text-brand-700 hover:underline">
                          {a.fileName}
                        </a>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="text-slate-500">{t("certificates.none")}</p>
                )}
              </div>
            ) : null}
            {leave.can.attach ? (
              <details className="mt-2 rounded-md border border-slate-200 p-3">
                <summary className="cursor-pointer text-sm font-medium text-brand-700">{t("certificates.upload")}</summary>
                <p className="mt-1 text-xs text-slate-500">{t("certificates.hint")}</p>
                <div className="mt-2">
                  <AttachmentUploadForm url={`/api/v1/leave/${encodeURIComponent(leave.id)}/attachments`} title={t("certificates.upload")} kinds={["LEAVE_CERTIFICATE"]} />
                </div>
              </details>
            ) : null}
            {leave.supervisorDecidedAt ? (
              <p className="mt-2 text-sm text-slate-700">{t("item.decision", { who: t("item.supervisor"), at: format.dateTime(leave.supervisorDecidedAt, instantOptions), comment: leave.supervisorComment ?? t("item.noComment") })}</p>
            ) : null}
            {leave.bureauDecidedAt ? (
              <p className="mt-1 text-sm text-slate-700">{t("item.decision", { who: t("item.bureau"), at: format.dateTime(leave.bureauDecidedAt, instantOptions), comment: leave.bureauComment ?? t("item.noComment") })}</p>
            ) : null}
            {leave.can.approve ? (
              <div className="mt-3">
                <LeaveDecision leaveId={leave.id} version={leave.version} text={{ doctor: doctorName, approveDescription }} />
              </div>
            ) : null}
            {leave.can.cancel ? (
              <div className="mt-3">
                <LeaveCancel leaveId={leave.id} version={leave.version} description={t("cancel.description", { kind: tKind(leave.kind), start: day(leave.startDate), end: day(leave.endDate), days: leave.days })} />
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
