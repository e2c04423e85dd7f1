"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { nominateAction, registerAction } from "@/lib/actions/applications";
import { errorText, fieldErrorsOf, serverErrorText, type ErrorTranslator } from "@/lib/forms/feedback";
import { Button } from "@/components/ui/button";
import { FormMessages } from "@/components/ui/form-messages";
import { needsExceptionReason } from "@/lib/domain/nomination-rules";
import type { EligibilityVerdict } from "@/lib/generated/prisma/enums";
import { instantDetails } from "./instant";
import { ReasonField } from "./reason-field";

/**
 * Submits a nomination (a unit's, for one of its doctors) or a doctor's own registration for the
 * chosen post. A doctor who is not surely eligible needs the written reason, which marks the
 * application as an exception for the bureau; the server checks the verdict and the deadline again.
 */
export function SubmissionForm({ mode, postId, doctorId, verdict }: { mode: "nominate" | "register"; postId: string; doctorId?: string; verdict: EligibilityVerdict }) {
  const t = useTranslations("applications");
  const te = t as unknown as ErrorTranslator;
  const format = useFormatter();
  const router = useRouter();
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [reasonError, setReasonError] = useState<string | undefined>();
  const needsReason = needsExceptionReason(verdict);

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    setFormError(null);
    setReasonError(undefined);
    setBusy(true);
    try {
      const exceptionReason = needsReason ? reason : undefined;
      const result = mode === "nominate" ? await nominateAction({ postId, doctorId: doctorId ?? "", exceptionReason }) : await registerAction({ postId, exceptionReason });
      if (result?.data) {
        router.push(`/applications/${result.data.id}?submitted=1`);
        return;
      }
      const fields = fieldErrorsOf(result);
      if (fields.exceptionReason) {
        setReasonError(errorText(te, fields.exceptionReason));
        document.getElementById("exception-reason")?.focus();
      }
      setFormError(fields.exceptionReason ? t("errors.validation") : serverErrorText(te, result?.serverError, { formatDetail: instantDetails(format) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      <FormMessages error={formError} />
      {needsReason ? (
        <ReasonField
          id="exception-reason"
          label={t("exception.label")}
          hint={t(`exception.hint.${mode}`)}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={reasonError}
          required
        />
      ) : null}
      <div>
        <Button type="submit" disabled={busy} aria-busy={busy}>
          {busy ? t("submitting") : t(`submit.${mode}`)}
        </Button>
      </div>
    </form>
  );
}
