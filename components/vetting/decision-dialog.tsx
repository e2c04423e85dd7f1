"use client";

import * as AlertDialog from "@radix-ui/react-alert-dialog";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useRef, useState, type ReactNode } from "react";
import { decideAction } from "@/lib/actions/vetting";
import { fieldErrorsOf, type ErrorTranslator } from "@/lib/forms/feedback";
import { verdictOverrides } from "@/lib/domain/nomination-rules";
import { encodeMissing, missingInWords } from "@/lib/domain/required-documents";
import type { AttachmentKind, DecisionOutcome, EligibilityVerdict, StageKind } from "@/lib/generated/prisma/enums";
import { fieldText, serverErrorText } from "@/lib/forms/feedback";

export interface DecisionTarget {
  id: string;
  /** Shown in the confirmation; omitted for a single application on its own page. */
  name?: string;
  eligibilityVerdict: EligibilityVerdict | null;
  /** The documents it lacks to pass the stage (required by it or an earlier one): a pass needs a written exception. */
  missingDocuments?: readonly AttachmentKind[];
}

const NAMES_SHOWN = 12;

/** Whether the rules require a written reason: a fail, a withdrawal, a correction, or passing the preliminary review of someone not found eligible. */
export function reasonNeeded(outcome: DecisionOutcome, stage: StageKind, targets: readonly DecisionTarget[], correction: boolean): { required: boolean; overridden: DecisionTarget[] } {
  const overridden = verdictOverrides(outcome, stage, targets);
  return { required: correction || outcome !== "PASS" || overridden.length > 0, overridden };
}

/**
 * The reason and the confirmation of one decision for the selected applications ("将3人标记为“不通过”"),
 * in one alert dialog: the reason is required where the rules say so, the server's refusal (a cap,
 * a stage someone else just decided) shows in words, and the page refreshes on success.
 */
export function DecisionDialog({
  trigger,
  outcome,
  stage,
  targets,
  correction = false,
  remaining = null,
  onDone,
}: {
  trigger: ReactNode;
  outcome: DecisionOutcome;
  stage: StageKind;
  targets: readonly DecisionTarget[];
  correction?: boolean;
  /** For a pass at a capped stage: how many more may pass; more chosen is warned of before confirming. */
  remaining?: number | null;
  onDone?: (message: string) => void;
}) {
  const t = useTranslations("vetting");
  const tStage = useTranslations("stage");
  const tList = useTranslations("list");
  const tKind = useTranslations("attachments.kind");
  const locale = useLocale();
  const te = t as unknown as ErrorTranslator;
  const router = useRouter();
  const reasonId = useId();
  const exceptionId = useId();
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const exceptionRef = useRef<HTMLTextAreaElement>(null);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [exception, setException] = useState("");
  const [exceptionError, setExceptionError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reasonError, setReasonError] = useState<string | null>(null);
  const { required, overridden } = reasonNeeded(outcome, stage, targets, correction);
  const outcomeText = t(`decision.outcome.${outcome}`);
  const named = targets.filter((a) => a.name);
  // Issue 15: what a pass would lack, named before the officer confirms; the server refuses it without the exception.
  const lacking = outcome === "PASS" ? targets.filter((a) => a.missingDocuments && a.missingDocuments.length > 0) : [];
  const kindLabel = (kind: AttachmentKind) => tKind(kind);
  const lackingWords = lacking.length
    ? named.length > 0
      ? missingInWords(encodeMissing(lacking.map((a) => ({ doctor: a.name ?? "", missing: [...a.missingDocuments!] }))), kindLabel, locale)
      : lacking[0]!.missingDocuments!.map(kindLabel).join(locale.startsWith("zh") ? "、" : ", ")
    : "";
  const formatDetail = (name: string, value: string) => (name === "documents" ? missingInWords(value, kindLabel, locale) : undefined);

  function onOpenChange(next: boolean) {
    if (busy) return;
    setOpen(next);
    if (next) {
      setReason("");
      setException("");
      setError(null);
      setReasonError(null);
      setExceptionError(null);
    }
  }

  async function confirm() {
    setError(null);
    setReasonError(null);
    if (required && !reason.trim()) {
      setReasonError(t("decision.reasonRequired"));
      reasonRef.current?.focus();
      return;
    }
    if (lacking.length > 0 && !exception.trim()) {
      setExceptionError(t("decision.exceptionRequired"));
      exceptionRef.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const result = await decideAction({
        applicationIds: targets.map((a) => a.id),
        stage,
        outcome,
        reason: reason.trim() || undefined,
        documentException: lacking.length > 0 ? exception.trim() : undefined,
      });
      if (result?.data) {
        setOpen(false);
        onDone?.(correction ? t("decision.corrected", { outcome: outcomeText }) : t("decision.done", { count: result.data.decided, outcome: outcomeText }));
        router.refresh();
        return;
      }
      const fields = fieldErrorsOf(result);
      if (fields.reason) {
        setReasonError(fieldText(te, fields.reason) ?? null);
        reasonRef.current?.focus();
      }
      else if (Object.keys(fields).length) setError(fieldText(te, Object.values(fields)[0]) ?? null);
      else setError(serverErrorText(te, result?.serverError, { formatDetail }));
    } catch {
      setError(t("errors.generic"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <AlertDialog.Root open={open} onOpenChange={onOpenChange}>
      <AlertDialog.Trigger asChild>{trigger}</AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <AlertDialog.Content
          onOpenAutoFocus={(event) => {
            // The reason is what the officer writes first.
            event.preventDefault();
            reasonRef.current?.focus();
          }}
          className="fixed left-1/2 top-1/2 z-50 max-h-[calc(100vh-2rem)] w-[min(32rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg bg-white p-6 shadow-xl">
          <AlertDialog.Title className="text-lg font-semibold text-slate-900">
            {correction
              ? t("decision.correctTitle", { outcome: outcomeText })
              : named.length > 0 || targets.length > 1
                ? t("decision.confirmTitle", { count: targets.length, outcome: outcomeText })
                : t("decision.confirmTitleOne", { outcome: outcomeText })}
          </AlertDialog.Title>
          <AlertDialog.Description asChild>
            <div className="mt-2 flex flex-col gap-1 text-sm text-slate-600">
              <p>{t("decision.confirmStage", { stage: tStage(stage) })}</p>
              {named.length > 0 ? (
                <p>
                  {t("decision.confirmNames", {
                    names: named.slice(0, NAMES_SHOWN).map((a) => a.name).join("、") + (named.length > NAMES_SHOWN ? "…" : ""),
                  })}
                </p>
              ) : null}
              {correction ? <p className="text-amber-800">{t("decision.correctionConfirm")}</p> : null}
            </div>
          </AlertDialog.Description>
          {remaining !== null && targets.length > remaining ? (
            <p role="alert" className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">
              {t("decision.overCap", { count: targets.length, remaining: Math.max(remaining, 0) })}
            </p>
          ) : null}
          {overridden.length > 0 ? (
            <p className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">
              {overridden.some((a) => a.name) ? t("decision.overrideWhy", { names: overridden.map((a) => a.name).filter(Boolean).join("、") }) : t("decision.overrideWhyOne")}
            </p>
          ) : null}
          {lacking.length > 0 ? (
            <div className="mt-3 flex flex-col gap-1.5 rounded-md bg-amber-50 px-3 py-2">
              <p role="alert" className="text-sm text-amber-800">
                {named.length > 0 ? t("decision.missingWarning", { documents: lackingWords }) : t("decision.missingWarningOne", { documents: lackingWords })}
              </p>
              <label htmlFor={exceptionId} className="text-sm font-medium text-slate-700">
                {t("decision.exception")}
                <span aria-hidden className="text-red-600"> *</span>
              </label>
              <textarea
                ref={exceptionRef}
                id={exceptionId}
                value={exception}
                onChange={(e) => setException(e.target.value)}
                rows={2}
                maxLength={2000}
                required
                aria-invalid={exceptionError ? true : undefined}
                aria-describedby={exceptionError ? `${exceptionId}-error` : undefined}
                placeholder={t("decision.exceptionPlaceholder")}
                className={`rounded-md border bg-white px-3 py-2 text-base shadow-sm outline-none focus:border-brand-600 focus:ring-2 focus:ring-brand-100 ${exceptionError ? "border-red-500" : "border-slate-300"}`}
              />
              {exceptionError ? (
                <p id={`${exceptionId}-error`} className="text-sm text-red-600">
                  {exceptionError}
                </p>
              ) : null}
            </div>
          ) : null}
          <div className="mt-4 flex flex-col gap-1.5">
            <label htmlFor={reasonId} className="text-sm font-medium text-slate-700">
              {required ? t("decision.reason") : t("decision.reasonOptional")}
              {required ? <span aria-hidden className="text-red-600"> *</span> : null}
            </label>
            <textarea
              ref={reasonRef}
              id={reasonId}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              rows={3}
              maxLength={2000}
              required={required}
              aria-invalid={reasonError ? true : undefined}
              aria-describedby={reasonError ? `${reasonId}-error` : undefined}
              placeholder={t("decision.reasonPlaceholder")}
              className={`rounded-md border bg-white px-3 py-2 text-base shadow-sm outline-none focus:border-brand-600 focus:ring-2 focus:ring-brand-100 ${reasonError ? "border-red-500" : "border-slate-300"}`}
            />
            {targets.length > 1 ? <p className="text-xs text-slate-500">{t("decision.batchReasonStaffOnly")}</p> : null}
            {reasonError ? (
              <p id={`${reasonId}-error`} className="text-sm text-red-600">
                {reasonError}
              </p>
            ) : null}
          </div>
          {error ? (
            <p role="alert" className="mt-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
              {error}
            </p>
          ) : null}
          <div className="mt-6 flex justify-end gap-2">
            <AlertDialog.Cancel className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm hover:bg-slate-50" disabled={busy}>
              {tList("cancel")}
            </AlertDialog.Cancel>
            <button
              type="button"
              disabled={busy}
              aria-busy={busy}
              onClick={confirm}
              className={
                outcome === "PASS"
                  ? "rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
                  : "rounded-md bg-red-600 px-4 py-2 text-sm font-medium text-white hover:bg-red-700 disabled:opacity-60"
              }
            >
              {busy ? t("decision.confirming") : t("decision.confirm")}
            </button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
