"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { TextField } from "@/components/ui/field";
import { SelectField } from "@/components/users/select-field";
import { educationLevels, organizationLevels, positionRanks, practisingCategories, titleLevels, type RuleLeaf } from "@/lib/schemas/eligibility";
import type { Translate } from "./describe";

export interface BuilderContext {
  /** Specialties of the programme's posts, offered as suggestions. */
  specialties: string[];
  cutoffs: { code: string; label: string; date: string }[];
}

type FieldErrors = Record<string, string[]>;

/** The fields of one condition, per kind. Every change hands back a whole new leaf. */
export function ConditionFields({ leaf, onChange, errors, context, idPrefix }: { leaf: RuleLeaf; onChange: (leaf: RuleLeaf) => void; errors: FieldErrors; context: BuilderContext; idPrefix: string }) {
  const t = useTranslations("rules") as unknown as Translate;
  const err = (field: string) => {
    const key = errors[field]?.[0] ?? Object.entries(errors).find(([k]) => k.startsWith(`${field}.`))?.[1]?.[0];
    return key ? t(`errors.${key}`) : undefined;
  };
  const options = (values: readonly string[], ns: string) => values.map((v) => ({ value: v, label: t(`${ns}.${v}`) }));
  const listId = `${idPrefix}-specialties`;

  const years = (value: number) => (
    <TextField label={t("field.years")} type="number" inputMode="numeric" min={0} max={80} value={Number.isFinite(value) ? String(value) : ""} error={err("years")}
      onChange={(e) => onChange({ ...leaf, years: e.target.value === "" ? Number.NaN : Number(e.target.value) } as RuleLeaf)} />
  );
  const date = (value: string) => <CutoffDateField value={value} cutoffs={context.cutoffs} error={err("on")} t={t} onChange={(on) => onChange({ ...leaf, on } as RuleLeaf)} />;
  const specialty = (value: string | undefined) => (
    <>
      <TextField label={t("field.specialtyOptional")} list={listId} maxLength={50} value={value ?? ""} error={err("specialty")}
        onChange={(e) => onChange({ ...leaf, specialty: e.target.value.trim() ? e.target.value : undefined } as RuleLeaf)} />
      <datalist id={listId}>
        {context.specialties.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
    </>
  );

  switch (leaf.kind) {
    case "ageAtMost":
    case "hiredWithinYears":
      return (
        <>
          {years(leaf.years)}
          {date(leaf.on)}
        </>
      );
    case "educationAtLeast":
      return <SelectField label={t("field.education")} value={leaf.level} options={options(educationLevels, "education")} error={err("level")} onChange={(e) => onChange({ ...leaf, level: e.target.value as typeof leaf.level })} />;
    case "titleAtLeast":
      return (
        <>
          {specialty(leaf.specialty)}
          <SelectField label={t("field.titleLevel")} value={leaf.level} options={options(titleLevels, "titleLevel")} error={err("level")} onChange={(e) => onChange({ ...leaf, level: e.target.value as typeof leaf.level })} />
        </>
      );
    case "titleHeldYears":
      return (
        <>
          {specialty(leaf.specialty)}
          <SelectField label={t("field.titleLevel")} value={leaf.level} options={options(titleLevels, "titleLevel")} error={err("level")} onChange={(e) => onChange({ ...leaf, level: e.target.value as typeof leaf.level })} />
          {years(leaf.years)}
          {date(leaf.on)}
        </>
      );
    case "positionAtLeast":
      return (
        <>
          <SelectField label={t("field.rank")} value={leaf.rank} options={options(positionRanks, "rank")} error={err("rank")} onChange={(e) => onChange({ ...leaf, rank: e.target.value as typeof leaf.rank })} />
          <SelectField label={t("field.orgLevel")} value={leaf.orgLevel ?? ""} placeholder={t("field.anyOrgLevel")} options={options(organizationLevels, "orgLevel")} error={err("orgLevel")}
            onChange={(e) => onChange({ ...leaf, orgLevel: (e.target.value || undefined) as typeof leaf.orgLevel })} />
        </>
      );
    case "specialtyIn":
      return <SpecialtyList values={leaf.values} onChange={(values) => onChange({ ...leaf, values })} error={err("values")} listId={listId} specialties={context.specialties} />;
    case "practisingCategoryIn":
      return (
        <fieldset className="sm:col-span-2">
          <legend className="text-sm font-medium text-slate-700">{t("field.categories")}</legend>
          <div className="mt-1 flex flex-wrap gap-4">
            {practisingCategories.map((c) => (
              <label key={c} className="flex items-center gap-2 text-sm">
                <input type="checkbox" checked={leaf.values.includes(c)}
                  onChange={(e) => onChange({ ...leaf, values: e.target.checked ? [...leaf.values, c] : leaf.values.filter((v) => v !== c) })} />
                {t(`category.${c}`)}
              </label>
            ))}
          </div>
          {err("values") ? <p className="mt-1 text-sm text-red-600">{err("values")}</p> : null}
        </fieldset>
      );
    case "hasGrassrootsService":
      return <SelectField label={t("field.grassroots")} value={leaf.value ? "yes" : "no"} options={[{ value: "yes", label: t("field.grassrootsYes") }, { value: "no", label: t("field.grassrootsNo") }]}
        onChange={(e) => onChange({ ...leaf, value: e.target.value === "yes" })} />;
    case "attested":
      return <TextField label={t("field.condition")} maxLength={200} value={leaf.condition} error={err("condition")} className="sm:col-span-2" onChange={(e) => onChange({ ...leaf, condition: e.target.value })} />;
  }
}

/** Specialties typed as one line, separated by 、 or commas; the text stays as typed while the list follows it. */
function SpecialtyList({ values, onChange, error, listId, specialties }: { values: string[]; onChange: (values: string[]) => void; error?: string; listId: string; specialties: string[] }) {
  const t = useTranslations("rules");
  const [text, setText] = useState(values.join("、"));
  const hintId = useId();
  return (
    <div className="sm:col-span-2">
      <TextField label={t("field.specialties")} list={listId} value={text} error={error} aria-describedby={hintId}
        onChange={(e) => {
          setText(e.target.value);
          onChange(e.target.value.split(/[,，、;；]+/).map((s) => s.trim()).filter(Boolean));
        }} />
      <p id={hintId} className="mt-1 text-xs text-slate-500">{t("field.specialtiesHint")}</p>
      <datalist id={listId}>
        {specialties.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
    </div>
  );
}

const OTHER_DATE = "other";

/** The date a condition counts to: one of the programme's cut-offs, named in words, or another date. */
function CutoffDateField({ value, cutoffs, error, t, onChange }: { value: string; cutoffs: BuilderContext["cutoffs"]; error?: string; t: Translate; onChange: (on: string) => void }) {
  const matches = cutoffs.some((c) => c.date === value);
  const [other, setOther] = useState(!matches && value !== "");
  const showDate = other || cutoffs.length === 0 || (!matches && value !== "");
  return (
    <>
      {cutoffs.length > 0 ? (
        <SelectField label={t("field.cutoff")} value={showDate ? OTHER_DATE : value} placeholder={t("field.chooseCutoff")} error={showDate ? undefined : error}
          options={[...cutoffs.map((c) => ({ value: c.date, label: t("field.cutoffOption", { label: c.label, date: c.date }) })), { value: OTHER_DATE, label: t("field.otherDate") }]}
          onChange={(e) => {
            if (e.target.value === OTHER_DATE) setOther(true);
            else {
              setOther(false);
              onChange(e.target.value);
            }
          }} />
      ) : null}
      {showDate ? <TextField label={t("field.on")} type="date" value={value} error={error} onChange={(e) => onChange(e.target.value)} /> : null}
    </>
  );
}
