"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessages } from "@/components/ui/form-messages";
import { SelectField } from "@/components/users/select-field";
import { ATTACHMENT_ACCEPT, checkFile, MAX_ATTACHMENT_BYTES, sizeParts } from "@/lib/domain/attachments";
import type { AttachmentKind } from "@/lib/generated/prisma/enums";
import { useActionForm, type ActionAnswer } from "@/lib/forms/use-action-form";
import { timeZone } from "@/lib/i18n/config";
import { uploadFormInputSchema } from "@/lib/schemas/attachments";
import { attachmentUploadUrl } from "./attachment-links";

interface ApiError {
  code?: string;
  message?: string;
  details?: Record<string, string>;
}

/** Sends the form with XMLHttpRequest, which reports upload progress (fetch does not). */
function send(url: string, body: FormData, onProgress: (percent: number) => void): Promise<{ status: number; error?: ApiError } | "network"> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => resolve({ status: xhr.status, error: (xhr.response as { error?: ApiError } | null)?.error });
    xhr.onerror = () => resolve("network");
    xhr.onabort = () => resolve("network");
    xhr.send(body);
  });
}

/** A stage decision a document may be attached to (bureau staff: the physical exam's result, the inspection's findings). */
export interface DecisionOption {
  id: string;
  label: string;
}

/**
 * Choose a kind and a file (and, for staff, optionally the decision it documents); checked here for
 * size and type (the server checks again), sent with a progress bar.
 */
export function AttachmentUploadForm({
  applicationId,
  url,
  title,
  kinds,
  decisions = [],
}: {
  applicationId?: string;
  /** Where the form is sent instead of the application's documents (a leave request's certificates: one kind, no choice shown). */
  url?: string;
  title?: string;
  kinds: AttachmentKind[];
  decisions?: DecisionOption[];
}) {
  const chooseKind = !url;
  const t = useTranslations("attachments");
  const format = useFormatter();
  const router = useRouter();
  const fileId = useId();
  const [progress, setProgress] = useState<number | null>(null);

  const { unit, value } = sizeParts(MAX_ATTACHMENT_BYTES);
  const max = t(unit, { value: format.number(value) });
  const when = (iso: string) => format.dateTime(new Date(iso), { year: "numeric", month: "long", day: "numeric", hour: "2-digit", minute: "2-digit", timeZone });
  const blank = { kind: kinds.length === 1 ? kinds[0]! : "", stageDecisionId: "", file: undefined };

  /** The browser's own check of the chosen file: its size, and its type from the name, the declared type and the first bytes. */
  async function fileProblem(file: File): Promise<string | null> {
    if (file.size === 0) return "fileRequired";
    if (file.size > MAX_ATTACHMENT_BYTES) return "fileTooLarge";
    // The first bytes are enough for the type (the size was checked above).
    const head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
    const check = checkFile({ fileName: file.name, declaredType: file.type, bytes: head });
    return check.ok ? null : check.refusal;
  }

  /** The upload in an action's answer: the file's refusals on the file, the rest the form's. */
  async function upload({ kind, stageDecisionId, file }: { kind: string; stageDecisionId?: string; file?: FileList }): Promise<ActionAnswer<{ fileName: string }>> {
    const chosen = file?.[0];
    const problem = chosen ? await fileProblem(chosen) : "fileRequired";
    if (problem || !chosen) return { validationErrors: { fieldErrors: { file: [problem ?? "fileRequired"] } } };
    const body = new FormData();
    body.set("kind", kind);
    body.set("file", chosen);
    if (stageDecisionId) body.set("stageDecisionId", stageDecisionId);
    setProgress(0);
    const result = await send(url ?? attachmentUploadUrl(applicationId ?? ""), body, setProgress);
    setProgress(null);
    if (result === "network") return { serverError: { code: "generic", message: "network" } };
    if (result.status === 201) return { data: { fileName: chosen.name } };
    const message = result.error?.message;
    if (message === "fileTooLarge" || message?.startsWith("fileType")) return { validationErrors: { fieldErrors: { file: [message] } } };
    return { serverError: { code: (result.error?.code ?? "generic") as never, ...(message ? { message } : {}), ...(result.error?.details ? { details: result.error.details } : {}) } };
  }

  const form = useActionForm({
    namespace: "attachments",
    schema: uploadFormInputSchema,
    defaultValues: blank,
    action: upload,
    formatDetail: () => (name, value) => (name === "closesAt" || name === "opensAt" ? when(value) : undefined),
    onSuccess: (data) => {
      form.reset(blank);
      // The chosen file's name stays in the input unless it is emptied too.
      const input = document.getElementById(fileId);
      if (input instanceof HTMLInputElement) input.value = "";
      router.refresh();
      return t("upload.done", { fileName: data.fileName });
    },
  });
  const fileKey = form.formState.errors.file?.message;
  const fileError = fileKey ? form.say(fileKey, { max }) : undefined;

  const busy = form.busy;
  return (
    <form onSubmit={form.submit} noValidate aria-labelledby={`${fileId}-title`} className="flex flex-col gap-3">
      <h3 id={`${fileId}-title`} className="text-sm font-semibold text-slate-800">
        {title ?? t("upload.title")}
      </h3>
      <FormMessages {...form.message} />
      <div className={chooseKind ? "grid gap-3 sm:grid-cols-2" : "grid gap-3"}>
        {chooseKind ? (
        <SelectField
          label={t("upload.kind")}
          placeholder={t("upload.kindPlaceholder")}
          options={kinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
          error={form.fieldError("kind")}
          disabled={busy}
          required
          {...form.register("kind", { onChange: () => form.clearErrors("kind") })}
        />
        ) : null}
        <div className="flex flex-col gap-1.5">
          <label htmlFor={fileId} className="text-sm font-medium text-slate-700">
            {t("upload.file")}
          </label>
          <input
            id={fileId}
            type="file"
            accept={ATTACHMENT_ACCEPT}
            required
            disabled={busy}
            aria-invalid={fileError ? true : undefined}
            aria-describedby={`${fileId}-hint${fileError ? ` ${fileId}-error` : ""}`}
            {...form.register("file", {
              onChange: () => {
                form.clearErrors("file");
                form.setMessage({});
              },
            })}
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm file:mr-3 file:rounded file:border-0 file:bg-slate-100 file:px-3 file:py-1 file:text-sm file:font-medium file:text-slate-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600"
          />
          <p id={`${fileId}-hint`} className="text-xs text-slate-500">
            {t("upload.hint", { max })}
          </p>
          {fileError ? (
            <p id={`${fileId}-error`} className="text-sm text-red-600">
              {fileError}
            </p>
          ) : null}
        </div>
      </div>
      {decisions.length > 0 ? (
        <SelectField
          label={t("upload.decision")}
          placeholder={t("upload.decisionNone")}
          options={decisions.map((d) => ({ value: d.id, label: d.label }))}
          disabled={busy}
          {...form.register("stageDecisionId")}
        />
      ) : null}
      {progress !== null ? (
        <div className="flex items-center gap-3">
          <div
            role="progressbar"
            aria-label={t("upload.progress")}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={progress}
            aria-valuetext={t("upload.progressText", { percent: progress })}
            className="h-2 flex-1 overflow-hidden rounded-full bg-slate-200"
          >
            <div className="h-full rounded-full bg-brand-600 transition-[width]" style={{ width: `${progress}%` }} />
          </div>
          <span className="w-24 text-right text-xs tabular-nums text-slate-600" aria-hidden="true">
            {t("upload.progressText", { percent: progress })}
          </span>
        </div>
      ) : null}
      <div>
        <Button type="submit" disabled={busy} aria-busy={busy}>
          {busy ? t("upload.uploading") : t("upload.submit")}
        </Button>
      </div>
    </form>
  );
}
