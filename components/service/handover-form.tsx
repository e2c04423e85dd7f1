"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useForm, type UseFormRegisterReturn } from "react-hook-form";
import { errorText, placeServerErrors, serverErrorText, type ErrorTranslator } from "@/lib/forms/feedback";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormMessages } from "@/components/ui/form-messages";
import { acknowledgeHandoverAction, saveHandoverAction } from "@/lib/actions/handover";
import { HANDOVER_SECTIONS, handoverFields } from "@/lib/schemas/handover";

export interface HandoverValues {
  openCases: string;
  mentees: string;
  projects: string;
  contacts: string;
  notes: string;
}
type Field = keyof HandoverValues;
const FIELDS: readonly Field[] = [...HANDOVER_SECTIONS, "notes"];

function Area({ label, hint, error, rows, registration }: { label: string; hint: string; error?: string; rows: number; registration: UseFormRegisterReturn }) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-sm font-medium text-slate-700">{label}</label>
      <p id={`${id}-hint`} className="text-xs text-slate-500">{hint}</p>
      <textarea
        id={id}
        rows={rows}
        maxLength={4000}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
        className={`rounded-md border bg-white px-3 py-2 text-base shadow-sm outline-none focus:border-brand-600 focus:ring-2 focus:ring-brand-100 ${error ? "border-red-500" : "border-slate-300"}`}
        {...registration}
      />
      {error ? <p id={`${id}-error`} className="text-sm text-red-600">{error}</p> : null}
    </div>
  );
}

/** The doctor writes the packet: save a draft, submit (asks first), correct after submitting. */
export function HandoverForm({ dispatchId, version, isSubmitted, initial }: { dispatchId: string; version: number; isSubmitted: boolean; initial: HandoverValues }) {
  const t = useTranslations("handover");
  const te = t as unknown as ErrorTranslator;
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<HandoverValues>({ resolver: zodResolver(handoverFields.pick({ openCases: true, mentees: true, projects: true, contacts: true, notes: true })) as never, defaultValues: initial });

  async function send(values: HandoverValues, submit: boolean) {
    setFormError(null);
    setSuccess(null);
    const result = await saveHandoverAction({ ...values, dispatchId, version, submit });
    if (result?.data) {
      setSuccess(isSubmitted ? t("updated") : submit ? t("submitted") : t("saved"));
      router.refresh();
      return;
    }
    setFormError(placeServerErrors(te, result, FIELDS, setError));
  }

  const err = (field: Field) => (errors[field]?.message ? errorText(te, errors[field]?.message) : undefined);
  return (
    <form onSubmit={handleSubmit((v) => send(v, isSubmitted))} noValidate className="flex flex-col gap-4">
      <FormMessages error={formError} success={success} />
      {HANDOVER_SECTIONS.map((s) => (
        <Area key={s} label={t(`sections.${s}`)} hint={t(`hints.${s}`)} rows={4} error={err(s)} registration={register(s)} />
      ))}
      <Area label={t("sections.notes")} hint={t("hints.notes")} rows={2} error={err("notes")} registration={register("notes")} />
      <div className="flex flex-wrap gap-2">
        {isSubmitted ? (
          <Button type="submit" disabled={isSubmitting} aria-busy={isSubmitting}>{t("saveChanges")}</Button>
        ) : (
          <>
            <ConfirmDialog
              trigger={<Button type="button" disabled={isSubmitting}>{t("submit")}</Button>}
              title={t("submit")}
              description={t("submitConfirm")}
              confirmLabel={t("submit")}
              tone="primary"
              onConfirm={() => handleSubmit((v) => send(v, true))()}
            />
            <Button type="submit" variant="secondary" disabled={isSubmitting} aria-busy={isSubmitting}>{t("saveDraft")}</Button>
          </>
        )}
      </div>
    </form>
  );
}

/** The successor or the receiving unit confirms having read the packet (again after a change). */
export function AcknowledgeHandover({ dispatchId, again }: { dispatchId: string; again: boolean }) {
  const t = useTranslations("handover");
  const te = t as unknown as ErrorTranslator;
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function acknowledge() {
    setBusy(true);
    setError(null);
    try {
      const result = await acknowledgeHandoverAction({ dispatchId });
      if (result?.data) return router.refresh();
      setError(serverErrorText(te, result?.serverError));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="flex flex-col gap-2">
      <FormMessages error={error} />
      <div>
        <Button type="button" onClick={acknowledge} disabled={busy} aria-busy={busy}>{again ? t("acknowledgeAgain") : t("acknowledge")}</Button>
      </div>
    </div>
  );
}
