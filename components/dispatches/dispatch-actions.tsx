"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { errorText, fieldErrorsOf, type ErrorTranslator } from "@/lib/forms/feedback";
import { serverErrorText } from "@/lib/forms/feedback";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { TextField } from "@/components/ui/field";
import { FormMessages } from "@/components/ui/form-messages";
import { activateDispatchAction, cancelDispatchAction, completeDispatchAction, extendDispatchAction, terminateDispatchAction } from "@/lib/actions/dispatches";
import type { DispatchAction } from "@/lib/domain/dispatch";
import { dayOptions, dayValue } from "./days";

type Result = Awaited<ReturnType<typeof terminateDispatchAction>>;

/**
 * Staff's actions on one dispatch, each asked before: arrival, completion, cancellation (reason),
 * early end and extension (the new last day and the reason). The version read with the page goes
 * with every request; someone else's change meanwhile is refused in words.
 */
export function DispatchActions({ dispatchId, version, doctorName, lastDay, can }: { dispatchId: string; version: number; doctorName: string; lastDay: string; can: Record<DispatchAction, boolean> }) {
  const t = useTranslations("dispatches");
  const te = t as unknown as ErrorTranslator;
  const format = useFormatter();
  const router = useRouter();
  const [reason, setReason] = useState("");
  const [newLastDay, setNewLastDay] = useState("");
  const [errors, setErrors] = useState<{ reason?: string; lastDay?: string; form: string | null }>({ form: null });
  const [done, setDone] = useState<string | null>(null);
  const day = (d: string) => (/^\d{4}-\d{2}-\d{2}$/.test(d) ? format.dateTime(dayValue(d), dayOptions) : d);

  function show(result: Result) {
    const fields = fieldErrorsOf(result);
    setErrors({
      reason: fields.reason ? errorText(te, fields.reason) : undefined,
      lastDay: fields.lastDay ? errorText(te, fields.lastDay) : undefined,
      form: Object.keys(fields).length ? t("errors.validation") : serverErrorText(te, result?.serverError),
    });
  }

  async function run(action: DispatchAction) {
    setErrors({ form: null });
    setDone(null);
    const base = { dispatchId, expectedVersion: version };
    const result =
      action === "activate" ? await activateDispatchAction(base)
      : action === "complete" ? await completeDispatchAction(base)
      : action === "cancel" ? await cancelDispatchAction({ ...base, reason })
      : action === "terminate" ? await terminateDispatchAction({ ...base, reason, lastDay: newLastDay })
      : await extendDispatchAction({ ...base, reason, lastDay: newLastDay });
    if (result?.data) {
      setDone(t(`actions.done.${action}`));
      setReason("");
      setNewLastDay("");
      router.refresh();
      return;
    }
    show(result as Result);
  }

  const simple = (["activate", "complete"] as const).filter((a) => can[a]);
  const needsReason = (["cancel", "terminate", "extend"] as const).filter((a) => can[a]);
  if (simple.length === 0 && needsReason.length === 0) return <p className="text-sm text-slate-600">{t("actions.none")}</p>;
  const datesNeeded = can.terminate || can.extend;

  return (
    <div className="flex flex-col gap-4">
      <FormMessages error={errors.form} success={done} />
      {simple.length ? (
        <div className="flex flex-wrap gap-2">
          {simple.map((a) => (
            <ConfirmDialog
              key={a}
              tone="primary"
              trigger={<Button type="button">{t(`actions.${a}`)}</Button>}
              title={t(`actions.${a}Title`, { doctor: doctorName })}
              description={t(`actions.${a}Description`, { doctor: doctorName, lastDay: day(lastDay) })}
              confirmLabel={t(`actions.${a}`)}
              onConfirm={() => run(a)}
            />
          ))}
        </div>
      ) : null}
      {needsReason.length ? (
        <fieldset className="flex flex-col gap-3 border-t border-slate-100 pt-4">
          <legend className="text-sm font-semibold text-slate-800">{t("actions.changeTitle")}</legend>
          <p className="text-sm text-slate-600">{t("actions.changeHint", { lastDay: day(lastDay) })}</p>
          {datesNeeded ? <TextField label={t("actions.newLastDay")} type="date" value={newLastDay} onChange={(e) => setNewLastDay(e.target.value)} error={errors.lastDay} /> : null}
          <div className="flex flex-col gap-1.5">
            <label htmlFor="dispatch-reason" className="text-sm font-medium text-slate-700">
              {t("actions.reason")}
            </label>
            <textarea id="dispatch-reason" rows={3} value={reason} maxLength={2000} onChange={(e) => setReason(e.target.value)} aria-invalid={errors.reason ? true : undefined} className="rounded-md border border-slate-300 px-3 py-2 text-base" />
            {errors.reason ? <p className="text-sm text-red-600">{errors.reason}</p> : null}
          </div>
          <div className="flex flex-wrap gap-2">
            {needsReason.map((a) => (
              <ConfirmDialog
                key={a}
                tone={a === "extend" ? "primary" : "danger"}
                trigger={
                  <Button type="button" variant="secondary" className={a === "extend" ? undefined : "border-red-300 text-red-700 hover:bg-red-50"}>
                    {t(`actions.${a}`)}
                  </Button>
                }
                title={t(`actions.${a}Title`, { doctor: doctorName })}
                description={t(`actions.${a}Description`, { doctor: doctorName, lastDay: day(lastDay), newLastDay: newLastDay ? day(newLastDay) : t("actions.noDate"), reason: reason.trim() || t("actions.noReason") })}
                confirmLabel={t(`actions.${a}`)}
                onConfirm={() => run(a)}
              />
            ))}
          </div>
        </fieldset>
      ) : null}
    </div>
  );
}
