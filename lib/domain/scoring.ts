// Scoring of an evaluation (年度考核, seed 001; the six-party scheme of seed 003). Pure: no I/O.
//
// Units and rounding (decided here, once):
// - A party scores each aspect in tenths of a point: 0 ≤ points ≤ the aspect's maximum, at most one
//   decimal place (18.5 is accepted, 18.55 is refused). Stored as whole tenths (185).
// - Party weights are whole percentages summing to 100 (seed 001: 60:30:10).
// - The weighted total is kept in whole hundredths of a point (87.35 → 8735): the exact value is
//   Σ weight% × party sum, and it is rounded half up to the hundredth, in integer arithmetic (no
//   floating point anywhere). 60% × 88.5 + 30% × 90 + 10% × 79.5 = 53.1 + 27 + 7.95 = 88.05 → 8805.
// - Grade bands compare the rounded total: a band applies from its lower bound (included) upward.
//   Seed 001 names the grades but not the cut-offs; the default scheme uses 优秀 ≥ 90, 合格 ≥ 70,
//   基本合格 ≥ 60, 不合格 below 60 (the usual public-service bands), and a scheme may set its own.
// - The top grade is capped at quotaPercent of the cohort, rounded down: 15% of 7 is 1.05 → 1; 15% of
//   6 is 0.9 → 0, so a cohort of 6 or fewer has no 优秀 at all (the rule read literally; seed 001
//   says 按15%的比例评定优秀等次 and makes no exception for small cohorts).
// - The cohort is those assessed: who served 半年以上 of the year. 以上 includes the number: a
//   doctor is assessed when the days served within the calendar year are at least half of the year's
//   days (2 × served ≥ days in the year: 183 of 365, 183 of 366).
import { daysInclusive, overlap } from "./service-period";
import type { DateInput } from "./eligibility/calendar";

export const GRADES = ["EXCELLENT", "COMPETENT", "BASICALLY_COMPETENT", "INCOMPETENT"] as const;
export type Grade = (typeof GRADES)[number];

export interface SchemeParty {
  kind: string;
  /** Whole percent; the parties of a scheme sum to 100. */
  weight: number;
}

export interface SchemeAspect {
  /** Maximum points, whole; the aspects of a scheme sum to 100. */
  maxPoints: number;
}

export interface GradeBand {
  grade: Grade;
  /** Lower bound of the band in hundredths of a point, included. */
  minTotal: number;
}

/** Seed 001's bands (cut-offs chosen here, see above), best first. */
export const DEFAULT_BANDS: readonly GradeBand[] = [
  { grade: "EXCELLENT", minTotal: 9000 },
  { grade: "COMPETENT", minTotal: 7000 },
  { grade: "BASICALLY_COMPETENT", minTotal: 6000 },
  { grade: "INCOMPETENT", minTotal: 0 },
];

/** Points as typed ("18.5") → whole tenths (185), or null when not a number with at most one decimal. */
export function parseTenths(text: string): number | null {
  const m = /^\s*(\d{1,3})(?:\.(\d))?\s*$/.exec(text);
  if (!m) return null;
  return Number(m[1]) * 10 + (m[2] ? Number(m[2]) : 0);
}

/** Whole tenths → "18.5" / "20". */
export function formatTenths(tenths: number): string {
  return tenths % 10 === 0 ? String(tenths / 10) : (tenths / 10).toFixed(1);
}

/** Whole hundredths → "88.05". */
export function formatHundredths(hundredths: number): string {
  return (hundredths / 100).toFixed(2);
}

export type ScoreProblem = { aspect: number; problem: "notWhole" | "outOfRange" } | { aspect: -1; problem: "count" };

/** Why a party's points (tenths, one per aspect in order) are not a valid sheet, or [] when they are. */
export function checkPoints(aspects: readonly SchemeAspect[], points: readonly number[]): ScoreProblem[] {
  if (points.length !== aspects.length) return [{ aspect: -1, problem: "count" }];
  const problems: ScoreProblem[] = [];
  points.forEach((p, i) => {
    if (!Number.isSafeInteger(p)) problems.push({ aspect: i, problem: "notWhole" });
    else if (p < 0 || p > aspects[i]!.maxPoints * 10) problems.push({ aspect: i, problem: "outOfRange" });
  });
  return problems;
}

/** A party's sum in tenths. */
export function partySum(points: readonly number[]): number {
  return points.reduce((a, b) => a + b, 0);
}

/** a / b rounded half up, for a ≥ 0 and b > 0, in integers. */
function divideHalfUp(a: number, b: number): number {
  return Math.floor((2 * a + b) / (2 * b));
}

/**
 * The weighted total in hundredths of a point, rounded half up, from each party's sum in tenths.
 * Σ weight% × sum(tenths) is in thousandths of a point; /10 gives hundredths.
 * Null when a party of the scheme has no sum (not yet scored).
 */
export function weightedTotal(parties: readonly SchemeParty[], sums: Readonly<Record<string, number | undefined>>): number | null {
  let thousandths = 0;
  for (const party of parties) {
    const sum = sums[party.kind];
    if (sum === undefined) return null;
    thousandths += party.weight * sum;
  }
  return divideHalfUp(thousandths, 10);
}

/** The band a total (hundredths) falls in: the first band, best first, whose lower bound it reaches. */
export function gradeFor(bands: readonly GradeBand[], total: number): Grade {
  const sorted = [...bands].sort((a, b) => b.minTotal - a.minTotal);
  for (const band of sorted) if (total >= band.minTotal) return band.grade;
  return sorted[sorted.length - 1]?.grade ?? "INCOMPETENT";
}

/** How many of a cohort may have the top grade: quotaPercent% of the cohort, rounded down. */
export function topGradeQuota(cohortSize: number, quotaPercent: number): number {
  if (!Number.isInteger(cohortSize) || cohortSize < 0) throw new RangeError(`cohort size must be a whole number ≥ 0: ${cohortSize}`);
  if (!Number.isInteger(quotaPercent) || quotaPercent < 0 || quotaPercent > 100) throw new RangeError(`quota must be a whole percent: ${quotaPercent}`);
  return Math.floor((cohortSize * quotaPercent) / 100);
}

/** Sums of whole percentages and points a scheme must meet. */
export function schemeProblems(scheme: { parties: readonly SchemeParty[]; aspects: readonly SchemeAspect[]; bands: readonly GradeBand[] }): string[] {
  const problems: string[] = [];
  if (scheme.parties.length === 0) problems.push("noParties");
  if (scheme.parties.reduce((a, p) => a + p.weight, 0) !== 100) problems.push("weightsNot100");
  if (new Set(scheme.parties.map((p) => p.kind)).size !== scheme.parties.length) problems.push("partyTwice");
  if (scheme.aspects.length === 0) problems.push("noAspects");
  if (scheme.aspects.reduce((a, x) => a + x.maxPoints, 0) !== 100) problems.push("aspectsNot100");
  const grades = scheme.bands.map((b) => b.grade);
  if (new Set(grades).size !== grades.length || GRADES.some((g) => !grades.includes(g))) problems.push("bandsIncomplete");
  const byOrder = GRADES.map((g) => scheme.bands.find((b) => b.grade === g)?.minTotal ?? -1);
  for (let i = 1; i < byOrder.length; i++) if (byOrder[i]! >= byOrder[i - 1]!) problems.push("bandsNotDescending");
  if (byOrder[byOrder.length - 1] !== 0) problems.push("lowestBandNotZero");
  return [...new Set(problems)];
}

/** Days of `periods` (first..last, both included) within the calendar year. Periods are assumed not to overlap. */
export function daysServedInYear(periods: readonly { first: DateInput; last: DateInput }[], year: number): number {
  const yearRange = { first: `${year}-01-01`, last: `${year}-12-31` };
  let days = 0;
  for (const p of periods) {
    const shared = overlap(p, yearRange);
    if (shared) days += daysInclusive(shared.first, shared.last);
  }
  return days;
}

export function daysInYear(year: number): number {
  return daysInclusive(`${year}-01-01`, `${year}-12-31`);
}

/**
 * 半年以上: at least half of the year's days served in the year (the half itself included); a scheme
 * may ask another share (minServedPercent of the year's days, the share itself included).
 */
export function isAssessed(servedDays: number, year: number, minServedPercent = 50): boolean {
  return 100 * servedDays >= minServedPercent * daysInYear(year);
}

/** Served days as months, one decimal (a month = the year's days / 12), for the "not assessed: 4.9 months" line. */
export function monthsServed(servedDays: number, year: number): string {
  return (Math.round((servedDays * 120) / daysInYear(year)) / 10).toFixed(1);
}

export interface RankedSubject {
  id: string;
  name: string;
  total: number;
}

/** Ranking by total, highest first; ties by name, so the order is stable. */
export function rankByTotal<T extends RankedSubject>(subjects: readonly T[]): T[] {
  return [...subjects].sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, "zh-CN") || a.id.localeCompare(b.id));
}

export interface QuotaVerdict {
  quota: number;
  /** Subjects given the top grade, ranked by total. */
  top: RankedSubject[];
  /** Those beyond the quota: the lowest-ranked of the top-grade subjects. Empty when within the quota. */
  over: RankedSubject[];
}

/** Whether giving `top` the top grade stays within the quota of the cohort, and who is over when not. */
export function checkTopQuota(cohortSize: number, quotaPercent: number, top: readonly RankedSubject[]): QuotaVerdict {
  const quota = topGradeQuota(cohortSize, quotaPercent);
  const ranked = rankByTotal(top);
  return { quota, top: ranked, over: ranked.slice(quota) };
}

/**
 * Whether an allowance item of a programme is the award for an excellent annual grade (seed 001:
 * 年度考核为优秀的，给予考核优秀奖1500元): a per-event item whose name says 优秀 (the template's
 * 年度考核优秀奖, or a bureau's own 考核优秀奖励). A programme without one gets no award line.
 */
export function isExcellentAwardItem(item: { kind: string; name: string; isActive: boolean }): boolean {
  return item.kind === "PER_EVENT" && item.isActive && item.name.includes("优秀");
}
