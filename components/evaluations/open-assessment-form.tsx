"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import type { ErrorTranslator } from "@/lib/forms/feedback";
import { Button } from "@/components/ui/button";
import { FormMessages } from "@/components/ui/form-messages";
import { openAssessmentAction } from "@/lib/actions/evaluations";
import { fieldErrorsOf, fieldText, serverErrorText } from "@/lib/forms/feedback";

const control = "w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm outline-none focus:border-brand-600 focus:ring-2 focus:ring-brand-100";

/** Staff open the annual assessment of a programme for a year, with a scheme (the default preselected). */
export function OpenAssessmentForm({ programs, schemes, defaultYear }: { programs: { id: string; name: string }[]; schemes: { id: string; name: string; isDefault: boolean }[]; defaultYear: number }) {
  const t = useTranslations("evaluations");
  const te = t as unknown as ErrorTranslator;
  const router = useRouter();
  const id = useId();
  const [values, setValues] = useState({ programId: programs[0]?.id ?? "", year: String(defaultYear), schemeId: schemes.find((s) => s.isDefault)?.id ?? schemes[0]?.id ?? "" });
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [message, setMessage] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const set = (field: keyof typeof values) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: e.target.value }));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setMessage(undefined);
    if (!values.programId) return setErrors({ programId: t("errors.required") });
    setBusy(true);
    try {
      const result = await openAssessmentAction({ programId: values.programId, year: Number(values.year), schemeId: values.schemeId || undefined });
      if (result?.data) {
        router.push(`/evaluations/assessments/${result.data.id}`);
        return;
      }
      const fields = fieldErrorsOf(result);
      setErrors(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, fieldText(te, v)])));
      if (!Object.keys(fields).length) setMessage(serverErrorText(te, result?.serverError));
    } catch {
      setMessage(t("errors.generic"));
    } finally {
      setBusy(false);
    }
  }

  const error = (name: string) =>
    errors[name] ? (
      <p id={`${id}-${name}-error`} className="text-sm text-red-600">
        {errors[name]}
      </p>
    ) : null;
  const described = (name: string) => ({ "aria-invalid": errors[name] ? true : undefined, "aria-describedby": errors[name] ? `${id}-${name}-error` : undefined });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label={t("open.title")}>
      <p className="text-sm text-slate-600">{t("open.hint")}</p>
      <FormMessages error={message} />
      <div className="grid gap-4 sm:grid-cols-3">
        <div className="flex flex-col gap-1.5 sm:col-span-1">
          <label htmlFor={`${id}-program`} className="text-sm font-medium text-slate-700">
            {t("open.program")}
          </label>
          <select id={`${id}-program`} value={values.programId} onChange={set("programId")} className={control} {...described("programId")}>
            {programs.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
          {error("programId")}
        </div>
        <div className="flex flex-col gap-1.5">
          <label htmlFor={`${id}-year`} className="text-sm font-medium text-slate-700">
            {t("open.year")}
          </label>
          <input id={`${id}-year`} type="number" inputMode="numeric" min={2000} max={2100} value={values.year} onChange={set("year")} className={control} {...described("year")} />
          {error("year")}
        </div>
        <div className="flex flex-col gap-1.5">
          <label htmlFor={`${id}-scheme`} className="text-sm font-medium text-slate-700">
            {t("open.scheme")}
          </label>
          <select id={`${id}-scheme`} value={values.schemeId} onChange={set("schemeId")} className={control} {...described("schemeId")}>
            {schemes.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          {error("schemeId")}
        </div>
      </div>
      <div>
        <Button type="submit" disabled={busy}>
          {t("open.submit")}
        </Button>
      </div>
    </form>
  );
}
