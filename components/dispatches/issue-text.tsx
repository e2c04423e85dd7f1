import { useTranslations } from "next-intl";
import type { RotationIssue } from "@/lib/domain/rotation";
import type { DayFormatter } from "./days";

/** One hand-over issue in words: who leaves when, who arrives when, the uncovered or doubled days. */
export function IssueText({ issue, predecessor, successor, day }: { issue: RotationIssue; predecessor: string; successor: string; day: DayFormatter }) {
  const t = useTranslations("dispatches.issues");
  const values = { predecessor, successor, first: day(issue.first), last: day(issue.last), days: issue.days, allowed: issue.allowedOverlapDays };
  return <>{issue.kind === "gap" ? t("gapText", values) : t("overlapText", values)}</>;
}
