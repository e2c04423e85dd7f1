// How allowance figures read on screen (usable in server and client components): whole fen as yuan
// with two decimals, a line's period, and the pro-rating written beside the amount.
import { formatYuan } from "@/lib/domain/money";

export { formatYuan };

export const dayOptions = { year: "numeric", month: "numeric", day: "numeric", timeZone: "UTC" } as const;

/** A calendar day ("YYYY-MM-DD" or a @db.Date) as a Date at UTC midnight, for the formatter. */
export function asDate(day: Date | string): Date {
  return typeof day === "string" ? new Date(`${day}T00:00:00Z`) : day;
}

/** "YYYY-MM-DD" of a @db.Date. */
export function isoOf(day: Date | string): string {
  return typeof day === "string" ? day : day.toISOString().slice(0, 10);
}

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** What a line's amount is made of: days served over the month's days × the rate, the full month, one-time, an event or an adjustment. */
export function ruleText(
  t: Translate,
  line: { kind: string; daysServed: number | null; monthDays: number | null; rateFen: number; reason: string | null; paidBeforeFen: number | null; isGenerated: boolean },
): string {
  if (line.kind === "ADJUSTMENT") return t("schedule.adjusts", { reason: line.reason ?? "", before: formatYuan(line.paidBeforeFen ?? 0) });
  if (line.kind === "EVENT") return t("schedule.event", { reason: line.reason ?? "" });
  if (line.daysServed === null || line.monthDays === null) return t("schedule.once");
  if (line.daysServed === line.monthDays) return `${t("schedule.full")} · ${t("yuan", { amount: formatYuan(line.rateFen) })}`;
  return t("ruleShort", { days: line.daysServed, monthDays: line.monthDays, rate: formatYuan(line.rateFen) });
}
