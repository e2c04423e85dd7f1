"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import type { ErrorTranslator } from "@/lib/forms/feedback";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormMessages } from "@/components/ui/form-messages";
import { saveScoreAction } from "@/lib/actions/evaluations";
import { formatHundredths, formatTenths, gradeFor, parseTenths, weightedTotal, type GradeBand } from "@/lib/domain/scoring";
import { fieldErrorsOf, fieldText, serverErrorText } from "@/lib/forms/feedback";

export interface ScoreFormProps {
  subjectId: string;
  doctorName: string;
  party: string;
  partyLabel: string;
  weight: number;
  aspects: { name: string; maxPoints: number }[];
  bands: GradeBand[];
  /** The party's latest draft, in tenths. */
  draft: number[] | null;
  /** Every party of the scheme with its weight and, when known to the caller, its submitted sum in tenths. */
  parties: { party: string; weight: number; sum: number | null }[];
  /** A rater without an account: the link's token; the sheet is submitted once through /api/v1/rate/{token}, no drafts. */
  token?: string;
  /** A correction of the party's submitted sheet: a reason is asked, and it is submitted as a new row. */
  correction?: boolean;
  /** Shown instead of the form once the sheet is submitted (the rater's link is used up). */
  doneText?: string;
  /** The confirmation before submitting. */
  confirmText?: string;
}

type SendResult = { ok: true } | { ok: false; fields: Record<string, string>; error: string | undefined };

/** The rater's submission through the link's API: its refusal's catalogue key, values and field keys. */
async function sendByLink(token: string, points: string[]): Promise<SendResult & { key?: string; details?: Record<string, string> }> {
  const response = await fetch(`/api/v1/rate/${encodeURIComponent(token)}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ points }) });
  if (response.ok) return { ok: true };
  const body = (await response.json().catch(() => ({}))) as { error?: { key?: string; message?: string; details?: Record<string, string>; fieldErrorKeys?: Record<string, string[]> } };
  const fields = Object.fromEntries(Object.entries(body.error?.fieldErrorKeys ?? {}).flatMap(([f, keys]) => (keys[0] ? [[f, keys[0]]] : [])));
  return { ok: false, fields, error: body.error?.message, key: body.error?.key, details: body.error?.details };
}

/**
 * One party's points for one doctor: each aspect with its bound, the party's sum, its weighted share
 * and the total and band as they would stand, updating as the rater types. Save a draft, or submit
 * once (asked first). Works on a phone: one aspect a row, numeric keyboard.
 */
export function ScoreForm(props: ScoreFormProps) {
  const t = useTranslations("evaluations");
  const te = t as unknown as ErrorTranslator;
  const router = useRouter();
  const id = useId();
  const [texts, setTexts] = useState<string[]>(() => props.aspects.map((_, i) => (props.draft?.[i] !== undefined ? formatTenths(props.draft[i]!) : "")));
  const [errors, setErrors] = useState<Record<number, string | undefined>>({});
  const [message, setMessage] = useState<{ error?: string; success?: string }>({});
  const [busy, setBusy] = useState(false);
  const [reason, setReason] = useState("");
  const [done, setDone] = useState(false);

  const parsed = texts.map((text) => (text.trim() === "" ? null : parseTenths(text)));
  const problem = (i: number): string | undefined => {
    const text = texts[i]!.trim();
    if (text === "") return undefined;
    const p = parsed[i];
    if (p === null || p === undefined) return /^\d+\.\d{2,}$/.test(text) ? t("errors.pointsPrecision") : t("errors.pointsInvalid");
    if (p > props.aspects[i]!.maxPoints * 10) return t("errors.pointsOutOfRange");
    return undefined;
  };
  const complete = parsed.every((p, i) => p !== null && p !== undefined && !problem(i));
  const sum = parsed.reduce<number>((a, p) => a + (p ?? 0), 0);
  const maxSum = props.aspects.reduce((a, x) => a + x.maxPoints, 0);
  const weightedShare = Math.floor((2 * props.weight * sum + 10) / 20); // hundredths, half up
  const sums = Object.fromEntries(props.parties.map((p) => [p.party, p.party === props.party ? sum : (p.sum ?? undefined)]));
  const total = complete ? weightedTotal(props.parties.map((p) => ({ kind: p.party, weight: p.weight })), sums) : null;
  // Without the others' sums, the band this party's own sum would give if every party agreed.
  const band = complete ? gradeFor(props.bands, total ?? sum * 10) : null;

  async function save(submit: boolean) {
    setMessage({});
    const local: Record<number, string | undefined> = {};
    texts.forEach((text, i) => {
      if (text.trim() === "") local[i] = t("errors.required");
      else if (problem(i)) local[i] = problem(i);
    });
    setErrors(local);
    if (Object.values(local).some(Boolean)) return;
    if (props.correction && reason.trim() === "") {
      setMessage({ error: t("errors.required") + " " + t("score.correctionReason") });
      return;
    }
    setBusy(true);
    try {
      let outcome: SendResult;
      if (props.token) {
        const sent = await sendByLink(props.token, texts.map((x) => x.trim()));
        outcome = sent.ok ? sent : { ok: false, fields: sent.fields, error: sent.key && te.has(`errors.${sent.key}`) ? te(`errors.${sent.key}`, sent.details ?? {}) : (sent.error ?? t("errors.generic")) };
      } else {
        const result = await saveScoreAction({ subjectId: props.subjectId, party: props.party as never, points: texts.map((x) => x.trim()), submit, ...(props.correction ? { correctionReason: reason } : {}) });
        outcome = result?.data ? { ok: true } : { ok: false, fields: fieldErrorsOf(result), error: serverErrorText(te, result?.serverError) };
      }
      if (outcome.ok) {
        setMessage({ success: props.correction ? t("score.corrected") : submit ? (props.doneText ?? t("score.submittedDone")) : t("score.drafted") });
        if (props.token) setDone(true);
        else router.refresh();
        return;
      }
      const byAspect: Record<number, string | undefined> = {};
      for (const [field, key] of Object.entries(outcome.fields)) {
        const m = /^points\.(\d+)$/.exec(field);
        if (m) byAspect[Number(m[1])] = fieldText(te, key);
      }
      setErrors(byAspect);
      setMessage({ error: Object.keys(byAspect).length ? t("errors.validation") : Object.keys(outcome.fields).length ? fieldText(te, Object.values(outcome.fields)[0]) : outcome.error });
    } catch {
      setMessage({ error: t("errors.generic") });
    } finally {
      setBusy(false);
    }
  }

  if (done) return <FormMessages success={message.success} />;

  return (
    <form onSubmit={(e) => e.preventDefault()} noValidate className="flex flex-col gap-4" aria-label={t("score.title", { doctor: props.doctorName })}>
      <FormMessages error={message.error} success={message.success} />
      <ul className="flex flex-col divide-y divide-slate-100 rounded-md border border-slate-200">
        {props.aspects.map((aspect, i) => {
          const err = errors[i] ?? problem(i);
          return (
            <li key={i} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2.5">
              <label htmlFor={`${id}-p${i}`} className="min-w-0 text-sm">
                <span className="font-medium text-slate-900">{aspect.name}</span>
                <span className="ml-2 text-slate-500">{t("score.max", { max: aspect.maxPoints })}</span>
              </label>
              <div className="flex flex-col items-end gap-1">
                <input
                  id={`${id}-p${i}`}
                  inputMode="decimal"
                  autoComplete="off"
                  value={texts[i]}
                  onChange={(e) => setTexts((xs) => xs.map((x, j) => (j === i ? e.target.value : x)))}
                  className="w-24 rounded-md border border-slate-300 bg-white px-3 py-2 text-right text-base tabular-nums shadow-sm outline-none focus:border-brand-600 focus:ring-2 focus:ring-brand-100"
                  aria-label={t("score.pointsLabel", { aspect: aspect.name, max: aspect.maxPoints })}
                  aria-invalid={err ? true : undefined}
                  aria-describedby={err ? `${id}-p${i}-error` : undefined}
                />
                {err ? (
                  <p id={`${id}-p${i}-error`} className="text-sm text-red-600">
                    {err}
                  </p>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
      <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4" aria-live="polite">
        <div>
          <dt className="text-slate-500">{t("score.sum")}</dt>
          <dd className="text-lg font-semibold tabular-nums text-slate-900" data-testid="party-sum">
            {t("score.sumValue", { sum: formatTenths(sum), max: maxSum })}
          </dd>
        </div>
        {props.token ? null : (
          <>
        <div>
          <dt className="text-slate-500">{t("score.weighted")}</dt>
          <dd className="text-lg font-semibold tabular-nums text-slate-900">{t("score.weightedValue", { points: formatHundredths(weightedShare) })}</dd>
        </div>
        <div>
          <dt className="text-slate-500">{t("score.total")}</dt>
          <dd className="text-lg font-semibold tabular-nums text-slate-900" data-testid="weighted-total">
            {total !== null ? formatHundredths(total) : "—"}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">{t("score.proposed")}</dt>
          <dd className="text-lg font-semibold text-slate-900" data-testid="proposed-grade">
            {band ? t(`grade.${band}`) : "—"}
          </dd>
        </div>
          </>
        )}
      </dl>
      {total === null && !props.token ? <p className="text-xs text-slate-500">{t("score.totalHint")}</p> : null}
      {props.correction ? (
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-reason`} className="text-sm font-medium text-slate-900">
            {t("score.correctionReason")}
          </label>
          <textarea
            id={`${id}-reason`}
            value={reason}
            maxLength={500}
            rows={2}
            onChange={(e) => setReason(e.target.value)}
            className="rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm outline-none focus:border-brand-600 focus:ring-2 focus:ring-brand-100"
          />
          <p className="text-xs text-slate-500">{t("score.correctionHint")}</p>
        </div>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {props.token || props.correction ? null : (
          <Button type="button" variant="secondary" disabled={busy} onClick={() => save(false)}>
            {t("score.saveDraft")}
          </Button>
        )}
        <ConfirmDialog
          trigger={
            <Button type="button" disabled={busy}>
              {t("score.submit")}
            </Button>
          }
          title={props.correction ? t("score.correct") : t("score.submit")}
          description={props.confirmText ?? t("score.submitConfirm", { doctor: props.doctorName })}
          confirmLabel={t("score.submit")}
          tone="primary"
          onConfirm={() => save(true)}
        />
      </div>
    </form>
  );
}
