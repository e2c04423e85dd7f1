// The service clock of one dispatch. Pure: no I/O. Days are calendar days, both ends of a period
// included; "today" is the day the clock is read.
//
// The rule, in words (seed 001, DOMAIN.md "Dispatch and service"):
// - Days elapsed: from the first day of service to today or the last day, whichever comes first.
// - Leave that moves the last day (the programme's threshold, 请假5天以上 — 5 days included) is made
//   up at the end, so its days are not days served; shorter approved leave counts as served.
// - Days served = days elapsed less the days of approved leave that moved the last day.
// - Absences (旷工): each absent attendance record is one absence (a spot check or routine check that
//   found the doctor away, or leave taken without approval); its days are the days it covers.
// - Service credited toward grassroots experience = days served less the days of absence; and zero
//   when the absences exceed the programme's limit (旷工超过3次: 超过 excludes the number, so 4 or
//   more absences with a limit of 3).
import type { DateInput } from "./eligibility/calendar";
import { isoDay } from "./eligibility/calendar";
import { addDays, daysFrom, daysInclusive } from "./service-period";
import type { LeaveKindName, LeaveStatusName } from "./leave-rules";

export interface ClockDispatch {
  startDate: DateInput;
  /** The last day as first planned (start + service months). */
  plannedLastDay: DateInput;
  /** The last day now (moved by leave, extensions or an early end). */
  lastDay: DateInput;
}

export interface ClockLeave {
  kind?: LeaveKindName;
  startDate: DateInput;
  endDate: DateInput;
  status: LeaveStatusName;
  extendsService: boolean;
}

export interface ClockAttendance {
  startDate: DateInput;
  endDate: DateInput;
  isPresent: boolean;
}

export interface ServiceClock {
  firstDay: string;
  plannedLastDay: string;
  lastDay: string;
  /** Days the last day lies after the planned one (negative: an early end). */
  lastDayMovedBy: number;
  /** Days from the first to the last day, both included. */
  totalDays: number;
  /** Days from the first day to today (or the last day), both included; 0 before the service begins. */
  elapsedDays: number;
  /** Days after today up to the last day. */
  daysLeft: number;
  /** Approved leave: all of it, and what of it has been taken by today. */
  approvedLeaveDays: number;
  approvedLeaveDaysTaken: number;
  /** Approved leave that moved the last day, taken by today: not days served. */
  extendingLeaveDaysTaken: number;
  /** Days of leave waiting for a decision that would move the last day if approved. */
  pendingExtendingDays: number;
  daysServed: number;
  absenceCount: number;
  /** Distinct days covered by absences, within the days elapsed and outside leave that moved the last day. */
  absenceDays: number;
  /** The programme's limit on absences (null: none). */
  absenceLimit: number | null;
  /** More absences than the limit: the service does not count as grassroots service at all. */
  exceedsAbsenceLimit: boolean;
  /** Days credited toward grassroots service. */
  creditedDays: number;
}

/** The last day moved later by `days` (leave that extends service). */
export function movedLastDay(lastDay: DateInput, days: number): string {
  return addDays(lastDay, days);
}

/** Whether `count` absences exceed the limit: 超过 excludes the number itself (limit 3: 4 or more). */
export function exceedsAbsenceLimit(count: number, limit: number | null): boolean {
  return limit !== null && count > limit;
}

/** The days of first..last that fall inside window (as day offsets from window.first). */
function daysWithin(window: { first: string; last: string }, first: DateInput, last: DateInput): number[] {
  const from = Math.max(0, daysFrom(window.first, first));
  const to = Math.min(daysFrom(window.first, window.last), daysFrom(window.first, last));
  const days: number[] = [];
  for (let d = from; d <= to; d++) days.push(d);
  return days;
}

export function serviceClock(input: {
  dispatch: ClockDispatch;
  leaves: readonly ClockLeave[];
  attendance: readonly ClockAttendance[];
  absenceLimit: number | null;
  today: DateInput;
}): ServiceClock {
  const firstDay = isoDay(input.dispatch.startDate);
  const lastDay = isoDay(input.dispatch.lastDay);
  const plannedLastDay = isoDay(input.dispatch.plannedLastDay);
  const today = isoDay(input.today);
  const totalDays = daysInclusive(firstDay, lastDay);
  const elapsedLast = daysFrom(today, lastDay) < 0 ? lastDay : today;
  const elapsedDays = daysInclusive(firstDay, elapsedLast);
  const elapsed = { first: firstDay, last: elapsedLast };
  const whole = { first: firstDay, last: lastDay };

  const approved = input.leaves.filter((l) => l.status === "APPROVED");
  const approvedLeaveDays = approved.reduce((sum, l) => sum + daysWithin(whole, l.startDate, l.endDate).length, 0);
  const approvedLeaveDaysTaken = approved.reduce((sum, l) => sum + daysWithin(elapsed, l.startDate, l.endDate).length, 0);
  const extendingDays = new Set<number>();
  for (const l of approved) if (l.extendsService) for (const d of daysWithin(elapsed, l.startDate, l.endDate)) extendingDays.add(d);
  const pendingExtendingDays = input.leaves
    .filter((l) => l.extendsService && (l.status === "PENDING_SUPERVISOR" || l.status === "PENDING_BUREAU"))
    .reduce((sum, l) => sum + daysInclusive(l.startDate, l.endDate), 0);

  const absences = input.attendance.filter((a) => !a.isPresent);
  const absentDays = new Set<number>();
  for (const a of absences) for (const d of daysWithin(elapsed, a.startDate, a.endDate)) if (!extendingDays.has(d)) absentDays.add(d);

  const daysServed = elapsedDays - extendingDays.size;
  const absenceCount = absences.length;
  const exceeds = exceedsAbsenceLimit(absenceCount, input.absenceLimit);
  return {
    firstDay,
    plannedLastDay,
    lastDay,
    lastDayMovedBy: daysFrom(plannedLastDay, lastDay),
    totalDays,
    elapsedDays,
    daysLeft: totalDays - elapsedDays,
    approvedLeaveDays,
    approvedLeaveDaysTaken,
    extendingLeaveDaysTaken: extendingDays.size,
    pendingExtendingDays,
    daysServed,
    absenceCount,
    absenceDays: absentDays.size,
    absenceLimit: input.absenceLimit,
    exceedsAbsenceLimit: exceeds,
    creditedDays: exceeds ? 0 : Math.max(0, daysServed - absentDays.size),
  };
}
