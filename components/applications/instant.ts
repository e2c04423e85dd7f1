// Instants (submissions, decisions, deadlines) are stored in UTC and read in Beijing time, named
// explicitly so that the server's and the browser's own time zones never matter.
import type { DetailFormatter } from "@/lib/forms/feedback";
import { timeZone } from "@/lib/i18n/config";

export const instantOptions = { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone } as const;

/** A deadline in words: "2013年11月11日 12:00". */
export const deadlineOptions = { year: "numeric", month: "long", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone } as const;

const INSTANT_DETAILS = new Set(["closesAt", "opensAt"]);

/** A refusal's instants (a deadline, an opening) in Beijing time, for serverErrorText's values: "2013年11月11日 12:00". */
export function instantDetails(format: { dateTime: (date: Date, options: typeof deadlineOptions) => string }): DetailFormatter {
  return (name, value) => (INSTANT_DETAILS.has(name) ? format.dateTime(new Date(value), deadlineOptions) : undefined);
}
