// Calendar days of service ("YYYY-MM-DD") in the reader's words: 2026年4月1日 / Apr 1, 2026 — never
// shifted by a time zone, never an ambiguous numeric form.
export const dayOptions = { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" } as const;

export function dayValue(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

export type DayFormatter = (day: string) => string;
