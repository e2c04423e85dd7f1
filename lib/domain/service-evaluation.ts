// The end-of-service evaluation (服务期满评价表, seed 001's attachment). Pure: no I/O.
//
// Seed 001 (三(三)2): after the service the doctor fills in the form truthfully; the receiving unit
// gives its opinion on 德、能、勤、绩、廉 (performance weighed most); the procedure is individual talks,
// a democratic evaluation, a collective decision, and the grade; the form is publicly noticed by the
// receiving unit, after which the district health commission issues the result, 合格 or 不合格.
// Seed 001 (四(四)3): a 合格 doctor's time at the grassroots counts as grassroots experience — unless
// the absence rule voided the service (旷工超过3次, lib/domain/service-clock.ts).
//
// - The notice runs from its first to its last day, both included, at least 1 and at most 30 days.
//   The result may be issued only after the notice: from the day after its last day (Beijing time),
//   and with every objection filed during it answered.
import { daysFrom, daysInclusive } from "./service-period";
import type { DateInput } from "./eligibility/calendar";

/** 德、能、勤、绩、廉: the five things the receiving unit's opinion speaks to. */
export const VIRTUES = ["morality", "ability", "diligence", "performance", "integrity"] as const;
export type Virtue = (typeof VIRTUES)[number];

/** The form's workload counts (本人工作总结), pre-filled from confirmed work logs. */
export const WORKLOAD_COUNTS = ["outpatients", "operations", "caseDiscussions", "juniorsMentored", "lectures", "newTechniques"] as const;
export type WorkloadCount = (typeof WORKLOAD_COUNTS)[number];
export type Workload = Record<WorkloadCount, number> & { otherWork: string };

export const NOTICE_MIN_DAYS = 1;
export const NOTICE_MAX_DAYS = 30;

/** Why a notice period cannot be set, or null: the last day before the first, or a length outside 1–30 days. */
export function noticeProblem(startsOn: DateInput, endsOn: DateInput): "noticeEndsBeforeStart" | "noticeTooLong" | null {
  if (daysFrom(startsOn, endsOn) < 0) return "noticeEndsBeforeStart";
  if (daysInclusive(startsOn, endsOn) > NOTICE_MAX_DAYS) return "noticeTooLong";
  return null;
}

/** Whether the notice is over on `today` (both Beijing calendar days): from the day after its last day. */
export function isNoticeOver(endsOn: DateInput, today: DateInput): boolean {
  return daysFrom(endsOn, today) > 0;
}

/** Whether an issued result counts the service as grassroots experience: 合格, and the absences within the limit. */
export function countsAsGrassroots(result: "PASS" | "FAIL", exceedsAbsenceLimit: boolean): boolean {
  return result === "PASS" && !exceedsAbsenceLimit;
}

/** The form's workload from the dispatch's confirmed totals; other work in words (new departments, free clinics, teaching). */
export function workloadFromTotals(
  totals: Record<WorkloadCount | "newDepartments" | "freeClinics" | "teachingActions", number>,
  words: { newDepartments: (n: number) => string; freeClinics: (n: number) => string; teaching: (n: number) => string },
): Workload {
  const other: string[] = [];
  if (totals.newDepartments > 0) other.push(words.newDepartments(totals.newDepartments));
  if (totals.freeClinics > 0) other.push(words.freeClinics(totals.freeClinics));
  if (totals.teachingActions > 0) other.push(words.teaching(totals.teachingActions));
  return {
    outpatients: totals.outpatients,
    operations: totals.operations,
    caseDiscussions: totals.caseDiscussions,
    juniorsMentored: totals.juniorsMentored,
    lectures: totals.lectures,
    newTechniques: totals.newTechniques,
    otherWork: other.join("；"),
  };
}

/** What the form still lacks before it may be publicly noticed (the summary, both units' opinions and the procedure's three dates). */
export function missingForNotice(form: {
  summary: string | null;
  dispatchingOpinion: string | null;
  receivingOpinion: string | null;
  talksOn: unknown;
  democraticOn: unknown;
  collectiveOn: unknown;
}): ("summary" | "dispatchingOpinion" | "receivingOpinion" | "talks" | "democratic" | "collective")[] {
  const missing: ("summary" | "dispatchingOpinion" | "receivingOpinion" | "talks" | "democratic" | "collective")[] = [];
  if (!form.summary) missing.push("summary");
  if (!form.dispatchingOpinion) missing.push("dispatchingOpinion");
  if (!form.receivingOpinion) missing.push("receivingOpinion");
  if (!form.talksOn) missing.push("talks");
  if (!form.democraticOn) missing.push("democratic");
  if (!form.collectiveOn) missing.push("collective");
  return missing;
}
