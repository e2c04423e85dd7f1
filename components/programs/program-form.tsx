"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { createProgramAction, updateProgramAction } from "@/lib/actions/programs";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { SelectField } from "@/components/users/select-field";
import { defaultTemplateStart, PROGRAM_TEMPLATES, TEMPLATE_KEYS, templateYear, type TemplateKey } from "@/lib/domain/program-templates";
import { calendarDate } from "@/lib/domain/program-timeline";
import { createProgramSchema, PROGRAM_KINDS, type ProgramFormValues } from "@/lib/schemas/programs";
import { errorText, placeServerErrors, type ErrorTranslator } from "@/lib/forms/feedback";
import { asNumber } from "@/lib/forms/number-input";
import { FormMessages } from "@/components/ui/form-messages";

type Field = keyof ProgramFormValues;
const FIELDS: readonly Field[] = ["template", "startDate", "kind", "name", "year", "batchNumber", "serviceMonths", "rotationBatches", "description"];

/**
 * Create a programme from a template, or edit one. The bureau is the user's own organisation, set on
 * the server. A template fills kind, service months and rotation batches here and gives the new
 * programme its stages and cut-off dates, laid out from the start date chosen (offered: the next
 * day the template opens after `today`, a Beijing day), edited afterwards on the programme's page.
 */
export function ProgramForm({ programId, version, defaultValues, today }: { programId?: string; version?: number; defaultValues: ProgramFormValues; today?: string }) {
  const t = useTranslations("programsAdmin");
  const tKind = useTranslations("programKind");
  const te = t as unknown as ErrorTranslator;
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const {
    register,
    handleSubmit,
    getValues,
    setError,
    setValue,
    formState: { errors, isSubmitting },
  } = useForm<ProgramFormValues>({ resolver: zodResolver(createProgramSchema) as never, defaultValues });

  function applyTemplate(key: TemplateKey) {
    const template = PROGRAM_TEMPLATES[key];
    setValue("kind", template.kind);
    setValue("serviceMonths", template.serviceMonths);
    setValue("rotationBatches", template.rotationBatches);
    if (today) {
      const start = defaultTemplateStart(key, today);
      setValue("startDate", start);
      setValue("year", templateYear(key, start));
    }
  }

  function applyStartDate(value: string) {
    if (calendarDate(value)) setValue("year", templateYear(getValues("template"), value));
  }

  async function onSubmit() {
    setFormError(null);
    setSaved(false);
    const { template, startDate, ...values } = getValues();
    const result = programId ? await updateProgramAction({ ...values, id: programId, version }) : await createProgramAction({ ...values, template, startDate });
    if (result?.data) {
      if (programId) {
        setSaved(true);
        router.refresh();
      } else {
        router.push(`/programs/${result.data.id}`);
      }
      return;
    }
    setFormError(placeServerErrors(te, result, FIELDS, setError));
  }

  const err = (field: Field) => (errors[field]?.message ? errorText(te, errors[field]?.message) : undefined);
  const templateField = register("template");
  const startDateField = register("startDate");

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="flex flex-col gap-5">
      <FormMessages error={formError} success={saved ? t("form.saved") : null} />
      <div className="grid grid-cols-1 gap-5 md:grid-cols-2">
        {programId ? null : (
          <SelectField
            label={t("form.template")}
            hint={t("form.templateHint")}
            error={err("template")}
            options={TEMPLATE_KEYS.map((k) => ({ value: k, label: t(`template.${k}`) }))}
            className="md:col-span-2"
            {...templateField}
            onChange={(event) => {
              void templateField.onChange(event);
              applyTemplate(event.target.value as TemplateKey);
            }}
          />
        )}
        {programId ? null : (
          <TextField
            label={t("form.startDate")}
            hint={t("form.startDateHint")}
            type="date"
            error={err("startDate")}
            className="md:col-span-2"
            {...startDateField}
            onChange={(event) => {
              void startDateField.onChange(event);
              applyStartDate(event.target.value);
            }}
          />
        )}
        <TextField label={t("form.name")} autoComplete="off" maxLength={100} error={err("name")} {...register("name")} className="md:col-span-2" />
        <SelectField label={t("form.kind")} error={err("kind")} options={PROGRAM_KINDS.map((k) => ({ value: k, label: tKind(k) }))} {...register("kind")} />
        <TextField label={t("form.year")} type="number" inputMode="numeric" min={2000} max={2100} error={err("year")} {...register("year", asNumber)} />
        <TextField label={t("form.batchNumber")} type="number" inputMode="numeric" min={1} placeholder={t("form.batchNumberPlaceholder")} error={err("batchNumber")} {...register("batchNumber", asNumber)} />
        <TextField label={t("form.serviceMonths")} type="number" inputMode="numeric" min={1} max={120} error={err("serviceMonths")} {...register("serviceMonths", asNumber)} />
        <TextField label={t("form.rotationBatches")} type="number" inputMode="numeric" min={1} max={12} error={err("rotationBatches")} {...register("rotationBatches", asNumber)} />
        <div className="flex flex-col gap-1.5 md:col-span-2">
          <label htmlFor="program-description" className="text-sm font-medium text-slate-700">
            {t("form.description")}
          </label>
          <textarea
            id="program-description"
            rows={4}
            maxLength={2000}
            aria-invalid={errors.description ? true : undefined}
            className="rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm outline-none focus:border-brand-600 focus:ring-2 focus:ring-brand-100"
            {...register("description")}
          />
          {err("description") ? <p className="text-sm text-red-600">{err("description")}</p> : null}
        </div>
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={isSubmitting} aria-busy={isSubmitting}>
          {isSubmitting ? t("form.saving") : programId ? t("form.save") : t("form.create")}
        </Button>
        <Link href={programId ? `/programs/${programId}` : "/programs"} className="inline-flex items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50">
          {t("form.cancel")}
        </Link>
      </div>
    </form>
  );
}
