// The engine's explanation of a condition (a key of eligibility.explain and its values) in words:
// codes become their labels, dates the reader's date. Pure, so that both the screening table
// (server, components/eligibility/screening-reason.tsx) and the rule builder's preview (browser) use it.
import type { Explanation } from "@/lib/domain/eligibility";

type Translator = ((key: string, values?: Record<string, string | number>) => string) & { has: (key: string) => boolean };

const LABELLED: Record<string, string> = {
  education: "education",
  minEducation: "education",
  title: "titleLevel",
  minTitle: "titleLevel",
  rank: "rank",
  minRank: "rank",
  orgLevel: "orgLevel",
  requiredOrgLevel: "orgLevel",
  category: "category",
  categories: "category",
};
const DATES = new Set(["on", "since", "hireDate"]);

export function explanationText(t: Translator, formatDate: (date: Date) => string, explanation: Explanation): string | undefined {
  const key = `explain.${explanation.key}`;
  if (!t.has(key)) return undefined;
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(explanation.values)) {
    const group = LABELLED[name];
    if (group && typeof value === "string") {
      values[name] = value
        .split(",")
        .map((code) => (t.has(`${group}.${code}`) ? t(`${group}.${code}`) : code))
        .join(t("listSeparator"));
    } else if (DATES.has(name) && typeof value === "string") {
      values[name] = formatDate(new Date(`${value}T00:00:00Z`));
    } else {
      values[name] = value;
    }
  }
  return t(key, values);
}
