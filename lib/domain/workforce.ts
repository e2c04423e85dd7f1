// Workforce indicators and targeted students' contracts (seed 002). Pure: no I/O.
//
// - An indicator's value = numerator ÷ denominator × base, rounded to two decimals: base 1 000 for
//   "per 1 000 residents" (每千常住人口), 10 000 for "per 10 000" (每万名居民), 100 for a share in %.
//   No denominator (or zero): no value.
// - Every target of seed 002 is "at least" (达到…以上): the gap = actual − target (negative: short of
//   it); met when the actual reaches the target.
// - A targeted student's contract (定向就业协议) owes N years of grassroots service from its first
//   day: the last day is the day before the N-th anniversary (lastDayOfService over N×12 months);
//   days served count from the first day to today, both included; the rest is what is left.
import { isoDay, type DateInput } from "./eligibility/calendar";
import { daysFrom, daysInclusive, lastDayOfService } from "./service-period";

export const INDICATOR_BASES = [100, 1000, 10000] as const;
export type IndicatorBase = (typeof INDICATOR_BASES)[number];

function round2(value: number): number {
  return Math.round((value + Number.EPSILON) * 100) / 100;
}

export function indicatorValue(numerator: number | null | undefined, denominator: number | null | undefined, base: number): number | null {
  if (numerator === null || numerator === undefined || !denominator) return null;
  return round2((numerator * base) / denominator);
}

export interface Gap {
  /** actual − target, two decimals; null when either is missing. */
  gap: number | null;
  hasMet: boolean | null;
}

export function gapToTarget(actual: number | null, target: number | null): Gap {
  if (actual === null || target === null) return { gap: null, hasMet: null };
  return { gap: round2(actual - target), hasMet: actual >= target };
}

export interface ContractStatus {
  lastDay: string;
  totalDays: number;
  servedDays: number;
  remainingDays: number;
  hasStarted: boolean;
  isFulfilled: boolean;
}

export function contractStatus(serviceStartDate: DateInput, serviceYears: number, today: DateInput): ContractStatus {
  const first = isoDay(serviceStartDate);
  const lastDay = lastDayOfService(first, serviceYears * 12);
  const totalDays = daysInclusive(first, lastDay);
  const upTo = daysFrom(today, lastDay) < 0 ? lastDay : isoDay(today);
  const servedDays = daysInclusive(first, upTo);
  return { lastDay, totalDays, servedDays, remainingDays: totalDays - servedDays, hasStarted: servedDays > 0, isFulfilled: servedDays >= totalDays };
}
