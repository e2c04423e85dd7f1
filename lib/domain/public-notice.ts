// Closing the round (DOMAIN.md, "Nominations and the vetting pipeline" → approval; issue 11): the
// approved list of a rotation batch is publicly noticed (公示) for a window of working days; during
// the window anyone signed in may object (异议) to a name; when it has closed with every objection
// answered, staff confirm the list, which is frozen with the SHA-256 of its canonical content. Any
// later change is a new version. Pure: the caller loads the facts (and hashes the canonical text).
//
// Working days are Monday to Friday on the Beijing calendar; public holidays and the weekend days
// worked in their place (调休) are not known to the product, so a window over a holiday is set by
// hand (a start date and a number of working days).
import { addDays, daysFrom } from "./service-period";

/** Monday to Friday. */
export function isWorkingDay(day: string): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** `day` itself when it is a working day, else the next working day. */
export function firstWorkingDayFrom(day: string): string {
  let d = day;
  while (!isWorkingDay(d)) d = addDays(d, 1);
  return d;
}

export interface NoticeWindow {
  /** First and last day on which objections are taken (Beijing calendar, both included). */
  startDate: string;
  endDate: string;
  workingDays: number;
}

/**
 * The window of `workingDays` working days that begins on `startDay` (or the next working day when
 * it falls on a weekend): a notice published on Monday for 5 working days ends on Friday; one
 * published on Thursday ends on the next Wednesday.
 */
export function noticeWindow(startDay: string, workingDays: number): NoticeWindow {
  if (!Number.isInteger(workingDays) || workingDays < 1) throw new RangeError(`workingDays must be a whole number ≥ 1: ${workingDays}`);
  const startDate = firstWorkingDayFrom(startDay);
  let endDate = startDate;
  for (let counted = 1; counted < workingDays; ) {
    endDate = addDays(endDate, 1);
    if (isWorkingDay(endDate)) counted += 1;
  }
  return { startDate, endDate, workingDays };
}

/** Working days from `from` to `to`, both included (0 when `to` is earlier). */
export function workingDaysBetween(from: string, to: string): number {
  let n = 0;
  for (let d = from; daysFrom(d, to) >= 0; d = addDays(d, 1)) if (isWorkingDay(d)) n += 1;
  return n;
}

export type WindowPhase = "notStarted" | "open" | "closed";

/** Where `today` (a Beijing day) stands against the window. */
export function windowPhase(window: Pick<NoticeWindow, "startDate" | "endDate">, today: string): WindowPhase {
  if (daysFrom(window.startDate, today) < 0) return "notStarted";
  if (daysFrom(today, window.endDate) < 0) return "closed";
  return "open";
}

/** Catalogue keys (notice.errors.*) of the refusals below. */
export type NoticeRefusal =
  | "noticeNotStarted"
  | "noticeWindowClosed"
  | "noticeWindowOpen"
  | "openObjections"
  | "notOnNotice"
  | "approvedAfterNotice"
  | "noNotice"
  | "listUnchanged"
  | "reasonRequired";

/** An objection is taken only on the days of the window, and only on a name the notice lists. */
export function objectionRefusal(window: Pick<NoticeWindow, "startDate" | "endDate">, today: string, isOnNotice: boolean): NoticeRefusal | null {
  const phase = windowPhase(window, today);
  if (phase === "notStarted") return "noticeNotStarted";
  if (phase === "closed") return "noticeWindowClosed";
  return isOnNotice ? null : "notOnNotice";
}

export interface ConfirmFacts {
  /** The latest notice's window, or null when none was published. */
  window: Pick<NoticeWindow, "startDate" | "endDate"> | null;
  today: string;
  openObjections: number;
  /** The version confirmed now (0: none yet). */
  currentVersion: number;
  /** Application ids on the latest notice, and approved now. */
  noticed: readonly string[];
  approved: readonly string[];
  /** Whether the list now differs from the current version's (ignored before the first). */
  isChanged: boolean;
  reason: string | null;
}

/**
 * Why the list may not be confirmed now, or null. The first version: the window has closed, no
 * objection is open, and everyone approved was on the notice (one approved later needs a notice of
 * their own). A later version: the list has changed since the current one, and the reason is given.
 */
export function confirmRefusal(facts: ConfirmFacts): { refusal: NoticeRefusal; names?: string[] } | null {
  if (!facts.window) return { refusal: "noNotice" };
  if (windowPhase(facts.window, facts.today) !== "closed") return { refusal: "noticeWindowOpen" };
  if (facts.openObjections > 0) return { refusal: "openObjections" };
  if (facts.currentVersion === 0) {
    const noticed = new Set(facts.noticed);
    const late = facts.approved.filter((id) => !noticed.has(id));
    return late.length ? { refusal: "approvedAfterNotice", names: late } : null;
  }
  if (!facts.isChanged) return { refusal: "listUnchanged" };
  if (!facts.reason?.trim()) return { refusal: "reasonRequired" };
  return null;
}

// ───────────── The canonical content ─────────────

export interface ListEntry {
  post: string;
  receivingUnit: string;
  doctor: string;
  idNumber: string;
  /** The day of the approval decision (Beijing), or null when it is not recorded. */
  approvedOn: string | null;
}

export interface ListContent {
  program: string;
  rotationBatch: number;
  entries: ListEntry[];
}

const ENTRY_KEYS = ["post", "receivingUnit", "doctor", "idNumber", "approvedOn"] as const satisfies readonly (keyof ListEntry)[];

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Entries in a stable order: post, receiving unit, ID number (code-point order, not the locale's). */
export function sortEntries(entries: readonly ListEntry[]): ListEntry[] {
  return [...entries].sort((a, b) => compareText(a.post, b.post) || compareText(a.receivingUnit, b.receivingUnit) || compareText(a.idNumber, b.idNumber) || compareText(a.doctor, b.doctor));
}

/**
 * The canonical text of a list: JSON with keys in a fixed order, entries sorted, no spaces, text
 * NFC-normalised and trimmed, ID numbers upper-case. The same list always gives the same bytes, so
 * its SHA-256 identifies it; anyone holding a printed list can rebuild this text and check the hash.
 */
export function canonicalListJson(content: ListContent): string {
  const clean = (s: string) => s.normalize("NFC").trim();
  const entries = sortEntries(content.entries.map((e) => ({ ...e, post: clean(e.post), receivingUnit: clean(e.receivingUnit), doctor: clean(e.doctor), idNumber: clean(e.idNumber).toUpperCase() })));
  const entryJson = entries.map((e) => `{${ENTRY_KEYS.map((k) => `${JSON.stringify(k)}:${JSON.stringify(e[k])}`).join(",")}}`);
  return `{"program":${JSON.stringify(clean(content.program))},"rotationBatch":${JSON.stringify(content.rotationBatch)},"entries":[${entryJson.join(",")}]}`;
}

/** What changed between two lists, by ID number: for the audit row and the versions' history, in words. */
export function listChanges(before: readonly ListEntry[], after: readonly ListEntry[]): { added: string[]; removed: string[] } {
  const label = (e: ListEntry) => `${e.doctor}（${e.post}）`;
  const key = (e: ListEntry) => `${e.idNumber}|${e.post}|${e.receivingUnit}`;
  const beforeKeys = new Set(before.map(key));
  const afterKeys = new Set(after.map(key));
  return { added: after.filter((e) => !beforeKeys.has(key(e))).map(label), removed: before.filter((e) => !afterKeys.has(key(e))).map(label) };
}
