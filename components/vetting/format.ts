import { timeZone } from "@/lib/i18n/config";

/** An instant (deadline, decision) as Beijing wall-clock: 2013/11/11 12:00. */
export const shanghaiInstant = { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone } as const;
