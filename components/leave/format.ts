// Calendar days ("YYYY-MM-DD") in the reader's conventions — 2026年12月3日, 3 December 2026 — never
// shifted by a time zone (the same options as lib/i18n/format.ts, usable in client components).
export const dayOptions = { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" } as const;
export const instantOptions = { year: "numeric", month: "long", day: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "Asia/Shanghai" } as const;

export function dayAsDate(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/** Values of an error's details that are calendar days, to be formatted before they go into the sentence. */
export const DAY_DETAILS = new Set(["first", "last", "latest"]);
