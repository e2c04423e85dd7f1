"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { ErrorTranslator } from "@/lib/forms/feedback";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { TextField } from "@/components/ui/field";
import { FormMessages } from "@/components/ui/form-messages";
import { createMentoringPairAction, deleteMentoringPairAction, updateMentoringPairAction } from "@/lib/actions/work-logs";
import { MENTORING_OUTCOMES } from "@/lib/schemas/work-logs";
import { feedbackOf, type Feedback } from "./feedback";

export interface PairView {
  id: string;
  menteeName: string;
  menteeTitle: string | null;
  menteeDepartment: string | null;
  goals: string;
  startDate: string;
  endDate: string | null;
  outcome: (typeof MENTORING_OUTCOMES)[number];
  outcomeNote: string | null;
  version: number;
}

type Values = Omit<PairView, "id" | "version" | "menteeTitle" | "menteeDepartment" | "endDate" | "outcomeNote"> & { menteeTitle: string; menteeDepartment: string; endDate: string; outcomeNote: string };
const blank = (start: string): Values => ({ menteeName: "", menteeTitle: "", menteeDepartment: "", goals: "", startDate: start, endDate: "", outcome: "IN_PROGRESS", outcomeNote: "" });
const valuesOf = (p: PairView): Values => ({ ...p, menteeTitle: p.menteeTitle ?? "", menteeDepartment: p.menteeDepartment ?? "", endDate: p.endDate ?? "", outcomeNote: p.outcomeNote ?? "" });

function PairForm({ dispatchId, pair, start, onDone }: { dispatchId: string; pair?: PairView; start: string; onDone: () => void }) {
  const t = useTranslations("mentoring");
  const te = useTranslations("worklogs") as unknown as ErrorTranslator;
  const router = useRouter();
  const [values, setValues] = useState<Values>(pair ? valuesOf(pair) : blank(start));
  const [feedback, setFeedback] = useState<Feedback>({ fields: {}, form: null });
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<Values>) => setValues((v) => ({ ...v, ...patch }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      const result = pair ? await updateMentoringPairAction({ ...values, mentoringPairId: pair.id, version: pair.version }) : await createMentoringPairAction({ ...values, dispatchId });
      if (result?.data) {
        router.refresh();
        onDone();
        return;
      }
      setFeedback(feedbackOf(te, result));
    } finally {
      setBusy(false);
    }
  }
  const err = (f: string) => feedback.fields[f];
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-3 rounded-md border border-slate-200 p-3">
      <FormMessages error={feedback.form} />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <TextField label={t("fields.menteeName")} value={values.menteeName} onChange={(e) => set({ menteeName: e.target.value })} error={err("menteeName")} required />
        <TextField label={t("fields.menteeTitle")} value={values.menteeTitle} onChange={(e) => set({ menteeTitle: e.target.value })} error={err("menteeTitle")} />
        <TextField label={t("fields.menteeDepartment")} value={values.menteeDepartment} onChange={(e) => set({ menteeDepartment: e.target.value })} error={err("menteeDepartment")} />
      </div>
      <div className="flex flex-col gap-1.5">
        <label htmlFor={`goals-${pair?.id ?? "new"}`} className="text-sm font-medium text-slate-700">{t("fields.goals")}</label>
        <textarea id={`goals-${pair?.id ?? "new"}`} rows={2} maxLength={2000} aria-invalid={err("goals") ? true : undefined} className="rounded-md border border-slate-300 px-3 py-2 text-base" value={values.goals} onChange={(e) => set({ goals: e.target.value })} />
        {err("goals") ? <p className="text-sm text-red-600">{err("goals")}</p> : null}
      </div>
      <div className="grid grid-cols-2 gap-3">
        <TextField label={t("fields.startDate")} type="date" value={values.startDate} onChange={(e) => set({ startDate: e.target.value })} error={err("startDate")} />
        <TextField label={t("fields.endDate")} type="date" value={values.endDate} onChange={(e) => set({ endDate: e.target.value })} error={err("endDate")} />
      </div>
      <div className="flex flex-col gap-1.5">
        <label htmlFor={`outcome-${pair?.id ?? "new"}`} className="text-sm font-medium text-slate-700">{t("fields.outcome")}</label>
        <select id={`outcome-${pair?.id ?? "new"}`} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-base" value={values.outcome} onChange={(e) => set({ outcome: e.target.value as Values["outcome"] })}>
          {MENTORING_OUTCOMES.map((o) => (
            <option key={o} value={o}>{t(`outcome.${o}`)}</option>
          ))}
        </select>
      </div>
      <TextField label={t("fields.outcomeNote")} value={values.outcomeNote} onChange={(e) => set({ outcomeNote: e.target.value })} error={err("outcomeNote")} />
      <div className="flex gap-2">
        <Button type="submit" disabled={busy} aria-busy={busy}>{t("save")}</Button>
        <Button type="button" variant="secondary" onClick={onDone}>{t("cancel")}</Button>
      </div>
    </form>
  );
}

/** A dispatch's mentees; its doctor adds, updates (an exam passed) and removes a mistaken one. */
export function MentoringPanel({ dispatchId, pairs, canManage, start }: { dispatchId: string; pairs: PairView[]; canManage: boolean; start: string }) {
  const t = useTranslations("mentoring");
  const te = useTranslations("worklogs") as unknown as ErrorTranslator;
  const format = useFormatter();
  const router = useRouter();
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const day = (d: string) => format.dateTime(new Date(`${d}T00:00:00Z`), { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
  const passed = pairs.filter((p) => p.outcome === "LICENCE_EXAM_PASSED" || p.outcome === "TITLE_EXAM_PASSED").length;

  async function remove(pair: PairView) {
    const result = await deleteMentoringPairAction({ mentoringPairId: pair.id, version: pair.version });
    if (result?.data) return router.refresh();
    setError(feedbackOf(te, result).form);
  }

  return (
    <div className="flex flex-col gap-4">
      <FormMessages error={error} />
      <p className="text-sm text-slate-600">{t("counts", { pairs: pairs.length, passed })}</p>
      {pairs.length === 0 ? <p className="rounded-md border border-dashed border-slate-300 px-4 py-6 text-center text-sm text-slate-500">{t("empty")}</p> : null}
      <ul className="flex flex-col divide-y divide-slate-100">
        {pairs.map((p) =>
          editing === p.id ? (
            <li key={p.id} className="py-3"><PairForm dispatchId={dispatchId} pair={p} start={start} onDone={() => setEditing(null)} /></li>
          ) : (
            <li key={p.id} className="flex flex-col gap-1 py-3">
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-medium text-slate-900">{p.menteeName}</span>
                {p.menteeTitle || p.menteeDepartment ? <span className="text-sm text-slate-600">{[p.menteeDepartment, p.menteeTitle].filter(Boolean).join(" · ")}</span> : null}
                <Badge tone={p.outcome === "LICENCE_EXAM_PASSED" || p.outcome === "TITLE_EXAM_PASSED" ? "success" : p.outcome === "ENDED" ? "neutral" : "info"}>{t(`outcome.${p.outcome}`)}</Badge>
              </div>
              <p className="text-sm text-slate-700">{p.goals}</p>
              <p className="text-xs text-slate-500">{p.endDate ? t("span", { start: day(p.startDate), end: day(p.endDate) }) : t("since", { start: day(p.startDate) })}{p.outcomeNote ? ` · ${p.outcomeNote}` : ""}</p>
              {canManage ? (
                <div className="flex gap-2 pt-1">
                  <Button type="button" variant="secondary" onClick={() => setEditing(p.id)}>{t("edit")}</Button>
                  <ConfirmDialog trigger={<Button type="button" variant="ghost" className="text-red-700">{t("delete")}</Button>} title={t("deleteTitle", { name: p.menteeName })} description={t("deleteDescription")} confirmLabel={t("delete")} onConfirm={() => remove(p)} />
                </div>
              ) : null}
            </li>
          ),
        )}
      </ul>
      {canManage ? (editing === "new" ? <PairForm dispatchId={dispatchId} start={start} onDone={() => setEditing(null)} /> : <div><Button type="button" onClick={() => setEditing("new")}>{t("add")}</Button></div>) : null}
    </div>
  );
}
