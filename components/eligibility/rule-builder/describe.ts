// A condition read back as a sentence ("泌尿外科 中级 职称任职满 2 年（截至 2013年10月31日）"), from
// the "rules" catalogue. Pure: the translator is next-intl's, from a server page or a client component.
import type { RuleLeaf } from "@/lib/schemas/eligibility";

export type Translate = (key: string, values?: Record<string, string | number>) => string;

const MISSING = "…";

export function formatRuleDate(t: Translate, date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return MISSING;
  return t("date", { year: m[1]!, month: String(Number(m[2])), day: String(Number(m[3])) });
}

const count = (n: number) => (Number.isFinite(n) ? n : MISSING);

export function describeLeaf(t: Translate, leaf: RuleLeaf): string {
  const list = (values: string[]) => (values.length ? values.join(t("listSeparator")) : MISSING);
  switch (leaf.kind) {
    case "ageAtMost":
      return t("sentence.ageAtMost", { years: count(leaf.years), date: formatRuleDate(t, leaf.on) });
    case "educationAtLeast":
      return t("sentence.educationAtLeast", { level: t(`education.${leaf.level}`) });
    case "titleAtLeast":
      return t("sentence.titleAtLeast", { specialty: leaf.specialty ? `${leaf.specialty} ` : "", level: t(`titleLevel.${leaf.level}`) });
    case "titleHeldYears":
      return t("sentence.titleHeldYears", {
        specialty: leaf.specialty ? `${leaf.specialty} ` : "",
        level: t(`titleLevel.${leaf.level}`),
        years: count(leaf.years),
        date: formatRuleDate(t, leaf.on),
      });
    case "positionAtLeast":
      return leaf.orgLevel
        ? t("sentence.positionAtLeastIn", { rank: t(`rank.${leaf.rank}`), orgLevel: t(`orgLevel.${leaf.orgLevel}`) })
        : t("sentence.positionAtLeast", { rank: t(`rank.${leaf.rank}`) });
    case "specialtyIn":
      return t("sentence.specialtyIn", { values: list(leaf.values) });
    case "practisingCategoryIn":
      return t("sentence.practisingCategoryIn", { values: list(leaf.values.map((v) => t(`category.${v}`))) });
    case "hasGrassrootsService":
      return t(leaf.value ? "sentence.hasGrassroots" : "sentence.noGrassroots");
    case "hiredWithinYears":
      return t("sentence.hiredWithinYears", { years: count(leaf.years), date: formatRuleDate(t, leaf.on) });
    case "attested":
      return t("sentence.attested", { condition: leaf.condition.trim() || MISSING });
  }
}
