// Work logs (工作量): the rules of a log's period and the plausibility bounds of its counts. Pure: no
// I/O. A log covers one day or one week of the doctor's dispatch: at most 7 days, inside the
// dispatch, never in the future, and never overlapping another log of the same dispatch. The bounds
// are per log (up to 7 days) and are the database's CHECKs too (migration 20261203090000_service):
// 10 000 operations in a day is refused by both.
import { addDays, daysFrom, daysInclusive, overlap } from "./service-period";

/** The longest period one log may cover, in days (a week). */
export const MAX_LOG_DAYS = 7;

/** Upper bounds of one log's counts (inclusive), the same as the CHECK constraint WorkLog_counts_check. */
export const WORK_LOG_BOUNDS = {
  outpatients: 5000,
  operations: 200,
  caseDiscussions: 200,
  juniorsMentored: 500,
  lectures: 100,
  freeClinics: 100,
  /** 10 million yuan, in fen (the database refuses above 1 000 million yuan; the form stops here). */
  donatedMedicineFen: 1_000_000_000,
} as const;

export type WorkLogCount = Exclude<keyof typeof WORK_LOG_BOUNDS, "donatedMedicineFen">;
export const WORK_LOG_COUNTS: readonly WorkLogCount[] = ["outpatients", "operations", "caseDiscussions", "juniorsMentored", "lectures", "freeClinics"];

/**
 * Teaching actions by type. Seed 003 (四川省“传帮带”工程) designs nine teaching actions and names three
 * of them — 师带徒, 远程教学, 组团帮扶; the others are those its 教学指南 and common practice list.
 */
export const TEACHING_ACTIONS = [
  "MENTORING", // 师带徒
  "REMOTE_TEACHING", // 远程教学
  "TEAM_SUPPORT", // 组团帮扶
  "TEACHING_ROUNDS", // 教学查房
  "CASE_TEACHING", // 疑难病例讨论带教
  "SURGICAL_DEMONSTRATION", // 手术示教
  "SKILLS_TRAINING", // 技能培训
  "TRAINEE_HOSTING", // 接收进修
  "OTHER", // 其他
] as const;
export type TeachingAction = (typeof TEACHING_ACTIONS)[number];
/** At most this many teaching actions of one type in one log. */
export const MAX_TEACHING_PER_TYPE = 100;
/** At most this many named new techniques in one log. */
export const MAX_NEW_TECHNIQUES = 20;
/** At most this many named new departments in one log (seed 003: 新建业务科室; the database's CHECK too). */
export const MAX_NEW_DEPARTMENTS = 10;

export interface Period {
  first: string;
  last: string;
}

export type PeriodProblem = "endBeforeStart" | "tooLong" | "beforeDispatch" | "afterDispatch" | "inFuture" | "overlaps";

/**
 * Why a log's period may not be filed, or null. `dispatch` is the dispatch's first and (current)
 * last day; `today` the day of filing (a log reports work done, so it may not end after today);
 * `others` the periods of the dispatch's other logs.
 */
export function periodProblem(period: Period, dispatch: Period, today: string, others: readonly Period[] = []): PeriodProblem | null {
  if (daysFrom(period.first, period.last) < 0) return "endBeforeStart";
  if (daysInclusive(period.first, period.last) > MAX_LOG_DAYS) return "tooLong";
  if (daysFrom(dispatch.first, period.first) < 0) return "beforeDispatch";
  if (daysFrom(period.last, dispatch.last) < 0) return "afterDispatch";
  if (daysFrom(period.last, today) < 0) return "inFuture";
  if (others.some((o) => overlap(o, period) !== null)) return "overlaps";
  return null;
}

/** Monday of the week `day` falls in (weeks run Monday to Sunday, as in China). */
export function mondayOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 Sunday … 6 Saturday
  return addDays(day, -((weekday + 6) % 7));
}

/**
 * The period a new log for the week of `today` would cover: Monday to today, clipped to the
 * dispatch and starting after the last day already logged. Null when nothing is left to log.
 */
export function suggestedPeriod(today: string, dispatch: Period, others: readonly Period[] = []): Period | null {
  let first = mondayOf(today);
  if (daysFrom(first, dispatch.first) > 0) first = dispatch.first;
  let last = daysFrom(today, dispatch.last) < 0 ? dispatch.last : today;
  for (const o of others) {
    if (overlap(o, { first, last }) && daysFrom(o.last, last) >= 0) first = addDays(o.last, 1);
  }
  if (daysFrom(first, last) < 0) return null;
  if (daysInclusive(first, last) > MAX_LOG_DAYS) last = addDays(first, MAX_LOG_DAYS - 1);
  return periodProblem({ first, last }, dispatch, today, others) === null ? { first, last } : null;
}

