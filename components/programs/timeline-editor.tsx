"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { ArrowDown, ArrowUp, Plus, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useFieldArray, useForm, useWatch, type FieldErrors } from "react-hook-form";
import { updateTimelineAction } from "@/lib/actions/programs";
import { Button } from "@/components/ui/button";
import { CUTOFF_CODES, isKnownCutoff, nextOtherCode } from "@/lib/domain/cutoff-kinds";
import { STAGE_KINDS } from "@/lib/domain/program-timeline";
import { timelineSchema, type TimelineFormValues } from "@/lib/schemas/programs";
import { errorText, serverErrorText, type ErrorTranslator } from "@/lib/forms/feedback";
import { asNumber } from "@/lib/forms/number-input";

const input = "w-full rounded-md border bg-white px-2 py-1.5 text-sm shadow-sm outline-none focus:border-brand-600 focus:ring-2 focus:ring-brand-100";
const border = (bad: boolean) => (bad ? "border-red-500" : "border-slate-300");

type RowErrors = Record<string, { message?: string } | undefined>;

/**
 * The stages in sequence order, each with its opening and closing time in Beijing time (stored as
 * UTC instants), and the programme's cut-off dates. Checked here with the server's schema: a stage
 * closes after it opens and opens no earlier than the stage before it.
 */
export function TimelineEditor({ programId, defaultValues }: { programId: string; defaultValues: TimelineFormValues }) {
  const t = useTranslations("programsAdmin");
  const tStage = useTranslations("stage");
  const te = t as unknown as ErrorTranslator;
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const {
    register,
    control,
    handleSubmit,
    getValues,
    setValue,
    formState: { errors, isSubmitting },
  } = useForm<TimelineFormValues>({ resolver: zodResolver(timelineSchema) as never, defaultValues });
  const stages = useFieldArray({ control, name: "stages" });
  const cutoffs = useFieldArray({ control, name: "cutoffs" });
  const cutoffRows = useWatch({ control, name: "cutoffs" });

  const stageErrors = (errors.stages ?? []) as unknown as (RowErrors | undefined)[];
  const cutoffErrors = (errors.cutoffs ?? []) as unknown as (RowErrors | undefined)[];
  const msg = (row: RowErrors | undefined, field: string) => (row?.[field]?.message ? errorText(te, row[field]?.message) : undefined);

  async function onSubmit() {
    setMessage(null);
    const result = await updateTimelineAction({ ...getValues(), id: programId });
    if (result?.data) {
      setMessage({ tone: "ok", text: t("timeline.saved") });
      router.refresh();
    } else {
      setMessage({ tone: "error", text: result?.validationErrors ? t("errors.validation") : serverErrorText(te, result?.serverError) });
    }
  }
  function onInvalid(invalid: FieldErrors<TimelineFormValues>) {
    setMessage({ tone: "error", text: invalid.stages || invalid.cutoffs ? t("errors.validation") : t("errors.invalid") });
  }

  /** The cut-off kinds in words: the known ones not used by another row, "another cut-off", and this row's own. */
  function cutoffKindOptions(index: number) {
    const rows = cutoffRows ?? [];
    const own = rows[index]?.code ?? "";
    const usedElsewhere = rows.filter((_, i) => i !== index).map((r) => r.code);
    const known = CUTOFF_CODES.filter((c) => c === own || !usedElsewhere.includes(c)).map((c) => ({ value: c as string, label: t(`cutoffKind.${c}`) }));
    const other = isKnownCutoff(own) ? nextOtherCode(rows.map((r) => r.code)) : own || nextOtherCode(rows.map((r) => r.code));
    return [...known, { value: other, label: t("cutoffKind.other") }];
  }
  /** Choosing a known kind names the row in words, unless the user has already named it. */
  function fillLabel(index: number, code: string) {
    const label = getValues(`cutoffs.${index}.label`);
    const knownLabels = CUTOFF_CODES.map((c) => t(`cutoffKind.${c}`));
    if (isKnownCutoff(code) && (!label || knownLabels.includes(label))) setValue(`cutoffs.${index}.label`, t(`cutoffKind.${code}`));
  }
  function addCutoff() {
    const used = getValues("cutoffs").map((c) => c.code);
    const code = CUTOFF_CODES.find((c) => !used.includes(c)) ?? nextOtherCode(used);
    cutoffs.append({ code, label: isKnownCutoff(code) ? t(`cutoffKind.${code}`) : "", date: "" });
  }

  function addStage() {
    const used = new Set(getValues("stages").map((s) => s.kind));
    const kind = STAGE_KINDS.find((k) => !used.has(k));
    if (!kind) return;
    const last = getValues("stages").at(-1);
    stages.append({ kind, opensAt: last?.closesAt ?? "", closesAt: "", ratio: "" });
  }

  return (
    <form onSubmit={handleSubmit(onSubmit, onInvalid)} noValidate className="flex flex-col gap-6">
      <p className="text-sm text-slate-600">{t("timeline.hint")}</p>
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-2 text-sm font-semibold text-slate-800">{t("timeline.stages")}</legend>
        {stages.fields.length === 0 ? <p className="text-sm text-slate-500">{t("timeline.noStages")}</p> : null}
        {stages.fields.map((field, index) => {
          const row = stageErrors[index];
          return (
            <div key={field.id} className="grid gap-2 rounded-md border border-slate-200 p-3 sm:grid-cols-[2rem_minmax(9rem,1.2fr)_1fr_1fr_5rem_auto] sm:items-start">
              <span className="pt-1.5 text-sm tabular-nums text-slate-500">{index + 1}</span>
              <label className="flex flex-col gap-1 text-xs text-slate-600">
                {t("timeline.stage")}
                <select className={`${input} ${border(!!row?.kind)}`} {...register(`stages.${index}.kind`)}>
                  {STAGE_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {tStage(k)}
                    </option>
                  ))}
                </select>
                {msg(row, "kind") ? <span className="text-red-600">{msg(row, "kind")}</span> : null}
              </label>
              <label className="flex flex-col gap-1 text-xs text-slate-600">
                {t("timeline.opensAt")}
                <input type="datetime-local" className={`${input} ${border(!!row?.opensAt)}`} aria-invalid={row?.opensAt ? true : undefined} {...register(`stages.${index}.opensAt`)} />
                {msg(row, "opensAt") ? <span className="text-red-600">{msg(row, "opensAt")}</span> : null}
              </label>
              <label className="flex flex-col gap-1 text-xs text-slate-600">
                {t("timeline.closesAt")}
                <input type="datetime-local" className={`${input} ${border(!!row?.closesAt)}`} aria-invalid={row?.closesAt ? true : undefined} {...register(`stages.${index}.closesAt`)} />
                {msg(row, "closesAt") ? <span className="text-red-600">{msg(row, "closesAt")}</span> : null}
              </label>
              <label className="flex flex-col gap-1 text-xs text-slate-600">
                {t("timeline.ratio")}
                <input type="number" min={1} max={20} inputMode="numeric" placeholder="—" className={`${input} ${border(!!row?.ratio)}`} {...register(`stages.${index}.ratio`, asNumber)} />
                {msg(row, "ratio") ? <span className="text-red-600">{msg(row, "ratio")}</span> : null}
              </label>
              <div className="flex gap-1 sm:pt-5">
                <Button type="button" variant="ghost" className="px-2" aria-label={t("timeline.moveUp")} disabled={index === 0} onClick={() => stages.move(index, index - 1)}>
                  <ArrowUp aria-hidden className="h-4 w-4" />
                </Button>
                <Button type="button" variant="ghost" className="px-2" aria-label={t("timeline.moveDown")} disabled={index === stages.fields.length - 1} onClick={() => stages.move(index, index + 1)}>
                  <ArrowDown aria-hidden className="h-4 w-4" />
                </Button>
                <Button type="button" variant="ghost" className="px-2 text-red-700" aria-label={t("timeline.remove")} onClick={() => stages.remove(index)}>
                  <Trash2 aria-hidden className="h-4 w-4" />
                </Button>
              </div>
            </div>
          );
        })}
        {stages.fields.length < STAGE_KINDS.length ? (
          <Button type="button" variant="secondary" className="self-start" onClick={addStage}>
            <Plus aria-hidden className="h-4 w-4" />
            {t("timeline.addStage")}
          </Button>
        ) : null}
      </fieldset>

      <fieldset className="flex flex-col gap-3">
        <legend className="mb-2 text-sm font-semibold text-slate-800">{t("timeline.cutoffs")}</legend>
        <p className="text-xs text-slate-500">{t("timeline.cutoffsHint")}</p>
        {cutoffs.fields.map((field, index) => {
          const row = cutoffErrors[index];
          return (
            <div key={field.id} className="grid gap-2 rounded-md border border-slate-200 p-3 sm:grid-cols-[10rem_1fr_11rem_auto] sm:items-start">
              <label className="flex flex-col gap-1 text-xs text-slate-600">
                {t("timeline.kind")}
                <select className={`${input} ${border(!!row?.code)}`} {...register(`cutoffs.${index}.code`, { onChange: (e) => fillLabel(index, e.target.value) })}>
                  {cutoffKindOptions(index).map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
                {msg(row, "code") ? <span className="text-red-600">{msg(row, "code")}</span> : null}
              </label>
              <label className="flex flex-col gap-1 text-xs text-slate-600">
                {t("timeline.label")}
                <input className={`${input} ${border(!!row?.label)}`} maxLength={100} {...register(`cutoffs.${index}.label`)} />
                {msg(row, "label") ? <span className="text-red-600">{msg(row, "label")}</span> : null}
              </label>
              <label className="flex flex-col gap-1 text-xs text-slate-600">
                {t("timeline.date")}
                <input type="date" className={`${input} ${border(!!row?.date)}`} {...register(`cutoffs.${index}.date`)} />
                {msg(row, "date") ? <span className="text-red-600">{msg(row, "date")}</span> : null}
              </label>
              <div className="sm:pt-5">
                <Button type="button" variant="ghost" className="px-2 text-red-700" aria-label={t("timeline.remove")} onClick={() => cutoffs.remove(index)}>
                  <Trash2 aria-hidden className="h-4 w-4" />
                </Button>
              </div>
            </div>
          );
        })}
        <Button type="button" variant="secondary" className="self-start" onClick={addCutoff}>
          <Plus aria-hidden className="h-4 w-4" />
          {t("timeline.addCutoff")}
        </Button>
      </fieldset>

      {message ? (
        <p role={message.tone === "error" ? "alert" : "status"} className={message.tone === "error" ? "rounded-md bg-red-50 px-3 py-2 text-sm text-red-700" : "rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800"}>
          {message.text}
        </p>
      ) : null}
      <Button type="submit" className="self-start" disabled={isSubmitting} aria-busy={isSubmitting}>
        {isSubmitting ? t("form.saving") : t("timeline.save")}
      </Button>
    </form>
  );
}
