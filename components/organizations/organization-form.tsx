"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useId, useState, type ReactNode } from "react";
import { useForm, useWatch, type UseFormRegisterReturn } from "react-hook-form";
import { createOrganizationAction, updateOrganizationAction } from "@/lib/actions/organizations";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { HOSPITAL_GRADES, isHospitalKind, ORGANIZATION_KINDS, ORGANIZATION_LEVELS } from "@/lib/domain/organization-tree";
import { organizationSchema, type OrganizationFormValues } from "@/lib/schemas/organizations";
import { errorText, serverErrorText, type ErrorTranslator } from "@/lib/forms/feedback";
import { FormMessages } from "@/components/ui/form-messages";

export interface ParentChoice {
  id: string;
  name: string;
  isActive: boolean;
}

type Field = keyof OrganizationFormValues;
const FIELDS: readonly Field[] = ["name", "code", "kind", "level", "grade", "region", "parentId"];

/**
 * Create or edit one organisation. The schema is the server's (lib/schemas/organizations.ts); the
 * server's refusals come back as field errors (a taken name) or a sentence (out of jurisdiction).
 * When editing one's own organisation, the parent is shown but not sent: it is not the admin's to move.
 */
export function OrganizationForm({
  organizationId,
  version,
  defaultValues,
  parents,
  ownParentName,
}: {
  /** Absent when creating. */
  organizationId?: string;
  /** The organisation's version the edit started from: a stale edit is refused, naming what changed (issue 12). */
  version?: number;
  defaultValues: OrganizationFormValues;
  parents: ParentChoice[];
  /** Set when editing the user's own organisation: the parent is shown as text. */
  ownParentName?: string | null;
}) {
  const t = useTranslations("organizations");
  const te = t as unknown as ErrorTranslator;
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const isOwn = ownParentName !== undefined;
  const {
    register,
    handleSubmit,
    getValues,
    setError,
    setValue,
    control,
    formState: { errors, isSubmitting },
  } = useForm<OrganizationFormValues>({
    // The server parses the same schema; the form sends its values as typed ("" for an empty choice).
    resolver: zodResolver(organizationSchema) as never,
    defaultValues: isOwn ? { ...defaultValues, parentId: undefined } : defaultValues,
  });

  const kind = useWatch({ control, name: "kind" });
  const showGrade = !!kind && isHospitalKind(kind);
  useEffect(() => {
    if (!showGrade) setValue("grade", "");
  }, [showGrade, setValue]);

  async function onSubmit() {
    setFormError(null);
    setSaved(false);
    const values = getValues();
    const input = isOwn ? { ...values, parentId: undefined } : values;
    const result = organizationId ? await updateOrganizationAction({ ...input, id: organizationId, version }) : await createOrganizationAction(input);
    if (result?.data) {
      if (organizationId) {
        setSaved(true);
        router.refresh();
      } else {
        router.push(`/admin/organizations/${result.data.id}`);
      }
      return;
    }
    const fieldErrors = (result?.validationErrors as { fieldErrors?: Record<string, string[] | undefined> } | undefined)?.fieldErrors ?? {};
    let placed = false;
    for (const [field, messages] of Object.entries(fieldErrors)) {
      if (!messages?.length || !FIELDS.includes(field as Field)) continue;
      setError(field as Field, { type: "server", message: messages[0] }, { shouldFocus: !placed });
      placed = true;
    }
    setFormError(placed ? t("errors.validation") : serverErrorText(te, result?.serverError));
  }

  const err = (field: Field) => (errors[field]?.message ? errorText(te, errors[field]?.message) : undefined);

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="flex flex-col gap-5">
      <FormMessages error={formError} success={saved ? t("form.saved") : null} />

      <div className="grid gap-5 md:grid-cols-2">
        <TextField label={t("form.name")} autoComplete="off" maxLength={100} error={err("name")} {...register("name")} className="md:col-span-2" />
        <TextField label={t("form.code")} autoComplete="off" maxLength={32} error={err("code")} {...register("code")} />
        <TextField label={t("form.region")} autoComplete="off" maxLength={100} placeholder={t("form.regionPlaceholder")} error={err("region")} {...register("region")} />

        <SelectField label={t("form.kind")} error={err("kind")} registration={register("kind")}>
          {ORGANIZATION_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kind.${k}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("form.level")} error={err("level")} registration={register("level")}>
          {ORGANIZATION_LEVELS.map((l) => (
            <option key={l} value={l}>
              {t(`level.${l}`)}
            </option>
          ))}
        </SelectField>

        {showGrade ? (
          <SelectField label={t("form.grade")} error={err("grade")} registration={register("grade")}>
            <option value="">{t("form.gradeNone")}</option>
            {HOSPITAL_GRADES.map((g) => (
              <option key={g} value={g}>
                {t(`grade.${g}`)}
              </option>
            ))}
          </SelectField>
        ) : null}

        {isOwn ? (
          <div className="flex flex-col gap-1.5 md:col-span-2">
            <span className="text-sm font-medium text-slate-700">{t("form.parent")}</span>
            <p className="text-sm text-slate-800">{ownParentName ?? t("noParent")}</p>
            <p className="text-xs text-slate-500">{t("form.ownParent")}</p>
          </div>
        ) : (
          <SelectField label={t("form.parent")} error={err("parentId")} registration={register("parentId")} className="md:col-span-2">
            <option value="">{t("form.parentPlaceholder")}</option>
            {parents.map((p) => (
              <option key={p.id} value={p.id}>
                {p.isActive ? p.name : t("form.parentInactiveOption", { name: p.name })}
              </option>
            ))}
          </SelectField>
        )}
      </div>

      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={isSubmitting} aria-busy={isSubmitting}>
          {isSubmitting ? t("form.saving") : organizationId ? t("form.save") : t("form.create")}
        </Button>
        <Link href="/admin/organizations" className="inline-flex items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50">
          {t("form.cancel")}
        </Link>
      </div>
    </form>
  );
}

function SelectField({ label, error, registration, className, children }: { label: string; error?: string; registration: UseFormRegisterReturn; className?: string; children: ReactNode }) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className={`flex flex-col gap-1.5 ${className ?? ""}`}>
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {label}
      </label>
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        className={`rounded-md border bg-white px-3 py-2 text-base shadow-sm outline-none focus:border-brand-600 focus:ring-2 focus:ring-brand-100 ${error ? "border-red-500" : "border-slate-300"}`}
        {...registration}
      >
        {children}
      </select>
      {error ? (
        <p id={errorId} className="text-sm text-red-600">
          {error}
        </p>
      ) : null}
    </div>
  );
}
