"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { endorseAction, withdrawAction } from "@/lib/actions/applications";
import { errorText, fieldErrorsOf, serverErrorText, type ErrorTranslator } from "@/lib/forms/feedback";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormMessages } from "@/components/ui/form-messages";
import { needsExceptionReason } from "@/lib/domain/nomination-rules";
import type { EligibilityVerdict } from "@/lib/generated/prisma/enums";
import { instantDetails } from "./instant";
import { ReasonField } from "./reason-field";

type Result = Awaited<ReturnType<typeof endorseAction>>;

function useFeedback() {
  const t = useTranslations("applications");
  const format = useFormatter();
  const te = t as unknown as ErrorTranslator;
  return {
    t,
    /** The field's error (from the schema or the use case), or null and the form's sentence. */
    read(result: Result, field: string): { field?: string; form: string | null } {
      if (result?.data) return { form: null };
      const fields = fieldErrorsOf(result);
      if (fields[field]) return { field: errorText(te, fields[field]), form: t("errors.validation") };
      const other = Object.values(fields)[0];
      return { form: other ? errorText(te, other) : serverErrorText(te, result?.serverError, { formatDetail: instantDetails(format) }) };
    },
  };
}

const MIN_REASON = 2;

/**
 * The unit's answer to its doctor's self-registration: endorse (vetting starts; an exception reason
 * if the doctor is not surely eligible) or decline with the reason (final: asked before).
 */
export function EndorsePanel({ applicationId, doctorName, verdict, exceptionReason }: { applicationId: string; doctorName: string; verdict: EligibilityVerdict | null; exceptionReason: string | null }) {
  const { t, read } = useFeedback();
  const router = useRouter();
  const [exception, setException] = useState(exceptionReason ?? "");
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<{ exception?: string; reason?: string; form: string | null }>({ form: null });
  const needsException = needsExceptionReason(verdict);

  async function submit(endorse: boolean) {
    setErrors({ form: null });
    setBusy(true);
    try {
      const result = await endorseAction({ applicationId, endorse, reason: endorse ? undefined : reason, exceptionReason: endorse && needsException ? exception : undefined });
      if (result?.data) return router.refresh();
      const feedback = read(result, endorse ? "exceptionReason" : "reason");
      setErrors(endorse ? { exception: feedback.field, form: feedback.form } : { reason: feedback.field, form: feedback.form });
    } finally {
      setBusy(false);
    }
  }

  const declineButton = (onClick?: () => void) => (
    <Button type="button" variant="secondary" className="border-red-300 text-red-700 hover:bg-red-50" disabled={busy} onClick={onClick}>
      {t("endorse.decline")}
    </Button>
  );
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-slate-600">{t("endorse.intro")}</p>
      <FormMessages error={errors.form} />
      {needsException ? (
        <ReasonField id="endorse-exception" label={t("exception.label")} hint={t("exception.hint.nominate")} value={exception} onChange={(e) => setException(e.target.value)} error={errors.exception} />
      ) : null}
      <div>
        <Button type="button" disabled={busy} aria-busy={busy} onClick={() => submit(true)}>
          {t("endorse.confirm")}
        </Button>
      </div>
      <div className="flex flex-col gap-3 border-t border-slate-100 pt-4">
        <ReasonField id="decline-reason" label={t("endorse.declineReason")} value={reason} onChange={(e) => {
            setReason(e.target.value);
            if (errors.reason) setErrors({ form: errors.form });
          }} error={errors.reason} />
        <div>
          {reason.trim().length >= MIN_REASON ? (
            <ConfirmDialog
              trigger={declineButton()}
              title={t("endorse.declineTitle", { name: doctorName })}
              description={t("endorse.declineDescription", { reason: reason.trim() })}
              confirmLabel={t("endorse.declineConfirm")}
              onConfirm={() => submit(false)}
            />
          ) : (
            declineButton(() => setErrors({ reason: t("errors.reasonRequired"), form: null }))
          )}
        </div>
      </div>
    </div>
  );
}

/** Withdrawing the application (the doctor, or the nominating unit), with the reason; asked before. */
export function WithdrawPanel({ applicationId, doctorName }: { applicationId: string; doctorName: string }) {
  const { t, read } = useFeedback();
  const router = useRouter();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<{ field?: string; form: string | null }>({ form: null });

  async function withdraw() {
    setError({ form: null });
    const result = await withdrawAction({ applicationId, reason });
    if (result?.data) return router.refresh();
    setError(read(result, "reason"));
  }

  const button = (onClick?: () => void) => (
    <Button type="button" variant="secondary" className="border-red-300 text-red-700 hover:bg-red-50" onClick={onClick}>
      {t("withdraw.button")}
    </Button>
  );
  return (
    <div className="flex flex-col gap-3">
      <FormMessages error={error.form} />
      <ReasonField id="withdraw-reason" label={t("withdraw.reason")} hint={t("withdraw.hint")} value={reason} onChange={(e) => {
          setReason(e.target.value);
          if (error.field) setError({ form: error.form });
        }} error={error.field} />
      <div>
        {reason.trim().length >= MIN_REASON ? (
          <ConfirmDialog
            trigger={button()}
            title={t("withdraw.title", { name: doctorName })}
            description={t("withdraw.description", { reason: reason.trim() })}
            confirmLabel={t("withdraw.confirm")}
            onConfirm={withdraw}
          />
        ) : (
          button(() => setError({ field: t("errors.reasonRequired"), form: null }))
        )}
      </div>
    </div>
  );
}
