"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { errorText, fieldErrorsOf, type ErrorTranslator } from "@/lib/forms/feedback";
import { serverErrorText } from "@/lib/forms/feedback";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessages } from "@/components/ui/form-messages";
import { createDispatchAction } from "@/lib/actions/dispatches";
import { lastDayOfService } from "@/lib/domain/service-period";
import type { DispatchCandidate } from "@/lib/server/dispatch-queries";

/** One approved appointee to dispatch: arrival, months (the programme's by default), acting position, predecessor. The last day is shown as it will be computed. */
export function CreateDispatchForm({ candidate, defaultMonths }: { candidate: DispatchCandidate; defaultMonths: number }) {
  const t = useTranslations("dispatches");
  const te = t as unknown as ErrorTranslator;
  const router = useRouter();
  const [startDate, setStartDate] = useState("");
  const [months, setMonths] = useState(String(defaultMonths));
  const [acting, setActing] = useState("");
  const [predecessorId, setPredecessorId] = useState("");
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string | undefined> & { form?: string | null }>({});
  const monthsNumber = Number(months);
  const preview = /^\d{4}-\d{2}-\d{2}$/.test(startDate) && Number.isInteger(monthsNumber) && monthsNumber >= 1 && monthsNumber <= 120 ? lastDayOfService(startDate, monthsNumber) : null;
  const idp = `c-${candidate.applicationId}`;

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    try {
      const result = await createDispatchAction({ applicationId: candidate.applicationId, startDate, serviceMonths: Number.isFinite(monthsNumber) ? monthsNumber : undefined, actingPosition: acting, predecessorId });
      if (result?.data) return router.push(`/dispatches/${result.data.id}`);
      const fields = fieldErrorsOf(result);
      setErrors({
        ...Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, errorText(te, v)])),
        form: Object.keys(fields).length ? t("errors.validation") : serverErrorText(te, result?.serverError),
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-3" aria-label={t("create.formLabel", { doctor: candidate.doctorName })}>
      <FormMessages error={errors.form} />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <TextField id={`${idp}-start`} label={t("create.startDate")} type="date" required value={startDate} onChange={(e) => setStartDate(e.target.value)} error={errors.startDate} />
        <TextField id={`${idp}-months`} label={t("create.serviceMonths")} type="number" min={1} max={120} value={months} onChange={(e) => setMonths(e.target.value)} error={errors.serviceMonths} />
        <TextField id={`${idp}-acting`} label={t("create.acting")} placeholder={t("create.actingPlaceholder")} maxLength={40} value={acting} onChange={(e) => setActing(e.target.value)} error={errors.actingPosition} />
        <div className="flex flex-col gap-1.5">
          <label htmlFor={`${idp}-pred`} className="text-sm font-medium text-slate-700">
            {t("create.predecessor")}
          </label>
          <select id={`${idp}-pred`} value={predecessorId} onChange={(e) => setPredecessorId(e.target.value)} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-base">
            <option value="">{t("create.noPredecessor")}</option>
            {candidate.predecessors.map((p) => (
              <option key={p.id} value={p.id}>
                {t("create.predecessorOption", { name: p.doctorName, day: p.lastDay })}
              </option>
            ))}
          </select>
          {errors.predecessorId ? <p className="text-sm text-red-600">{errors.predecessorId}</p> : null}
        </div>
      </div>
      <p className="text-sm text-slate-700" aria-live="polite">
        {preview ? t("create.preview", { start: startDate, last: preview, months: monthsNumber }) : t("create.previewHint")}
      </p>
      <div>
        <Button type="submit" disabled={busy} aria-busy={busy}>
          {t("create.submit")}
        </Button>
      </div>
    </form>
  );
}
