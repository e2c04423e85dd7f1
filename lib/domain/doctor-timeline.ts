import type { ApplicationSource, AssessmentGrade, AttendanceSource, DecisionOutcome, DispatchEventKind, LeaveKind, LeaveStatus, ServiceEvaluationResult, StageKind } from "../generated/prisma/enums";

// One doctor's history across programmes and years (issue 16): what happened, when, in order. The
// events are read from their own records by lib/server/doctor-timeline.ts; here are the rules that
// do not need the database: how daily records fold into months, and the order of the whole.

/** A calendar month, "2026-05", of a date held as a calendar day (UTC midnight, as @db.Date reads). */
export function monthKeyOf(day: Date): string {
  return `${day.getUTCFullYear()}-${String(day.getUTCMonth() + 1).padStart(2, "0")}`;
}

/** The first day of a month key, as a calendar day (UTC midnight). */
export function monthStart(month: string): Date {
  const [year, m] = month.split("-").map(Number);
  return new Date(Date.UTC(year!, m! - 1, 1));
}

export interface DayAmount {
  dispatchId: string;
  day: Date;
  count: number;
  amountFen: number;
}

export interface MonthAmount {
  dispatchId: string;
  month: string;
  count: number;
  amountFen: number;
}

/**
 * Payments grouped by day in the database (few rows a doctor), folded into one line per dispatch and
 * month: "2026-05: 3 payments, ¥12 000.00". Money stays in integer fen. Months come in order.
 */
export function foldByMonth(rows: readonly DayAmount[]): MonthAmount[] {
  const byKey = new Map<string, MonthAmount>();
  for (const row of rows) {
    const month = monthKeyOf(row.day);
    const key = `${row.dispatchId}|${month}`;
    const seen = byKey.get(key);
    if (seen) {
      seen.count += row.count;
      seen.amountFen += row.amountFen;
    } else byKey.set(key, { dispatchId: row.dispatchId, month, count: row.count, amountFen: row.amountFen });
  }
  return [...byKey.values()].sort((a, b) => a.month.localeCompare(b.month) || a.dispatchId.localeCompare(b.dispatchId));
}

/** Which kinds of record a timeline holds, in the order they are told when they fall on the same moment. */
export const TIMELINE_KINDS = ["application", "decision", "notice", "dispatch", "leave", "absence", "logs", "assessment", "serviceEvaluation", "payment"] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/**
 * Oldest first (a career reads forward), the same moment in the order of TIMELINE_KINDS (a nomination
 * before its decision, a dispatch before its first log), then by a stable key so the order never
 * depends on how the database returned the rows.
 */
export function compareTimeline<E extends { at: Date; kind: TimelineKind; key: string }>(a: E, b: E): number {
  return a.at.getTime() - b.at.getTime() || TIMELINE_KINDS.indexOf(a.kind) - TIMELINE_KINDS.indexOf(b.kind) || a.key.localeCompare(b.key);
}

/** The year a timeline entry is listed under (its heading), in Beijing time for moments, as is for calendar days. */
export function timelineYear(at: Date, isCalendarDay: boolean): number {
  if (isCalendarDay) return at.getUTCFullYear();
  return new Date(at.getTime() + 8 * 3600_000).getUTCFullYear();
}

interface TimelineBase {
  /** Stable within the timeline (the record's id, or dispatch and month for a month's total). */
  key: string;
  at: Date;
  /** `at` is a calendar day (a leave's first day, a month), not a moment. */
  isCalendarDay: boolean;
  kind: TimelineKind;
  programName: string | null;
  href: string;
}

/** One entry: what happened, when, in which programme, and the page of its record. */
export type TimelineEvent = TimelineBase &
  (
    | { kind: "application"; source: ApplicationSource; postTitle: string; nominatingOrgName: string }
    | { kind: "decision"; source: ApplicationSource; postTitle: string; stage: StageKind; outcome: DecisionOutcome; reason: string | null }
    | { kind: "notice"; startDate: Date; endDate: Date }
    | { kind: "dispatch"; event: DispatchEventKind; receivingOrgName: string; toLastDay: Date | null; reason: string | null }
    | { kind: "leave"; leaveKind: LeaveKind; startDate: Date; endDate: Date; days: number; status: LeaveStatus }
    | { kind: "absence"; source: AttendanceSource; startDate: Date; endDate: Date }
    | { kind: "logs"; month: string; count: number; outpatients: number; operations: number }
    | { kind: "assessment"; year: number; grade: AssessmentGrade | null; servedDays: number; assessed: boolean }
    | { kind: "serviceEvaluation"; result: ServiceEvaluationResult }
    | { kind: "payment"; month: string; count: number; amountFen: number }
  );

