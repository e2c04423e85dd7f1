import { getFormatter, getTranslations } from "next-intl/server";
import type { Explanation } from "@/lib/domain/eligibility";

// Values of an explanation that are codes or dates, and how to put them into words.
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

/** An engine explanation (a key of eligibility.explain and its values) in the reader's language. */
export async function ScreeningReason({ explanation }: { explanation: Explanation }) {
  const [t, format] = await Promise.all([getTranslations("eligibility"), getFormatter()]);
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(explanation.values)) {
    const group = LABELLED[name];
    if (group && typeof value === "string") {
      values[name] = value
        .split(",")
        .map((code) => (t.has(`${group}.${code}`) ? t(`${group}.${code}`) : code))
        .join(t("listSeparator"));
    } else if (DATES.has(name) && typeof value === "string") {
      // Calendar dates: the UTC day, as stored (@db.Date), written the reader's way.
      values[name] = format.dateTime(new Date(`${value}T00:00:00Z`), { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
    } else {
      values[name] = value;
    }
  }
  const key = `explain.${explanation.key}`;
  return <>{t.has(key) ? t(key, values) : explanation.key}</>;
}
