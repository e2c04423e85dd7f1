"use client";

import { useTranslations } from "next-intl";
import { Controller, useWatch } from "react-hook-form";
import { ReasonField } from "@/components/applications/reason-field";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { TextField } from "@/components/ui/field";
import { FormMessages } from "@/components/ui/form-messages";
import { recordAttendanceAction } from "@/lib/actions/leave";
import { exceedsAbsenceLimit } from "@/lib/domain/service-clock";
import { ATTENDANCE_SOURCES, recordAttendanceSchema, type RecordAttendanceInput } from "@/lib/schemas/leave";
import { useActionForm } from "@/lib/forms/use-action-form";
import { leaveDayDetails } from "./feedback";

/**
 * The supervisor's or the bureau's record of a check (暗访 spot check, 考勤 routine check) or of leave
 * taken without approval. An absence is asked before it is written (records are never changed), with
 * the count it makes against the programme's limit.
 */
export function AttendanceForm({ dispatchId, doctorName, absenceCount, absenceLimit, today }: { dispatchId: string; doctorName: string; absenceCount: number; absenceLimit: number | null; today: string }) {
  const t = useTranslations("leave.attendance");
  const tSource = useTranslations("leave.sources");
  const empty: RecordAttendanceInput = { dispatchId, source: "SPOT_CHECK", startDate: today, endDate: today, isPresent: true, note: "" };
  const form = useActionForm({
    namespace: "leave",
    schema: recordAttendanceSchema,
    defaultValues: empty,
    formatDetail: leaveDayDetails,
    // Leave taken without approval is an absence whatever the radio said.
    action: (values) => recordAttendanceAction({ ...values, isPresent: values.source === "UNAPPROVED_LEAVE" ? false : values.isPresent }),
    resetOnSuccess: true,
    refreshOnSuccess: true,
    onSuccess: () => t("recorded"),
  });
  const { register, control, formState, busy: isSubmitting } = form;
  const { errors } = formState;
  const [source, isPresent] = useWatch({ control, name: ["source", "isPresent"] });
  const absent = source === "UNAPPROVED_LEAVE" || !isPresent;
  const err = (key?: string) => (key ? form.say(key) : undefined);

  const count = absenceCount + 1;
  const description =
    absenceLimit === null ? t("confirmDescriptionNoLimit", { count }) : exceedsAbsenceLimit(count, absenceLimit) ? t("confirmDescriptionExceeds", { count, limit: absenceLimit }) : t("confirmDescription", { count, limit: absenceLimit });

  return (
    <form onSubmit={form.submit} noValidate className="flex flex-col gap-4">
      <FormMessages {...form.message} />
      <input type="hidden" {...register("dispatchId")} />
      <div className="flex flex-col gap-1.5">
        <label htmlFor="attendance-source" className="text-sm font-medium text-slate-700">
          {t("source")}
        </label>
        <select id="attendance-source" className="rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm" {...register("source")}>
          {ATTENDANCE_SOURCES.map((s) => (
            <option key={s} value={s}>
              {tSource(s)}
            </option>
          ))}
        </select>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={t("startDate")} type="date" max={today} error={err(errors.startDate?.message)} {...register("startDate")} />
        <TextField label={t("endDate")} type="date" max={today} error={err(errors.endDate?.message)} {...register("endDate")} />
      </div>
      {source !== "UNAPPROVED_LEAVE" ? (
        <Controller
          control={control}
          name="isPresent"
          render={({ field }) => (
            <fieldset className="flex flex-col gap-2">
              <legend className="text-sm font-medium text-slate-700">{t("result")}</legend>
              <div className="flex flex-wrap gap-4">
                <label className="flex items-center gap-2 text-sm">
                  <input type="radio" name="isPresent" checked={field.value === true} onChange={() => field.onChange(true)} /> {t("present")}
                </label>
                <label className="flex items-center gap-2 text-sm">
                  <input type="radio" name="isPresent" checked={field.value === false} onChange={() => field.onChange(false)} /> {t("absent")}
                </label>
              </div>
            </fieldset>
          )}
        />
      ) : null}
      <ReasonField id="attendance-note" label={t("note")} hint={absent ? t("noteHint") : undefined} maxLength={1000} error={err(errors.note?.message)} {...register("note")} />
      <div>
        {absent ? (
          <ConfirmDialog
            trigger={
              <Button type="button" disabled={isSubmitting} className="bg-red-600 hover:bg-red-700">
                {t("submit")}
              </Button>
            }
            title={t("confirmTitle", { doctor: doctorName })}
            description={description}
            confirmLabel={t("confirm")}
            onConfirm={async () => {
              if (await form.trigger()) await form.send({ isPresent: false });
            }}
          />
        ) : (
          <Button type="submit" disabled={isSubmitting} aria-busy={isSubmitting}>
            {t("submit")}
          </Button>
        )}
      </div>
    </form>
  );
}
