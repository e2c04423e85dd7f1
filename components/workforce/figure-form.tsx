"use client";

import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessages } from "@/components/ui/form-messages";
import { SelectField } from "@/components/users/select-field";
import { saveWorkforceFigureAction } from "@/lib/actions/workforce";
import { useActionForm } from "@/lib/forms/use-action-form";
import { saveFigureSchema, type SaveFigureInput } from "@/lib/schemas/workforce";

export interface FigureFormIndicator {
  id: string;
  name: string;
  unit: string;
  source: "REGISTRY" | "ENTERED";
  numeratorLabel: string;
  denominatorLabel: string;
  years: { year: number; figureId: string | null; version: number | null; target: number | null; numerator: number | null; denominator: number | null; enteredBy: string | null }[];
}

import { asNumber } from "@/lib/forms/number-input";
const asText = (v: number | null | undefined) => (v === null || v === undefined ? "" : String(v));

/**
 * The bureau enters a region's target and actual of an indicator for a year. Choosing an indicator and
 * a year that already has a figure fills the form with it and saves a correction from that version;
 * a registry indicator takes a target only.
 */
export function FigureForm({ regionId, indicators, defaultYear }: { regionId: string; indicators: FigureFormIndicator[]; defaultYear: number }) {
  const t = useTranslations("workforce.form");
  const first = indicators.find((i) => i.source === "ENTERED") ?? indicators[0]!;
  const empty = { regionId, indicatorId: first.id, year: defaultYear, target: null, numerator: null, denominator: null } as unknown as SaveFigureInput;
  const form = useActionForm({
    namespace: "workforce",
    schema: saveFigureSchema,
    defaultValues: empty,
    action: saveWorkforceFigureAction,
    refreshOnSuccess: true,
    onSuccess: (data) => {
      form.setValue("figureId", data.id);
      form.setValue("version", data.version);
      return t("saved");
    },
  });
  const { register, control, setValue, busy } = form;
  const [indicatorId, year] = useWatch({ control, name: ["indicatorId", "year"] });
  const indicator = indicators.find((i) => i.id === indicatorId) ?? first;
  const existing = indicator.years.find((y) => y.year === Number(year) && y.figureId);

  // An existing figure fills the form (and is corrected from its version); otherwise a new one.
  useEffect(() => {
    setValue("figureId", existing?.figureId ?? undefined);
    setValue("version", existing?.version ?? undefined);
    setValue("target", asText(existing?.target) as never);
    setValue("numerator", asText(existing?.numerator) as never);
    setValue("denominator", asText(existing?.denominator) as never);
  }, [existing, setValue]);

  return (
    <form onSubmit={form.submit} noValidate className="flex flex-col gap-4">
      <FormMessages {...form.message} />
      <input type="hidden" {...register("regionId")} />
      <div className="grid gap-4 sm:grid-cols-[1fr_8rem]">
        <SelectField label={t("indicator")} className="min-w-0" options={indicators.map((i) => ({ value: i.id, label: i.name }))} {...register("indicatorId")} />
        <TextField label={t("year")} type="number" inputMode="numeric" min={2000} max={2100} error={form.fieldError("year")} {...register("year", asNumber)} />
      </div>
      <p className="text-sm text-slate-600" role="status">
        {existing ? t("editing", { year: String(year), by: existing.enteredBy ?? "" }) : t("creating", { year: String(year) })}
      </p>
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField label={t("target", { unit: indicator.unit })} type="number" inputMode="decimal" step="0.01" min={0} error={form.fieldError("target")} {...register("target", asNumber)} />
        {indicator.source === "ENTERED" ? (
          <>
            <TextField label={t("numerator", { label: indicator.numeratorLabel })} type="number" inputMode="numeric" min={0} error={form.fieldError("numerator")} {...register("numerator", asNumber)} />
            <TextField label={t("denominator", { label: indicator.denominatorLabel })} type="number" inputMode="numeric" min={1} error={form.fieldError("denominator")} {...register("denominator", asNumber)} />
          </>
        ) : (
          <p className="text-sm text-slate-600 sm:col-span-2 sm:self-end">{t("registryHint")}</p>
        )}
      </div>
      <div>
        <Button type="submit" disabled={busy} aria-busy={busy}>
          {t("save")}
        </Button>
      </div>
    </form>
  );
}
