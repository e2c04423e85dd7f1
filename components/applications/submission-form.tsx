"use client";

import { useRouter } from "next/navigation";
import { nominateAction, registerAction } from "@/lib/actions/applications";
import { useActionForm } from "@/lib/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { FormMessages } from "@/components/ui/form-messages";
import { needsExceptionReason } from "@/lib/domain/nomination-rules";
import type { EligibilityVerdict } from "@/lib/generated/prisma/enums";
import { nominateSchema, registerSchema, type NominateInput } from "@/lib/schemas/applications";
import { instantDetails } from "./instant";
import { ReasonField } from "./reason-field";

/**
 * Submits a nomination (a unit's, for one of its doctors) or a doctor's own registration for the
 * chosen post. A doctor who is not surely eligible needs the written reason, which marks the
 * application as an exception for the bureau; the server checks the verdict and the deadline again.
 */
export function SubmissionForm({ mode, postId, doctorId, verdict }: { mode: "nominate" | "register"; postId: string; doctorId?: string; verdict: EligibilityVerdict }) {
  const router = useRouter();
  const needsReason = needsExceptionReason(verdict);
  const form = useActionForm({
    namespace: "applications",
    schema: mode === "nominate" ? nominateSchema : (registerSchema as unknown as typeof nominateSchema),
    defaultValues: { postId, doctorId: doctorId ?? "", exceptionReason: "" } satisfies NominateInput,
    fields: ["exceptionReason"],
    formatDetail: instantDetails,
    action: ({ doctorId, exceptionReason }) => {
      const reason = needsReason ? (exceptionReason ?? "") : undefined;
      return mode === "nominate" ? nominateAction({ postId, doctorId, exceptionReason: reason }) : registerAction({ postId, exceptionReason: reason });
    },
    onSuccess: (data) => router.push(`/applications/${data.id}?submitted=1`),
  });

  return (
    <form onSubmit={form.submit} noValidate className="flex flex-col gap-4">
      <FormMessages {...form.message} />
      {needsReason ? (
        <ReasonField id="exception-reason" label={form.t("exception.label")} hint={form.t(`exception.hint.${mode}`)} error={form.fieldError("exceptionReason")} required {...form.register("exceptionReason")} />
      ) : null}
      <div>
        <Button type="submit" disabled={form.busy} aria-busy={form.busy}>
          {form.busy ? form.t("submitting") : form.t(`submit.${mode}`)}
        </Button>
      </div>
    </form>
  );
}
