"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import type { ErrorTranslator } from "@/lib/forms/feedback";
import { Button } from "@/components/ui/button";
import { FormMessages } from "@/components/ui/form-messages";
import { createSchemeAction } from "@/lib/actions/evaluations";
import type { Grade } from "@/lib/domain/scoring";
import { EVALUATION_PARTIES, type EvaluationPartyCode } from "@/lib/schemas/evaluations";
import { fieldErrorsOf, fieldText, serverErrorText } from "@/lib/forms/feedback";

const control = "w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm outline-none focus:border-brand-600 focus:ring-2 focus:ring-brand-100";
const small = "w-24 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-right text-base tabular-nums shadow-sm";

export interface SchemeDraft {
  basedOnId?: string;
  name: string;
  description: string;
  quotaPercent: string;
  minServedPercent: string;
  parties: { party: EvaluationPartyCode; weight: string }[];
  aspects: { name: string; maxPoints: string }[];
  bands: { grade: Grade; minTotal: string }[];
}

/** A new scheme of the bureau's own, prefilled from the one it is based on; the sums show as one types. */
export function SchemeForm({ initial }: { initial: SchemeDraft }) {
  const t = useTranslations("evaluations");
  const te = t as unknown as ErrorTranslator;
  const router = useRouter();
  const id = useId();
  const [v, setV] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [message, setMessage] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const weights = v.parties.reduce((a, p) => a + (Number(p.weight) || 0), 0);
  const points = v.aspects.reduce((a, x) => a + (Number(x.maxPoints) || 0), 0);
  const unused = EVALUATION_PARTIES.filter((p) => !v.parties.some((x) => x.party === p));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setMessage(undefined);
    setBusy(true);
    try {
      const result = await createSchemeAction({
        basedOnId: v.basedOnId,
        name: v.name,
        description: v.description,
        quotaPercent: Number(v.quotaPercent),
        minServedPercent: Number(v.minServedPercent),
        parties: v.parties.map((p) => ({ party: p.party, weight: Number(p.weight) })),
        aspects: v.aspects.map((a) => ({ name: a.name, maxPoints: Number(a.maxPoints) })),
        bands: v.bands.map((b) => ({ grade: b.grade, minTotal: Number(b.minTotal) })),
      });
      if (result?.data) {
        router.push("/evaluations/schemes");
        return;
      }
      const fields = fieldErrorsOf(result);
      setErrors(Object.fromEntries(Object.entries(fields).map(([k, x]) => [k.split(".")[0]!, fieldText(te, x)])));
      setMessage(Object.keys(fields).length ? t("errors.validation") : serverErrorText(te, result?.serverError));
    } catch {
      setMessage(t("errors.generic"));
    } finally {
      setBusy(false);
    }
  }

  const err = (name: string) => (errors[name] ? <p className="text-sm text-red-600">{errors[name]}</p> : null);

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5" aria-label={t("schemes.newTitle")}>
      <FormMessages error={message} />
      <div className="flex flex-col gap-1.5">
        <label htmlFor={`${id}-name`} className="text-sm font-medium text-slate-700">
          {t("schemes.name")}
        </label>
        <input id={`${id}-name`} value={v.name} onChange={(e) => setV({ ...v, name: e.target.value })} className={control} maxLength={120} />
        {err("name")}
      </div>
      <div className="flex flex-col gap-1.5">
        <label htmlFor={`${id}-description`} className="text-sm font-medium text-slate-700">
          {t("schemes.description")}
        </label>
        <textarea id={`${id}-description`} value={v.description} onChange={(e) => setV({ ...v, description: e.target.value })} className={control} rows={2} maxLength={2000} />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="flex flex-col gap-1.5">
          <label htmlFor={`${id}-quota`} className="text-sm font-medium text-slate-700">
            {t("schemes.quotaPercent")}
          </label>
          <input id={`${id}-quota`} inputMode="numeric" value={v.quotaPercent} onChange={(e) => setV({ ...v, quotaPercent: e.target.value })} className={control} />
          {err("quotaPercent")}
        </div>
        <div className="flex flex-col gap-1.5">
          <label htmlFor={`${id}-served`} className="text-sm font-medium text-slate-700">
            {t("schemes.minServedPercent")}
          </label>
          <input id={`${id}-served`} inputMode="numeric" value={v.minServedPercent} onChange={(e) => setV({ ...v, minServedPercent: e.target.value })} className={control} />
          {err("minServedPercent")}
        </div>
      </div>

      <fieldset className="flex flex-col gap-2">
        <legend className="text-sm font-medium text-slate-700">{t("schemes.parties")}</legend>
        {v.parties.map((p, i) => (
          <div key={p.party} className="flex flex-wrap items-center gap-2">
            <span className="min-w-0 flex-1 text-sm">{t(`party.${p.party}`)}</span>
            <input
              aria-label={`${t(`party.${p.party}`)} · ${t("schemes.weight")}`}
              inputMode="numeric"
              value={p.weight}
              onChange={(e) => setV({ ...v, parties: v.parties.map((x, j) => (j === i ? { ...x, weight: e.target.value } : x)) })}
              className={small}
            />
            <span className="text-sm text-slate-500">%</span>
            <Button type="button" variant="ghost" onClick={() => setV({ ...v, parties: v.parties.filter((_, j) => j !== i) })}>
              {t("schemes.removeParty")}
            </Button>
          </div>
        ))}
        {unused.length ? (
          <label className="flex flex-wrap items-center gap-2 text-sm">
            <span>{t("schemes.addParty")}</span>
            <select className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-base" value="" onChange={(e) => e.target.value && setV({ ...v, parties: [...v.parties, { party: e.target.value as EvaluationPartyCode, weight: "0" }] })}>
              <option value="">{t("open.choose")}</option>
              {unused.map((p) => (
                <option key={p} value={p}>
                  {t(`party.${p}`)}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {err("parties")}
      </fieldset>

      <fieldset className="flex flex-col gap-2">
        <legend className="text-sm font-medium text-slate-700">{t("schemes.aspects")}</legend>
        {v.aspects.map((a, i) => (
          <div key={i} className="flex flex-wrap items-center gap-2">
            <input
              aria-label={`${t("schemes.aspectName")} ${i + 1}`}
              value={a.name}
              onChange={(e) => setV({ ...v, aspects: v.aspects.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)) })}
              className="min-w-[8rem] flex-1 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-base"
              maxLength={60}
            />
            <input
              aria-label={`${a.name || t("schemes.aspectName")} · ${t("schemes.maxPoints")}`}
              inputMode="numeric"
              value={a.maxPoints}
              onChange={(e) => setV({ ...v, aspects: v.aspects.map((x, j) => (j === i ? { ...x, maxPoints: e.target.value } : x)) })}
              className={small}
            />
            <Button type="button" variant="ghost" onClick={() => setV({ ...v, aspects: v.aspects.filter((_, j) => j !== i) })}>
              {t("schemes.removeAspect")}
            </Button>
          </div>
        ))}
        <div>
          <Button type="button" variant="secondary" onClick={() => setV({ ...v, aspects: [...v.aspects, { name: "", maxPoints: "0" }] })}>
            {t("schemes.addAspect")}
          </Button>
        </div>
        {err("aspects")}
      </fieldset>
      <p className={weights === 100 && points === 100 ? "text-sm text-emerald-700" : "text-sm text-amber-800"} aria-live="polite">
        {t("schemes.sums", { weights, points })}
      </p>

      <fieldset className="flex flex-col gap-2">
        <legend className="text-sm font-medium text-slate-700">{t("schemes.bands")}</legend>
        {v.bands.map((b, i) => (
          <div key={b.grade} className="flex flex-wrap items-center gap-2">
            <span className="min-w-[8rem] flex-1 text-sm">{t(`grade.${b.grade}`)}</span>
            <input
              aria-label={`${t(`grade.${b.grade}`)} · ${t("schemes.minTotal")}`}
              inputMode="decimal"
              value={b.minTotal}
              onChange={(e) => setV({ ...v, bands: v.bands.map((x, j) => (j === i ? { ...x, minTotal: e.target.value } : x)) })}
              className={small}
            />
          </div>
        ))}
        {err("bands")}
      </fieldset>
      <div>
        <Button type="submit" disabled={busy}>
          {t("schemes.save")}
        </Button>
      </div>
    </form>
  );
}
