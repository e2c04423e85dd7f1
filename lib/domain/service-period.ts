// Calendar arithmetic of a period of service. Pure: no I/O. Days are calendar days ("YYYY-MM-DD"
// strings, or Dates at UTC midnight as @db.Date values are read); a period includes both its first
// and its last day.
//
// The last day of a service of N months is the day before the corresponding day N calendar months
// after the first day: 18 months from 15 Feb 2024 end on 14 Aug 2025. When that month has no
// corresponding day (a service starting on 31 Jan, 1 month), the period ends on the last day of that
// month (29 Feb 2024), as Chinese law reads periods counted in months (民法典 第二百零三条): a month is
// never shortened below its calendar length.
import { isLeapYear, isoDay, toCalendarDay, type DateInput } from "./eligibility/calendar";

const MS_PER_DAY = 86_400_000;

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** A calendar day as a Date at UTC midnight (the form @db.Date columns take). */
export function dayDate(value: DateInput): Date {
  const { year, month, day } = toCalendarDay(value);
  return new Date(Date.UTC(year, month - 1, day));
}

/** `value` moved by `days` calendar days (negative: earlier). */
export function addDays(value: DateInput, days: number): string {
  return isoDay(new Date(dayDate(value).getTime() + days * MS_PER_DAY));
}

/** Whole days from `from` to `to` (0 on the same day; negative when `to` is earlier). */
export function daysFrom(from: DateInput, to: DateInput): number {
  return Math.round((dayDate(to).getTime() - dayDate(from).getTime()) / MS_PER_DAY);
}

/** The number of days of the period first..last, both included (0 when last is before first). */
export function daysInclusive(first: DateInput, last: DateInput): number {
  return Math.max(0, daysFrom(first, last) + 1);
}

/** The last day of a service of `months` calendar months that begins on `firstDay`. */
export function lastDayOfService(firstDay: DateInput, months: number): string {
  if (!Number.isInteger(months) || months < 1) throw new RangeError(`months must be a whole number ≥ 1: ${months}`);
  const start = toCalendarDay(firstDay);
  const index = start.year * 12 + (start.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const length = daysInMonth(year, month);
  // No corresponding day (31 Jan + 1 month): the period ends on that month's last day.
  if (start.day > length) return isoDay(new Date(Date.UTC(year, month - 1, length)));
  return addDays(isoDay(new Date(Date.UTC(year, month - 1, start.day))), -1);
}

export interface DayRange {
  first: string;
  last: string;
}

/** The days two periods share (both ends included), or null when they do not meet. */
export function overlap(a: { first: DateInput; last: DateInput }, b: { first: DateInput; last: DateInput }): DayRange | null {
  const first = daysFrom(a.first, b.first) > 0 ? isoDay(dayDate(b.first)) : isoDay(dayDate(a.first));
  const last = daysFrom(a.last, b.last) < 0 ? isoDay(dayDate(b.last)) : isoDay(dayDate(a.last));
  return daysFrom(first, last) >= 0 ? { first, last } : null;
}
