"use client";

import { useRouter } from "next/navigation";
import { useWatch } from "react-hook-form";
import { endorseAction, withdrawAction } from "@/lib/actions/applications";
import { useActionForm } from "@/lib/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormMessages } from "@/components/ui/form-messages";
import { needsExceptionReason } from "@/lib/domain/nomination-rules";
import type { EligibilityVerdict } from "@/lib/generated/prisma/enums";
import { endorseSchema, withdrawSchema, type EndorseInput } from "@/lib/schemas/applications";
import { instantDetails } from "./instant";
import { ReasonField } from "./reason-field";

const MIN_REASON = 2;

/**
 * The unit's answer to its doctor's self-registration: endorse (vetting starts; an exception reason
 * if the doctor is not surely eligible) or decline with the reason (final: asked before).
 */
export function EndorsePanel({ applicationId, doctorName, verdict, exceptionReason }: { applicationId: string; doctorName: string; verdict: EligibilityVerdict | null; exceptionReason: string | null }) {
  const router = useRouter();
  const needsException = needsExceptionReason(verdict);
  const form = useActionForm({
    namespace: "applications",
    schema: endorseSchema,
    defaultValues: { applicationId, endorse: true, reason: "", exceptionReason: exceptionReason ?? "" } satisfies EndorseInput,
    fields: ["reason", "exceptionReason"],
    formatDetail: instantDetails,
    action: endorseAction,
    onSuccess: () => router.refresh(),
  });
  const { t } = form;
  const reason = useWatch({ control: form.control, name: "reason" }) ?? "";
  const endorse = (yes: boolean) => {
    const { reason, exceptionReason } = form.getValues();
    return form.send({ endorse: yes, reason: yes ? undefined : reason, exceptionReason: yes && needsException ? exceptionReason : undefined });
  };

  const declineButton = (onClick?: () => void) => (
    <Button type="button" variant="secondary" className="border-red-300 text-red-700 hover:bg-red-50" disabled={form.busy} onClick={onClick}>
      {t("endorse.decline")}
    </Button>
  );
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-slate-600">{t("endorse.intro")}</p>
      <FormMessages {...form.message} />
      {needsException ? (
        <ReasonField id="endorse-exception" label={t("exception.label")} hint={t("exception.hint.nominate")} error={form.fieldError("exceptionReason")} {...form.register("exceptionReason")} />
      ) : null}
      <div>
        <Button type="button" disabled={form.busy} aria-busy={form.busy} onClick={() => endorse(true)}>
          {t("endorse.confirm")}
        </Button>
      </div>
      <div className="flex flex-col gap-3 border-t border-slate-100 pt-4">
        <ReasonField id="decline-reason" label={t("endorse.declineReason")} error={form.fieldError("reason")} {...form.register("reason", { onChange: () => form.clearErrors("reason") })} />
        <div>
          {reason.trim().length >= MIN_REASON ? (
            <ConfirmDialog
              trigger={declineButton()}
              title={t("endorse.declineTitle", { name: doctorName })}
              description={t("endorse.declineDescription", { reason: reason.trim() })}
              confirmLabel={t("endorse.declineConfirm")}
              onConfirm={async () => {
                await endorse(false);
              }}
            />
          ) : (
            declineButton(() => {
              form.setMessage({});
              form.setError("reason", { message: "reasonRequired" }, { shouldFocus: true });
            })
          )}
        </div>
      </div>
    </div>
  );
}

/** Withdrawing the application (the doctor, or the nominating unit), with the reason; asked before. */
export function WithdrawPanel({ applicationId, doctorName }: { applicationId: string; doctorName: string }) {
  const router = useRouter();
  const form = useActionForm({
    namespace: "applications",
    schema: withdrawSchema,
    defaultValues: { applicationId, reason: "" },
    fields: ["reason"],
    formatDetail: instantDetails,
    action: withdrawAction,
    onSuccess: () => router.refresh(),
  });
  const { t } = form;
  const reason = useWatch({ control: form.control, name: "reason" }) ?? "";

  const button = (onClick?: () => void) => (
    <Button type="button" variant="secondary" className="border-red-300 text-red-700 hover:bg-red-50" onClick={onClick}>
      {t("withdraw.button")}
    </Button>
  );
  return (
    <div className="flex flex-col gap-3">
      <FormMessages {...form.message} />
      <ReasonField id="withdraw-reason" label={t("withdraw.reason")} hint={t("withdraw.hint")} error={form.fieldError("reason")} {...form.register("reason", { onChange: () => form.clearErrors("reason") })} />
      <div>
        {reason.trim().length >= MIN_REASON ? (
          <ConfirmDialog
            trigger={button()}
            title={t("withdraw.title", { name: doctorName })}
            description={t("withdraw.description", { reason: reason.trim() })}
            confirmLabel={t("withdraw.confirm")}
            onConfirm={async () => {
              await form.send();
            }}
          />
        ) : (
          button(() => {
            form.setMessage({});
            form.setError("reason", { message: "reasonRequired" }, { shouldFocus: true });
          })
        )}
      </div>
    </div>
  );
}
