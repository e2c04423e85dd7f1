"use client";

import { Plus, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useFieldArray, useFormContext, type FieldError } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { SelectField } from "@/components/users/select-field";
import { TITLE_LEVELS, type DoctorFormValues } from "@/lib/schemas/doctors";
import { errorText, type ErrorTranslator } from "@/lib/forms/feedback";

function useErrorText() {
  const t = useTranslations("doctors");
  return (error: FieldError | undefined) => (error?.message ? errorText(t as unknown as ErrorTranslator, error.message) : undefined);
}

/** The title history: one row per title held (level, name, specialty, obtained on). */
export function TitleFields() {
  const t = useTranslations("doctors");
  const message = useErrorText();
  const { control, register, formState, getValues } = useFormContext<DoctorFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: "titles" });
  const errors = formState.errors.titles;
  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="mb-2 text-base font-semibold text-slate-800">{t("form.titles")}</legend>
      {fields.length === 0 ? <p className="text-sm text-slate-500">{t("form.noTitles")}</p> : null}
      {fields.map((field, i) => (
        <div key={field.id} className="grid gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-[9rem_1fr_1fr_10rem_auto] sm:items-start">
          <SelectField
            label={t("form.titleLevel")}
            placeholder={t("form.choose")}
            options={TITLE_LEVELS.map((l) => ({ value: l, label: t(`titleLevel.${l}`) }))}
            error={message(errors?.[i]?.level)}
            {...register(`titles.${i}.level`)}
          />
          <TextField label={t("form.titleName")} placeholder={t("form.titleNamePlaceholder")} maxLength={30} error={message(errors?.[i]?.name)} {...register(`titles.${i}.name`)} />
          <TextField label={t("form.titleSpecialty")} maxLength={50} error={message(errors?.[i]?.specialty)} {...register(`titles.${i}.specialty`)} />
          <TextField label={t("form.obtainedOn")} type="date" error={message(errors?.[i]?.obtainedOn)} {...register(`titles.${i}.obtainedOn`)} />
          <Button type="button" variant="ghost" className="sm:mt-7" onClick={() => remove(i)} aria-label={t("form.removeRow", { index: i + 1 })}>
            <Trash2 aria-hidden className="h-4 w-4" />
          </Button>
        </div>
      ))}
      <div>
        <Button type="button" variant="secondary" onClick={() => append({ level: "INTERMEDIATE", name: "", specialty: getValues("specialty") ?? "", obtainedOn: "" })}>
          <Plus aria-hidden className="h-4 w-4" />
          {t("form.addTitle")}
        </Button>
      </div>
    </fieldset>
  );
}

/** The grassroots-service history: organisation, from, to (empty while ongoing), full time. */
export function GrassrootsFields() {
  const t = useTranslations("doctors");
  const message = useErrorText();
  const { control, register, formState } = useFormContext<DoctorFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: "grassrootsServices" });
  const errors = formState.errors.grassrootsServices;
  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="mb-2 text-base font-semibold text-slate-800">{t("form.grassroots")}</legend>
      {fields.length === 0 ? <p className="text-sm text-slate-500">{t("form.noGrassroots")}</p> : null}
      {fields.map((field, i) => (
        <div key={field.id} className="grid gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-[1fr_10rem_10rem_auto_auto] sm:items-start">
          <TextField label={t("form.organizationName")} maxLength={100} error={message(errors?.[i]?.organizationName)} {...register(`grassrootsServices.${i}.organizationName`)} />
          <TextField label={t("form.startDate")} type="date" error={message(errors?.[i]?.startDate)} {...register(`grassrootsServices.${i}.startDate`)} />
          <TextField label={t("form.endDate")} type="date" error={message(errors?.[i]?.endDate)} {...register(`grassrootsServices.${i}.endDate`)} />
          <label className="flex items-center gap-2 text-sm text-slate-700 sm:mt-9">
            <input type="checkbox" className="h-4 w-4" {...register(`grassrootsServices.${i}.isFullTime`)} />
            {t("form.isFullTime")}
          </label>
          <Button type="button" variant="ghost" className="sm:mt-7" onClick={() => remove(i)} aria-label={t("form.removeRow", { index: i + 1 })}>
            <Trash2 aria-hidden className="h-4 w-4" />
          </Button>
        </div>
      ))}
      <div>
        <Button type="button" variant="secondary" onClick={() => append({ organizationName: "", startDate: "", endDate: "", isFullTime: true })}>
          <Plus aria-hidden className="h-4 w-4" />
          {t("form.addGrassroots")}
        </Button>
      </div>
    </fieldset>
  );
}
