import "server-only";
import { getFormatter } from "next-intl/server";

/**
 * Calendar dates (birth dates, title dates, cut-offs: stored as UTC midnight) in the reader's
 * conventions — 2013年12月31日 in zh-CN, 31 December 2013 in English — never shifted by a time zone.
 */
export const calendarDateOptions = { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" } as const;

export async function getCalendarDateFormatter(): Promise<(date: Date | null, empty?: string) => string> {
  const format = await getFormatter();
  return (date, empty = "—") => (date ? format.dateTime(date, calendarDateOptions) : empty);
}
