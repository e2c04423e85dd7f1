// Calendar arithmetic for the eligibility rules: whole years between two calendar dates, to the day.
// Dates are calendar days, not instants: a "YYYY-MM-DD" string or a Date at UTC midnight (@db.Date).
//
// Decision (29 February): a date on 29 Feb reaches its anniversary on 1 March in a common year. A
// doctor born 2000-02-29 turns 1 on 2001-03-01 (still 0 on 2001-02-28); a title obtained on 2012-02-29
// has been held one full year on 2013-03-01. This is the usual Chinese reading (周岁 counted from the
// day after 28 Feb), and it never lets a Feb-29 date count as a full year a day early.

export interface CalendarDay {
  year: number;
  month: number; // 1–12
  day: number; // 1–31
}

export type DateInput = Date | string;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The calendar day of a "YYYY-MM-DD" string or a Date (read in UTC, as @db.Date values are stored). */
export function toCalendarDay(value: DateInput): CalendarDay {
  if (typeof value === "string") {
    const m = ISO_DAY.exec(value);
    if (!m) throw new RangeError(`not a calendar date: ${value}`);
    return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  }
  if (Number.isNaN(value.getTime())) throw new RangeError("invalid date");
  return { year: value.getUTCFullYear(), month: value.getUTCMonth() + 1, day: value.getUTCDate() };
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Orders two days: negative if a is earlier, 0 if the same day, positive if later. */
export function compareDays(a: CalendarDay, b: CalendarDay): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** The n-th anniversary of `start` (n may be negative); 29 Feb falls on 1 Mar in a common year. */
export function anniversary(start: CalendarDay, years: number): CalendarDay {
  const year = start.year + years;
  if (start.month === 2 && start.day === 29 && !isLeapYear(year)) return { year, month: 3, day: 1 };
  return { year, month: start.month, day: start.day };
}

/**
 * Full years from `start` to `on`: the largest n whose n-th anniversary is on or before `on`
 * (so the anniversary day itself counts). Negative when `on` is before `start`.
 */
export function fullYears(start: DateInput, on: DateInput): number {
  const a = toCalendarDay(start);
  const b = toCalendarDay(on);
  let n = b.year - a.year;
  if (compareDays(anniversary(a, n), b) > 0) n -= 1;
  return n;
}

/** "YYYY-MM-DD" of a calendar day. */
export function isoDay(value: DateInput): string {
  const d = toCalendarDay(value);
  return `${String(d.year).padStart(4, "0")}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
}
