import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { ATTACHMENT_KINDS, sizeParts } from "@/lib/domain/attachments";
import type { AttachmentKind } from "@/lib/generated/prisma/enums";
import { timeZone } from "@/lib/i18n/config";
import type { ApplicationDetail } from "@/lib/server/application-queries";
import { attachmentHref, attachmentPreviewHref } from "./attachment-links";
import { AttachmentUploadForm, type DecisionOption } from "./attachment-upload-form";

export type SectionAttachment = ApplicationDetail["attachments"][number];

const linkClass =
  "inline-flex items-center rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600";

/**
 * An application's documents, grouped by kind: those its programme requires to pass the stage it
 * stands at are always listed (marked missing when absent), the others when there are any. Each file opens in a new tab for a
 * preview or downloads. Below, the upload form with the kinds the caller may add now.
 */
export async function AttachmentSection({
  applicationId,
  attachments,
  allowedKinds,
  decisions,
  required,
}: {
  applicationId: string;
  /** The kinds needed to pass the stage it stands at (the programme's checklist, issue 15). */
  required: readonly AttachmentKind[];
  attachments: SectionAttachment[];
  /** The decisions a new document may be attached to (bureau staff only; none: no choice offered). */
  decisions?: DecisionOption[];
  allowedKinds: AttachmentKind[];
}) {
  const [t, format] = await Promise.all([getTranslations("attachments"), getFormatter()]);
  const size = (bytes: number) => {
    const { unit, value } = sizeParts(bytes);
    return t(unit, { value: format.number(value) });
  };
  const when = (d: Date) => format.dateTime(d, { year: "numeric", month: "long", day: "numeric", hour: "2-digit", minute: "2-digit", timeZone });
  const groups = ATTACHMENT_KINDS.map((kind) => ({ kind, files: attachments.filter((a) => a.kind === kind) })).filter(
    (g) => g.files.length > 0 || required.includes(g.kind),
  );

  return (
    <Card title={t("title")}>
      <ul className="divide-y divide-slate-100">
        {groups.map(({ kind, files }) => {
          const missing = files.length === 0;
          return (
            <li key={kind} className="py-3 first:pt-0">
              <div className="flex flex-wrap items-center gap-2">
                <h3 className="text-sm font-semibold text-slate-800">{t(`kind.${kind}`)}</h3>
                {required.includes(kind) ? <Badge tone={missing ? "warning" : "success"}>{missing ? t("missing") : t("required")}</Badge> : null}
                {files.length > 1 ? <span className="text-xs text-slate-500">{t("count", { count: files.length })}</span> : null}
              </div>
              {missing ? null : (
                <ul className="mt-2 flex flex-col gap-2" aria-label={t("listLabel", { kind: t(`kind.${kind}`) })}>
                  {files.map((file) => (
                    <li key={file.id} className="flex flex-col gap-2 rounded-md bg-slate-50 px-3 py-2 sm:flex-row sm:items-center sm:justify-between">
                      <div className="min-w-0">
                        <p className="break-all text-sm font-medium text-slate-900">{file.fileName}</p>
                        <p className="text-xs text-slate-500">
                          <span className="tabular-nums">{size(file.sizeBytes)}</span>
                          {" · "}
                          {t("uploadedBy", { name: file.uploadedBy.displayName, time: when(file.createdAt) })}
                          {file.stageDecisionId ? ` · ${t("linkedDecision")}` : null}
                        </p>
                      </div>
                      <div className="flex shrink-0 gap-2">
                        <a href={attachmentPreviewHref(file.id)} target="_blank" rel="noopener noreferrer" className={linkClass} aria-label={t("previewLabel", { fileName: file.fileName })}>
                          {t("preview")}
                        </a>
                        <a href={attachmentHref(file.id)} download={file.fileName} className={linkClass} aria-label={t("downloadLabel", { fileName: file.fileName })}>
                          {t("download")}
                        </a>
                      </div>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
      <div className="mt-4 border-t border-slate-100 pt-4">
        {allowedKinds.length > 0 ? (
          <AttachmentUploadForm applicationId={applicationId} kinds={allowedKinds} decisions={decisions} />
        ) : (
          <p className="text-sm text-slate-500">{t("cannotUpload")}</p>
        )}
      </div>
    </Card>
  );
}
