"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormProvider, useForm, type FieldPath } from "react-hook-form";
import { createDoctorAction, updateDoctorAction } from "@/lib/actions/doctors";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { SelectField } from "@/components/users/select-field";
import { doctorSchema, EDUCATIONS, ID_TYPES, POSITION_RANKS, PRACTISING_CATEGORIES, SEXES, type DoctorFormValues } from "@/lib/schemas/doctors";
import { GrassrootsFields, TitleFields } from "./doctor-history-fields";
import { errorText, serverErrorText, type ErrorTranslator } from "@/lib/forms/feedback";
import { FormMessages } from "@/components/ui/form-messages";

export interface EmployerChoice {
  id: string;
  name: string;
}

/**
 * Create or edit one doctor with the title and grassroots histories. The schema is the server's
 * (lib/schemas/doctors.ts); the server's refusals come back as field errors (an ID number already
 * registered) or a sentence (an employer outside the user's jurisdiction). A hospital's nominator
 * sees its own hospital as the employer, fixed. An edit carries the record's `version` it started
 * from: when someone else saved in between, the server refuses it and the form says who changed
 * what and when (issue 12: no lost updates).
 */
export function DoctorForm({ doctorId, version, defaultValues, employers, fixedEmployerName }: { doctorId?: string; version?: number; defaultValues: DoctorFormValues; employers: EmployerChoice[]; fixedEmployerName?: string }) {
  const format = useFormatter();
  const t = useTranslations("doctors");
  const te = t as unknown as ErrorTranslator;
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const form = useForm<DoctorFormValues>({ resolver: zodResolver(doctorSchema) as never, defaultValues });
  const {
    register,
    handleSubmit,
    getValues,
    setError,
    formState: { errors, isSubmitting },
  } = form;

  async function onSubmit() {
    setFormError(null);
    setSaved(false);
    const values = getValues();
    const result = doctorId ? await updateDoctorAction({ ...values, id: doctorId, version }) : await createDoctorAction(values);
    if (result?.data) {
      if (doctorId) {
        setSaved(true);
        router.refresh();
      } else {
        router.push(`/doctors/${result.data.id}`);
      }
      return;
    }
    const fieldErrors = (result?.validationErrors as { fieldErrors?: Record<string, string[] | undefined> } | undefined)?.fieldErrors ?? {};
    let placed = false;
    for (const [field, messages] of Object.entries(fieldErrors)) {
      if (!messages?.length || field === "id") continue;
      setError(field as FieldPath<DoctorFormValues>, { type: "server", message: messages[0] }, { shouldFocus: !placed });
      placed = true;
    }
    const stale = result?.serverError?.message === "staleEdit" ? result.serverError.details : undefined;
    if (stale) {
      const fields = (stale.fields ?? "").split(",").filter(Boolean).map((f) => (te.has(`errors.fieldNames.${f}`) ? te(`errors.fieldNames.${f}`) : f));
      const at = stale.at ? format.dateTime(new Date(stale.at), { month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }) : "—";
      setFormError(t("errors.staleEdit", { by: stale.by ?? "—", at, fields: fields.join(t("errors.fieldSeparator")) || "—" }));
      return;
    }
    setFormError(placed ? t("errors.validation") : serverErrorText(te, result?.serverError));
  }

  type TopField = Exclude<keyof DoctorFormValues, "titles" | "grassrootsServices">;
  const err = (field: TopField) => (errors[field]?.message ? errorText(te, errors[field]?.message) : undefined);
  const options = <T extends string>(values: readonly T[], area: string) => values.map((v) => ({ value: v, label: t(`${area}.${v}` as never) }));

  return (
    <FormProvider {...form}>
      <form onSubmit={handleSubmit(onSubmit)} noValidate className="flex flex-col gap-6">
        <FormMessages error={formError} success={saved ? t("form.saved") : null} />

        <fieldset className="grid gap-4 md:grid-cols-2">
          <legend className="mb-2 text-base font-semibold text-slate-800">{t("form.personal")}</legend>
          <TextField label={t("form.name")} autoComplete="off" maxLength={50} error={err("name")} {...register("name")} />
          <SelectField label={t("form.sex")} placeholder={t("form.choose")} options={options(SEXES, "sex")} error={err("sex")} {...register("sex")} />
          <TextField label={t("form.ethnicity")} autoComplete="off" maxLength={20} error={err("ethnicity")} {...register("ethnicity")} />
          <TextField label={t("form.birthDate")} type="date" error={err("birthDate")} {...register("birthDate")} />
          <SelectField label={t("form.idType")} options={options(ID_TYPES, "idType")} error={err("idType")} {...register("idType")} />
          <TextField label={t("form.idNumber")} autoComplete="off" maxLength={30} inputMode="text" placeholder={t("form.idNumberHint")} error={err("idNumber")} {...register("idNumber")} />
          <SelectField label={t("form.education")} placeholder={t("form.choose")} options={options(EDUCATIONS, "education")} error={err("education")} {...register("education")} />
          <TextField label={t("form.degree")} autoComplete="off" maxLength={20} error={err("degree")} {...register("degree")} />
          <TextField label={t("form.major")} autoComplete="off" maxLength={50} error={err("major")} {...register("major")} className="md:col-span-2" />
        </fieldset>

        <fieldset className="grid gap-4 md:grid-cols-2">
          <legend className="mb-2 text-base font-semibold text-slate-800">{t("form.work")}</legend>
          {fixedEmployerName !== undefined ? (
            <div className="flex flex-col gap-1.5 md:col-span-2">
              <span className="text-sm font-medium text-slate-700">{t("form.employer")}</span>
              <p className="text-sm text-slate-800">{fixedEmployerName}</p>
              <p className="text-xs text-slate-500">{t("form.employerFixed")}</p>
              {err("employerId") ? <p className="text-sm text-red-600">{err("employerId")}</p> : null}
            </div>
          ) : (
            <SelectField
              label={t("form.employer")}
              placeholder={t("form.choose")}
              options={employers.map((e) => ({ value: e.id, label: e.name }))}
              error={err("employerId")}
              className="md:col-span-2"
              {...register("employerId")}
            />
          )}
          <TextField label={t("form.department")} autoComplete="off" maxLength={50} error={err("department")} {...register("department")} />
          <TextField label={t("form.specialty")} autoComplete="off" maxLength={50} error={err("specialty")} {...register("specialty")} />
          <SelectField label={t("form.practisingCategory")} placeholder={t("form.none")} options={options(PRACTISING_CATEGORIES, "category")} error={err("practisingCategory")} {...register("practisingCategory")} />
          <SelectField label={t("form.positionRank")} placeholder={t("form.none")} options={options(POSITION_RANKS, "rank")} error={err("positionRank")} {...register("positionRank")} />
          <TextField label={t("form.positionTitle")} autoComplete="off" maxLength={50} placeholder={t("form.positionTitlePlaceholder")} error={err("positionTitle")} {...register("positionTitle")} />
          <TextField label={t("form.hireDate")} type="date" error={err("hireDate")} {...register("hireDate")} />
          <TextField label={t("form.phone")} type="tel" autoComplete="off" maxLength={20} error={err("phone")} {...register("phone")} />
        </fieldset>

        <TitleFields />
        <GrassrootsFields />

        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={isSubmitting} aria-busy={isSubmitting}>
            {isSubmitting ? t("form.saving") : doctorId ? t("form.save") : t("form.create")}
          </Button>
          <Link href={doctorId ? `/doctors/${doctorId}` : "/doctors"} className="inline-flex items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50">
            {t("form.cancel")}
          </Link>
        </div>
      </form>
    </FormProvider>
  );
}
