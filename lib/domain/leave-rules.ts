// The rules of leave during service (请假). Pure: no I/O. Days are calendar days; a leave includes its
// first and its last day.
//
// - The programme's filing threshold (seed 001: 请假5天以上需向领导小组办公室备案，同时顺延基层服务期限).
//   In Chinese legal usage 以上 includes the number itself: with a threshold of 5, a leave of 5 days
//   or more must also be approved by the programme office (the bureau) and moves the last day of
//   service later by its length; a leave of 4 days does neither.
// - Seed 000's limits, checked when the leave is filed: home leave and visits combined once a year
//   (休假和探亲合并使用，一年一次 — counted per service year, the year that begins on the dispatch's
//   first day or an anniversary of it); the spouse may visit once (配偶可探亲一次), for up to one
//   month (时间1个月: the visit ends at the latest on the last day of one calendar month from its
//   first day).
// - A leave lies inside the dispatch's days and never overlaps another live leave (pending or
//   approved) of the same dispatch.
import type { DateInput } from "./eligibility/calendar";
import { isoDay } from "./eligibility/calendar";
import { addDays, daysFrom, daysInclusive, lastDayOfService, overlap } from "./service-period";

export const LEAVE_KINDS = ["HOME_LEAVE", "SPOUSE_VISIT", "SICK", "PERSONAL"] as const;
export type LeaveKindName = (typeof LEAVE_KINDS)[number];

export const LEAVE_STATUSES = ["PENDING_SUPERVISOR", "PENDING_BUREAU", "APPROVED", "REJECTED", "CANCELLED"] as const;
export type LeaveStatusName = (typeof LEAVE_STATUSES)[number];

/** Leave that still holds its days: waiting for a decision, or approved. */
export const LIVE_LEAVE_STATUSES: readonly LeaveStatusName[] = ["PENDING_SUPERVISOR", "PENDING_BUREAU", "APPROVED"];

export function isLiveLeave(status: LeaveStatusName): boolean {
  return LIVE_LEAVE_STATUSES.includes(status);
}

/** Home leave and spouse visits: the kinds seed 000 limits to once a service year. */
export const HOME_KINDS: readonly LeaveKindName[] = ["HOME_LEAVE", "SPOUSE_VISIT"];

/** The programme's leave rules (Program columns; null: the programme sets no such rule). */
export interface LeaveRules {
  leaveFilingThresholdDays: number | null;
  homeLeavesPerYear: number | null;
  spouseVisitsMax: number | null;
  spouseVisitMaxMonths: number | null;
}

/** Calendar days of a leave, both ends included. */
export function leaveDays(startDate: DateInput, endDate: DateInput): number {
  return daysInclusive(startDate, endDate);
}

/**
 * Whether a leave of `days` must be filed with the programme office and moves the last day of service:
 * 以上 includes the threshold itself (5 days with a threshold of 5: yes; 4 days: no).
 */
export function extendsService(days: number, thresholdDays: number | null): boolean {
  return thresholdDays !== null && days >= thresholdDays;
}

/** The service year (1, 2, …) a day falls in, counted from the dispatch's first day; 0 before it. */
export function serviceYearOf(dispatchStart: DateInput, day: DateInput): number {
  if (daysFrom(dispatchStart, day) < 0) return 0;
  let year = 1;
  while (daysFrom(lastDayOfService(dispatchStart, 12 * year), day) > 0) year += 1;
  return year;
}

/** The first and last day of a service year. */
export function serviceYearRange(dispatchStart: DateInput, year: number): { first: string; last: string } {
  const first = year === 1 ? isoDay(dispatchStart) : addDays(lastDayOfService(dispatchStart, 12 * (year - 1)), 1);
  return { first, last: lastDayOfService(dispatchStart, 12 * year) };
}

export interface LeaveCandidate {
  kind: LeaveKindName;
  startDate: DateInput;
  endDate: DateInput;
}

export interface ExistingLeave extends LeaveCandidate {
  id: string;
  status: LeaveStatusName;
}

export interface LeaveDispatch {
  startDate: DateInput;
  /** The current last day of service (moved by approved leave that extends it). */
  lastDay: DateInput;
}

/** Why a leave is refused, with what the sentence needs. The field is where the form shows it. */
export type LeaveRefusal =
  | { code: "endBeforeStart"; field: "endDate" }
  | { code: "outsideDispatch"; field: "startDate" | "endDate"; first: string; last: string }
  | { code: "overlapsLeave"; field: "startDate"; first: string; last: string }
  | { code: "homeLeavesPerYear"; field: "kind"; limit: number; year: number; first: string; last: string }
  | { code: "spouseVisitsMax"; field: "kind"; limit: number }
  | { code: "spouseVisitTooLong"; field: "endDate"; months: number; latest: string };

/**
 * The refusals of a leave filed now, in the order the form shows them (empty: it may be filed).
 * `others` are the dispatch's other leave requests, in any status; only live ones count.
 */
export function leaveRefusals(dispatch: LeaveDispatch, leave: LeaveCandidate, others: readonly ExistingLeave[], rules: LeaveRules): LeaveRefusal[] {
  const refusals: LeaveRefusal[] = [];
  const first = isoDay(dispatch.startDate);
  const last = isoDay(dispatch.lastDay);
  if (daysFrom(leave.startDate, leave.endDate) < 0) return [{ code: "endBeforeStart", field: "endDate" }];
  if (daysFrom(first, leave.startDate) < 0 || daysFrom(leave.startDate, last) < 0) refusals.push({ code: "outsideDispatch", field: "startDate", first, last });
  else if (daysFrom(leave.endDate, last) < 0) refusals.push({ code: "outsideDispatch", field: "endDate", first, last });

  const live = others.filter((o) => isLiveLeave(o.status));
  const clash = live
    .filter((o) => overlap({ first: o.startDate, last: o.endDate }, { first: leave.startDate, last: leave.endDate }))
    .sort((a, b) => daysFrom(b.startDate, a.startDate))[0];
  if (clash) refusals.push({ code: "overlapsLeave", field: "startDate", first: isoDay(clash.startDate), last: isoDay(clash.endDate) });

  if (HOME_KINDS.includes(leave.kind) && rules.homeLeavesPerYear !== null && daysFrom(first, leave.startDate) >= 0) {
    const year = serviceYearOf(first, leave.startDate);
    const sameYear = live.filter((o) => HOME_KINDS.includes(o.kind) && serviceYearOf(first, o.startDate) === year).length;
    if (sameYear >= rules.homeLeavesPerYear) {
      const range = serviceYearRange(first, year);
      refusals.push({ code: "homeLeavesPerYear", field: "kind", limit: rules.homeLeavesPerYear, year, ...range });
    }
  }
  if (leave.kind === "SPOUSE_VISIT") {
    if (rules.spouseVisitsMax !== null && live.filter((o) => o.kind === "SPOUSE_VISIT").length >= rules.spouseVisitsMax) {
      refusals.push({ code: "spouseVisitsMax", field: "kind", limit: rules.spouseVisitsMax });
    }
    if (rules.spouseVisitMaxMonths !== null) {
      const latest = lastDayOfService(leave.startDate, rules.spouseVisitMaxMonths);
      if (daysFrom(leave.endDate, latest) < 0) refusals.push({ code: "spouseVisitTooLong", field: "endDate", months: rules.spouseVisitMaxMonths, latest });
    }
  }
  return refusals;
}

/** Who decides a leave next: the receiving supervisor, then the bureau when the leave extends service. */
export type LeaveStep = "supervisor" | "bureau";

export function stepOf(status: LeaveStatusName): LeaveStep | null {
  if (status === "PENDING_SUPERVISOR") return "supervisor";
  if (status === "PENDING_BUREAU") return "bureau";
  return null;
}

/** The status after a decision at the leave's current step. */
export function statusAfterDecision(status: LeaveStatusName, extends_: boolean, approve: boolean): LeaveStatusName | null {
  const step = stepOf(status);
  if (!step) return null;
  if (!approve) return "REJECTED";
  if (step === "supervisor" && extends_) return "PENDING_BUREAU";
  return "APPROVED";
}
