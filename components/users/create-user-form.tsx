"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { createUserAction } from "@/lib/actions/users";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import type { UserFormOptions } from "@/lib/server/users";
import { createUserSchema, type CreateUserInput } from "@/lib/schemas/users";
import { errorCodeKey, readActionResult } from "@/lib/forms/feedback";
import { OneTimePassword } from "./one-time-password";
import { roleOptions } from "./role-options";
import { SelectField } from "./select-field";

export function CreateUserForm({ options }: { options: UserFormOptions }) {
  const t = useTranslations("users");
  const tRoles = useTranslations("roles");
  const tCommon = useTranslations();
  const [created, setCreated] = useState<{ id: string; username: string; password: string } | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    control,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<CreateUserInput>({
    resolver: zodResolver(createUserSchema),
    defaultValues: { username: "", displayName: "", role: "" as CreateUserInput["role"], organizationId: "", doctorId: "", email: "", phone: "" },
  });
  const role = useWatch({ control, name: "role" });
  const organizationId = useWatch({ control, name: "organizationId" });
  const doctors = options.doctors.filter((d) => d.organizationId === organizationId);
  const err = (key?: string) => (key ? t(`errors.${key}` as "errors.required") : undefined);

  async function onSubmit(values: CreateUserInput) {
    setFormError(null);
    const result = await createUserAction(values);
    const feedback = readActionResult(result);
    if (feedback.ok && result.data) {
      setCreated(result.data);
      reset();
      return;
    }
    if (!feedback.ok) {
      for (const [field, keys] of Object.entries(feedback.fieldErrors)) setError(field as keyof CreateUserInput, { message: keys[0] });
      if (feedback.formErrorKey) setFormError(t(`errors.${feedback.formErrorKey}` as "errors.required"));
      else if (Object.keys(feedback.fieldErrors).length === 0) setFormError(tCommon(errorCodeKey(feedback.errorCode)));
    }
  }

  if (created) {
    return (
      <OneTimePassword title={t("oneTime.createdTitle", { username: created.username })} password={created.password}>
        <Link href={`/admin/users/${created.id}`} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
          {t("oneTime.viewAccount")}
        </Link>
        <button type="button" onClick={() => setCreated(null)} className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50">
          {t("oneTime.createAnother")}
        </button>
        <Link href="/admin/users" className="rounded-md px-4 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100">
          {t("backToList")}
        </Link>
      </OneTimePassword>
    );
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="grid max-w-2xl gap-4 sm:grid-cols-2">
      {formError ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 sm:col-span-2">
          {formError}
        </p>
      ) : null}
      <div className="flex flex-col gap-1">
        <TextField label={t("form.username")} autoComplete="off" autoCapitalize="none" spellCheck={false} error={err(errors.username?.message)} {...register("username")} />
        <p className="text-xs text-slate-500">{t("form.usernameHint")}</p>
      </div>
      <TextField label={t("form.displayName")} autoComplete="off" error={err(errors.displayName?.message)} {...register("displayName")} />
      <TextField label={t("form.email")} type="email" autoComplete="off" maxLength={254} error={err(errors.email?.message)} {...register("email")} />
      <TextField label={t("form.phone")} type="tel" autoComplete="off" maxLength={20} error={err(errors.phone?.message)} {...register("phone")} />
      <SelectField label={t("form.role")} placeholder={t("form.chooseRole")} options={roleOptions((r) => tRoles(r))} error={err(errors.role?.message)} {...register("role")} />
      <SelectField
        label={t("form.organization")}
        placeholder={t("form.chooseOrganization")}
        options={options.organizations.map((o) => ({ value: o.id, label: o.name }))}
        error={err(errors.organizationId?.message)}
        {...register("organizationId")}
      />
      {role === "DOCTOR" ? (
        <SelectField
          className="sm:col-span-2"
          label={t("form.doctor")}
          placeholder={t("form.noDoctor")}
          hint={t("form.doctorHint")}
          options={doctors.map((d) => ({ value: d.id, label: `${d.name} · ${d.department}` }))}
          error={err(errors.doctorId?.message)}
          {...register("doctorId")}
        />
      ) : null}
      <div className="flex gap-2 sm:col-span-2">
        <Button type="submit" disabled={isSubmitting} aria-busy={isSubmitting}>
          {isSubmitting ? t("form.creating") : t("form.create")}
        </Button>
        <Link href="/admin/users" className="rounded-md px-4 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100">
          {t("backToList")}
        </Link>
      </div>
    </form>
  );
}
