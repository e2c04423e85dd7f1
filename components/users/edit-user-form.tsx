"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { updateUserAction } from "@/lib/actions/users";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import type { UserDetail, UserFormOptions } from "@/lib/server/users";
import { updateUserSchema, type UpdateUserInput } from "@/lib/schemas/users";
import { errorCodeKey, readActionResult, serverErrorText, type ErrorTranslator } from "@/lib/forms/feedback";
import { roleOptions } from "./role-options";
import { SelectField } from "./select-field";

export function EditUserForm({ user, options, isSelf }: { user: UserDetail; options: UserFormOptions; isSelf: boolean }) {
  const t = useTranslations("users");
  const tRoles = useTranslations("roles");
  const tCommon = useTranslations();
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const {
    register,
    handleSubmit,
    control,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<UpdateUserInput>({
    resolver: zodResolver(updateUserSchema),
    defaultValues: { id: user.id, displayName: user.displayName, role: user.role, organizationId: user.organizationId, doctorId: user.doctorId ?? "", email: user.email ?? "", phone: user.phone ?? "" },
  });
  const role = useWatch({ control, name: "role" });
  const organizationId = useWatch({ control, name: "organizationId" });
  const doctors = options.doctors.filter((d) => d.organizationId === organizationId);
  const err = (key?: string) => (key ? t(`errors.${key}` as "errors.required") : undefined);
  // The user's organisation may lie outside the admin's active list (deactivated); keep it selectable.
  const organizations = options.organizations.some((o) => o.id === user.organizationId)
    ? options.organizations
    : [{ id: user.organizationId, name: user.organizationName }, ...options.organizations];

  async function onSubmit(values: UpdateUserInput) {
    setMessage(null);
    // The version the page was opened with: someone else's save in between is refused and named (issue 12).
    const result = await updateUserAction({ ...values, version: user.version });
    if (result?.serverError?.message === "staleEdit") {
      setMessage({ ok: false, text: serverErrorText(t as unknown as ErrorTranslator, result.serverError) });
      return;
    }
    const feedback = readActionResult(result);
    if (feedback.ok) {
      setMessage({ ok: true, text: t("form.saved") });
      router.refresh();
      return;
    }
    for (const [field, keys] of Object.entries(feedback.fieldErrors)) setError(field as keyof UpdateUserInput, { message: keys[0] });
    if (feedback.formErrorKey) setMessage({ ok: false, text: t(`errors.${feedback.formErrorKey}` as "errors.required") });
    else if (Object.keys(feedback.fieldErrors).length === 0) setMessage({ ok: false, text: tCommon(errorCodeKey(feedback.errorCode)) });
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="grid gap-4 sm:grid-cols-2">
      {isSelf ? <p className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-600 sm:col-span-2">{t("form.selfNote")}</p> : null}
      <input type="hidden" {...register("id")} />
      <TextField className="sm:col-span-2" label={t("form.displayName")} autoComplete="off" error={err(errors.displayName?.message)} {...register("displayName")} />
      <TextField label={t("form.email")} type="email" autoComplete="off" maxLength={254} error={err(errors.email?.message)} {...register("email")} />
      <TextField label={t("form.phone")} type="tel" autoComplete="off" maxLength={20} error={err(errors.phone?.message)} {...register("phone")} />
      {isSelf ? (
        <>
          {/* Not editable for oneself: shown as text, sent unchanged (the server refuses a change anyway). */}
          <input type="hidden" {...register("role")} />
          <input type="hidden" {...register("organizationId")} />
          <ReadOnly label={t("form.role")} value={tRoles(user.role)} />
          <ReadOnly label={t("form.organization")} value={user.organizationName} />
        </>
      ) : (
        <>
          <SelectField label={t("form.role")} options={roleOptions((r) => tRoles(r))} error={err(errors.role?.message)} {...register("role")} />
          <SelectField
            label={t("form.organization")}
            options={organizations.map((o) => ({ value: o.id, label: o.name }))}
            error={err(errors.organizationId?.message)}
            {...register("organizationId")}
          />
        </>
      )}
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
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <Button type="submit" disabled={isSubmitting} aria-busy={isSubmitting}>
          {isSubmitting ? t("form.saving") : t("form.save")}
        </Button>
        <p role={message?.ok ? "status" : "alert"} className={message?.ok ? "text-sm text-emerald-700" : "text-sm text-red-700"}>
          {message?.text}
        </p>
      </div>
    </form>
  );
}

function ReadOnly({ label, value }: { label: string; value: string }) {
  return (
    <div className="flex flex-col gap-1.5">
      <span className="text-sm font-medium text-slate-700">{label}</span>
      <span className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-base text-slate-600">{value}</span>
    </div>
  );
}
