"use client";

import { useTranslations } from "next-intl";
import { usePathname, useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { withDone, type ErrorTranslator } from "@/lib/forms/feedback";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessages } from "@/components/ui/form-messages";
import { fileWorkLogAction, resubmitWorkLogAction } from "@/lib/actions/work-logs";
import { TEACHING_ACTIONS, WORK_LOG_BOUNDS, WORK_LOG_COUNTS, type TeachingAction } from "@/lib/domain/work-log";
import { numberFromInput } from "@/lib/forms/number-input";
import { feedbackOf, type Feedback } from "./feedback";
import { emptyValues, type WorkLogValues } from "./log-view";

/**
 * A day's or a week's log, fast on a phone: the dates (this week's days not yet logged, filled in),
 * the six counts as number pads two to a row, and the rest folded away. Files a new log, or — with
 * `edit` — corrects one (from the version read) and submits it again.
 */
export function WorkLogForm({ dispatchId, initial, edit, min, max, onDone }: { dispatchId: string; initial: WorkLogValues; edit?: { workLogId: string; version: number }; min: string; max: string; onDone?: () => void }) {
  const t = useTranslations("worklogs");
  const te = t as unknown as ErrorTranslator;
  const router = useRouter();
  const pathname = usePathname();
  const [values, setValues] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>({ fields: {}, form: null });
  const hasMore = Boolean(initial.newTechniques || initial.newDepartments || initial.donatedMedicineYuan || initial.otherWork || Object.keys(initial.teaching).length || initial.counts.freeClinics);

  const set = (patch: Partial<WorkLogValues>) => {
    setValues((v) => ({ ...v, ...patch }));
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setFeedback({ fields: {}, form: null });
    const body = {
      periodStart: values.periodStart,
      periodEnd: values.periodEnd,
      ...(Object.fromEntries(Object.entries(values.counts).map(([k, v]) => [k, numberFromInput(v)])) as Record<keyof typeof values.counts, unknown>),
      newTechniques: namesOf(values.newTechniques),
      newDepartments: namesOf(values.newDepartments),
      donatedMedicineYuan: values.donatedMedicineYuan,
      teaching: Object.fromEntries(Object.entries(values.teaching).filter(([, v]) => v !== "").map(([k, v]) => [k, numberFromInput(v)])) as Partial<Record<TeachingAction, unknown>>,
      otherWork: values.otherWork,
    };
    try {
      const result = edit ? await resubmitWorkLogAction({ ...body, ...edit }) : await fileWorkLogAction({ ...body, dispatchId });
      if (result?.data) {
        if (!edit) setValues(emptyValues(values.periodStart, values.periodEnd));
        // The filed log takes the form's place (a new week's) or closes it (a correction): the page
        // says it was filed (DoneNotice), where the form's own line would vanish with it.
        router.replace(withDone(pathname, window.location.search, "worklog"), { scroll: false });
        onDone?.();
        return;
      }
      setFeedback(feedbackOf(te, result));
    } finally {
      setBusy(false);
    }
  }

  const err = (field: string) => feedback.fields[field];
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4" aria-label={edit ? t("form.editTitle") : t("form.title")}>
      <p className="text-sm text-slate-600">{t("form.intro")}</p>
      <FormMessages error={feedback.form} />
      <div className="grid grid-cols-2 gap-3">
        <TextField label={t("fields.periodStart")} type="date" min={min} max={max} value={values.periodStart} onChange={(e) => set({ periodStart: e.target.value })} error={err("periodStart")} required />
        <TextField label={t("fields.periodEnd")} type="date" min={min} max={max} value={values.periodEnd} onChange={(e) => set({ periodEnd: e.target.value })} error={err("periodEnd")} required />
      </div>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3">
        {WORK_LOG_COUNTS.filter((c) => c !== "freeClinics").map((c) => (
          <TextField
            key={c}
            label={t(`fields.${c}`)}
            inputMode="numeric"
            pattern="[0-9]*"
            autoComplete="off"
            placeholder="0"
            max={WORK_LOG_BOUNDS[c]}
            value={values.counts[c]}
            onChange={(e) => set({ counts: { ...values.counts, [c]: e.target.value } })}
            error={err(c)}
          />
        ))}
      </div>
      <details className="rounded-md border border-slate-200 px-3 py-2" open={hasMore || Object.keys(feedback.fields).some((f) => ["newTechniques", "newDepartments", "freeClinics", "donatedMedicineYuan", "teaching", "otherWork"].includes(f))}>
        <summary className="cursor-pointer py-1 text-sm font-medium text-brand-700">{t("form.more")}</summary>
        <div className="mt-3 flex flex-col gap-4">
          <NamesField id="wl-techniques" label={t("fields.newTechniques")} hint={t("fields.newTechniquesHint")} value={values.newTechniques} onChange={(v) => set({ newTechniques: v })} error={err("newTechniques")} />
          <NamesField id="wl-departments" label={t("fields.newDepartments")} hint={t("fields.newDepartmentsHint")} value={values.newDepartments} onChange={(v) => set({ newDepartments: v })} error={err("newDepartments")} />
          <div className="grid grid-cols-2 gap-3">
            <TextField label={t("fields.freeClinics")} inputMode="numeric" pattern="[0-9]*" placeholder="0" value={values.counts.freeClinics} onChange={(e) => set({ counts: { ...values.counts, freeClinics: e.target.value } })} error={err("freeClinics")} />
            <TextField label={t("fields.donatedMedicineYuan")} inputMode="decimal" placeholder="0" value={values.donatedMedicineYuan} onChange={(e) => set({ donatedMedicineYuan: e.target.value })} error={err("donatedMedicineYuan")} />
          </div>
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1 text-sm font-medium text-slate-700">{t("fields.teaching")}</legend>
            {err("teaching") ? <p className="text-sm text-red-600">{err("teaching")}</p> : null}
            <div className="grid grid-cols-2 gap-3 sm:grid-cols-3">
              {TEACHING_ACTIONS.map((a) => (
                <TextField key={a} label={t(`teaching.${a}`)} inputMode="numeric" pattern="[0-9]*" placeholder="0" value={values.teaching[a] ?? ""} onChange={(e) => set({ teaching: { ...values.teaching, [a]: e.target.value } })} />
              ))}
            </div>
          </fieldset>
          <div className="flex flex-col gap-1.5">
            <label htmlFor="wl-other" className="text-sm font-medium text-slate-700">
              {t("fields.otherWork")}
            </label>
            <textarea
              id="wl-other"
              rows={2}
              maxLength={2000}
              aria-invalid={err("otherWork") ? true : undefined}
              className="rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm outline-none focus:border-brand-600 focus:ring-2 focus:ring-brand-100"
              value={values.otherWork}
              onChange={(e) => set({ otherWork: e.target.value })}
            />
            {err("otherWork") ? <p className="text-sm text-red-600">{err("otherWork")}</p> : null}
          </div>
        </div>
      </details>
      <div className="flex gap-3">
        <Button type="submit" disabled={busy} aria-busy={busy} className="w-full sm:w-auto">
          {edit ? t("form.resubmit") : t("form.submit")}
        </Button>
        {onDone && edit ? (
          <Button type="button" variant="secondary" onClick={onDone}>
            {t("form.cancel")}
          </Button>
        ) : null}
      </div>
    </form>
  );
}

/** Names typed one a line (or separated by commas or semicolons), blanks dropped. */
const namesOf = (text: string) => text.split(/\r?\n|[，,；;]/).map((s) => s.trim()).filter(Boolean);

/** A list of names (new techniques, new departments) as a textarea with its hint and error. */
function NamesField({ id, label, hint, value, onChange, error }: { id: string; label: string; hint: string; value: string; onChange: (value: string) => void; error?: string }) {
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {label}
      </label>
      <p id={`${id}-hint`} className="text-xs text-slate-500">
        {hint}
      </p>
      <textarea
        id={id}
        rows={2}
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
        aria-invalid={error ? true : undefined}
        className="rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm outline-none focus:border-brand-600 focus:ring-2 focus:ring-brand-100"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-600">
          {error}
        </p>
      ) : null}
    </div>
  );
}
