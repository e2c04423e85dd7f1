"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useWatch } from "react-hook-form";
import { ReasonField } from "@/components/applications/reason-field";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessages } from "@/components/ui/form-messages";
import { fileLeaveAction } from "@/lib/actions/leave";
import { extendsService, LEAVE_KINDS, leaveDays } from "@/lib/domain/leave-rules";
import { movedLastDay } from "@/lib/domain/service-clock";
import { fileLeaveSchema, type FileLeaveInput } from "@/lib/schemas/leave";
import { isCalendarDate } from "@/lib/schemas/doctors";
import { useActionForm } from "@/lib/forms/use-action-form";
import { leaveDayDetails } from "./feedback";
import { dayAsDate, dayOptions } from "./format";

export interface LeaveFormRules {
  leaveFilingThresholdDays: number | null;
  homeLeavesPerYear: number | null;
  spouseVisitsMax: number | null;
  spouseVisitMaxMonths: number | null;
}

/**
 * The doctor's leave request: kind, first and last day, reason. While typing it says how many days
 * that is (both ends included) and whether it reaches the programme's threshold (以上: the number
 * included), and so goes to the bureau and moves the last day — and to which day.
 */
export function LeaveForm({ dispatchId, lastDay, firstDay, rules }: { dispatchId: string; firstDay: string; lastDay: string; rules: LeaveFormRules }) {
  const t = useTranslations("leave");
  const format = useFormatter();
  const blank: FileLeaveInput = { dispatchId, kind: undefined as never, startDate: "", endDate: "", reason: "" };
  const form = useActionForm({
    namespace: "leave",
    schema: fileLeaveSchema,
    defaultValues: blank,
    formatDetail: leaveDayDetails,
    action: fileLeaveAction,
    resetOnSuccess: true,
    refreshOnSuccess: true,
    onSuccess: () => t("form.filed"),
  });
  const { register, control, formState, busy: isSubmitting } = form;
  const { errors } = formState;
  const [startDate, endDate, kind] = useWatch({ control, name: ["startDate", "endDate", "kind"] });
  const day = (d: string) => format.dateTime(dayAsDate(d), dayOptions);
  const threshold = rules.leaveFilingThresholdDays;
  const days = isCalendarDate(startDate ?? "") && isCalendarDate(endDate ?? "") && endDate >= startDate ? leaveDays(startDate, endDate) : null;
  const extending = days !== null && extendsService(days, threshold);

  const err = (key?: string) => (key ? form.say(key) : undefined);

  return (
    <form onSubmit={form.submit} noValidate className="flex flex-col gap-4">
      <FormMessages {...form.message} />
      <input type="hidden" {...register("dispatchId")} />
      <div className="flex flex-col gap-1.5">
        <label htmlFor="leave-kind" className="text-sm font-medium text-slate-700">
          {t("form.kind")}
        </label>
        <select
          id="leave-kind"
          className={`rounded-md border bg-white px-3 py-2 text-base shadow-sm ${errors.kind ? "border-red-500" : "border-slate-300"}`}
          aria-invalid={errors.kind ? true : undefined}
          aria-describedby={errors.kind ? "leave-kind-error" : undefined}
          defaultValue=""
          {...register("kind")}
        >
          <option value="" disabled>
            {t("form.kindPlaceholder")}
          </option>
          {LEAVE_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </select>
        {errors.kind ? (
          <p id="leave-kind-error" className="text-sm text-red-600">
            {err(errors.kind.message)}
          </p>
        ) : null}
        {(kind === "HOME_LEAVE" || kind === "SPOUSE_VISIT") && rules.homeLeavesPerYear !== null ? <p className="text-sm text-slate-600">{t("form.homeRule", { perYear: rules.homeLeavesPerYear })}</p> : null}
        {kind === "SPOUSE_VISIT" && rules.spouseVisitsMax !== null && rules.spouseVisitMaxMonths !== null ? (
          <p className="text-sm text-slate-600">{t("form.spouseRule", { max: rules.spouseVisitsMax, months: rules.spouseVisitMaxMonths })}</p>
        ) : null}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={t("form.startDate")} type="date" min={firstDay} max={lastDay} error={err(errors.startDate?.message)} {...register("startDate")} />
        <TextField label={t("form.endDate")} type="date" min={startDate || firstDay} max={lastDay} error={err(errors.endDate?.message)} {...register("endDate")} />
      </div>
      {days !== null ? (
        <div role="status" className={extending ? "rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" : "rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700"}>
          <p className="font-medium" data-testid="leave-days">
            {t("form.days", { days })}
          </p>
          <p className="mt-1">
            {threshold === null
              ? t("form.noThreshold")
              : extending
                ? t("form.extends", { threshold, days, from: day(lastDay), to: day(movedLastDay(lastDay, days)) })
                : t("form.notExtends", { threshold })}
          </p>
        </div>
      ) : null}
      <ReasonField id="leave-reason" label={t("form.reason")} error={err(errors.reason?.message)} {...register("reason")} />
      <div>
        <Button type="submit" disabled={isSubmitting} aria-busy={isSubmitting}>
          {isSubmitting ? t("form.submitting") : t("form.submit")}
        </Button>
      </div>
    </form>
  );
}
