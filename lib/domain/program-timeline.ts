// A programme's timeline and cut-off dates, as entered: wall-clock times in Asia/Shanghai, checked
// and turned into UTC instants. Pure: no I/O.
import { addMilliseconds, differenceInCalendarDays, parseISO } from "date-fns";
import type { StageKind } from "../generated/prisma/enums";
import { shanghaiDay } from "./dispatch";

export const STAGE_KINDS = [
  "REGISTRATION",
  "PRELIMINARY_REVIEW",
  "PHYSICAL_EXAM",
  "INSPECTION_SHORTLIST",
  "INSPECTION",
  "REPORT_LIST",
  "APPROVAL",
] as const satisfies readonly StageKind[];

/** The stages whose decision is bounded by "ratio × headcount" (1:3 → 3). */
export const RATIO_STAGES: readonly StageKind[] = ["INSPECTION_SHORTLIST", "REPORT_LIST"];

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})$/;

/**
 * "2013-11-11 12:00" (or "2013-11-11T12:00", as <input type="datetime-local"> sends it) read in
 * Asia/Shanghai, as a UTC instant; null when it is not a real date and time. China has kept +08:00
 * all year since 1991, so the offset is fixed.
 */
export function fromShanghaiWallClock(value: string): Date | null {
  const m = WALL_CLOCK.exec(value.trim());
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (hour > 23 || minute > 59) return null;
  const utc = Date.UTC(year, month - 1, day, hour - 8, minute);
  const check = new Date(utc + 8 * 3_600_000);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return new Date(utc);
}

/** The instant as Asia/Shanghai wall-clock, in the form <input type="datetime-local"> takes ("2013-11-11T12:00"). */
export function toShanghaiWallClock(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 16);
}

/** "2013-12-31" as the @db.Date value (UTC midnight); null if no such day. */
export function calendarDate(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const d = new Date(`${value}T00:00:00.000Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value ? null : d;
}

export interface TimelineStage {
  kind: StageKind;
  opensAt: Date;
  closesAt: Date;
}

export type TimelineProblem =
  | { index: number; field: "closesAt"; code: "closesBeforeOpens" }
  | { index: number; field: "opensAt"; code: "opensBeforePrevious" }
  | { index: number; field: "kind"; code: "duplicateStage" };

/**
 * What is wrong with a timeline given in sequence order: a stage must close after it opens, may not
 * open before the stage before it opens (windows may overlap: seed 000 reviews while registration
 * runs), and each kind appears once.
 */
export function timelineProblems(stages: readonly TimelineStage[]): TimelineProblem[] {
  const problems: TimelineProblem[] = [];
  const seen = new Set<StageKind>();
  stages.forEach((stage, index) => {
    if (seen.has(stage.kind)) problems.push({ index, field: "kind", code: "duplicateStage" });
    seen.add(stage.kind);
    if (stage.closesAt.getTime() <= stage.opensAt.getTime()) problems.push({ index, field: "closesAt", code: "closesBeforeOpens" });
    const previous = stages[index - 1];
    if (previous && stage.opensAt.getTime() < previous.opensAt.getTime()) problems.push({ index, field: "opensAt", code: "opensBeforePrevious" });
  });
  return problems;
}

/** The same instant one calendar year later in Shanghai wall-clock (29 Feb becomes 28 Feb). */
export function shiftInstantOneYear(instant: Date): Date {
  const wall = new Date(instant.getTime() + 8 * 3_600_000);
  return new Date(shiftDateOneYear(wall).getTime() - 8 * 3_600_000);
}

/** The same calendar day one year later (29 Feb becomes 28 Feb), time of day kept. */
export function shiftDateOneYear(date: Date): Date {
  const y = date.getUTCFullYear() + 1;
  const m = date.getUTCMonth();
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(date.getUTCDate(), lastDay), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds(), date.getUTCMilliseconds()));
}

// ───────────── Moving a timeline by whole days ─────────────

const DAY_MS = 86_400_000;

/** Calendar days from one Beijing day "YYYY-MM-DD" to another (negative when `to` is earlier). */
export function calendarDaysBetween(from: string, to: string): number {
  // Both parsed as local midnights, so the count is the same in any process time zone.
  return differenceInCalendarDays(parseISO(to), parseISO(from));
}

export interface ShiftableTimeline {
  stages: readonly { opensAt: Date; closesAt: Date }[];
  cutoffs: readonly { date: Date }[];
}

/**
 * Every stage's opening and closing and every cut-off date moved by `days` whole days, so the
 * intervals between them are kept. Beijing keeps +08:00 all year, so a Beijing day is always 24
 * hours and a wall-clock time moved by days keeps its time of day.
 */
export function shiftTimelineByDays<T extends ShiftableTimeline>(timeline: T, days: number): T {
  const by = (d: Date) => addMilliseconds(d, days * DAY_MS);
  return {
    ...timeline,
    stages: timeline.stages.map((s) => ({ ...s, opensAt: by(s.opensAt), closesAt: by(s.closesAt) })),
    cutoffs: timeline.cutoffs.map((c) => ({ ...c, date: by(c.date) })),
  };
}

/** Whether the registration window has closed by `now` (a programme opened now could take no nomination). */
export function isRegistrationPast(registrationClosesAt: Date | null, now: Date): boolean {
  return registrationClosesAt !== null && registrationClosesAt.getTime() <= now.getTime();
}

/**
 * How many days to move a timeline so registration opens on `opensOn` (a Beijing day, usually
 * today), keeping its time of day: the offer made when a programme is opened after its window.
 */
export function daysToOpenRegistrationOn(registrationOpensAt: Date, opensOn: string): number {
  return calendarDaysBetween(shanghaiDay(registrationOpensAt), opensOn);
}
