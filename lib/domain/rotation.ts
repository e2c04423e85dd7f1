// Rotation without gaps (seed 004: 做好医务人员支医帮扶工作轮岗的衔接，不得出现帮扶医务人员不在岗的现象).
// Pure: for each successor and its predecessor on the same post, the uncovered days between the
// predecessor's last day and the successor's first (a gap), or the days both serve when that is
// longer than the programme's planned hand-over (an overlap too long). Days are "YYYY-MM-DD"; both
// ends of a dispatch are days of service.
import type { DispatchStatus } from "../generated/prisma/enums";
import { addDays, daysFrom } from "./service-period";

export interface RotationDispatch {
  id: string;
  status: DispatchStatus;
  startDate: string;
  lastDay: string;
  predecessorId: string | null;
}

export type RotationIssueKind = "gap" | "overlapTooLong";

export interface RotationIssue {
  kind: RotationIssueKind;
  predecessorId: string;
  successorId: string;
  /** The uncovered days (gap) or the days both serve (overlap), both ends included. */
  first: string;
  last: string;
  days: number;
  /** The hand-over the programme plans (days both may serve). */
  allowedOverlapDays: number;
  /** Whether the issue is still ahead (its last day is today or later): it can be fixed before it happens. */
  isAhead: boolean;
}

/** The hand-over between a predecessor and its successor: the gap or overlap, if it is an issue. */
export function handoverIssue(predecessor: RotationDispatch, successor: RotationDispatch, allowedOverlapDays: number, today: string): RotationIssue | null {
  if (predecessor.status === "CANCELLED" || successor.status === "CANCELLED") return null;
  // Days between: 1 when the successor starts the day after the predecessor's last day.
  const step = daysFrom(predecessor.lastDay, successor.startDate);
  const base = { predecessorId: predecessor.id, successorId: successor.id, allowedOverlapDays };
  if (step > 1) {
    const first = addDays(predecessor.lastDay, 1);
    const last = addDays(successor.startDate, -1);
    return { ...base, kind: "gap", first, last, days: step - 1, isAhead: daysFrom(today, last) >= 0 };
  }
  const overlapDays = 1 - step; // 0 when back to back
  if (overlapDays > allowedOverlapDays) {
    const first = successor.startDate;
    const last = daysFrom(successor.lastDay, predecessor.lastDay) > 0 ? successor.lastDay : predecessor.lastDay;
    return { ...base, kind: "overlapTooLong", first, last, days: overlapDays, isAhead: daysFrom(today, last) >= 0 };
  }
  return null;
}

/** Every hand-over issue among these dispatches (each successor with its predecessor, when both are given). */
export function rotationIssues(dispatches: readonly RotationDispatch[], allowedOverlapDays: number | ((d: RotationDispatch) => number), today: string): RotationIssue[] {
  const byId = new Map(dispatches.map((d) => [d.id, d]));
  const issues: RotationIssue[] = [];
  for (const successor of dispatches) {
    const predecessor = successor.predecessorId ? byId.get(successor.predecessorId) : undefined;
    if (!predecessor) continue;
    const allowed = typeof allowedOverlapDays === "function" ? allowedOverlapDays(successor) : allowedOverlapDays;
    const issue = handoverIssue(predecessor, successor, allowed, today);
    if (issue) issues.push(issue);
  }
  return issues.sort((a, b) => daysFrom(b.first, a.first));
}

export interface TimelineWindow {
  first: string;
  last: string;
  days: number;
}

/** The window a timeline shows: from the earliest start to the latest last day (today included). */
export function timelineWindow(dispatches: readonly { startDate: string; lastDay: string }[], today: string): TimelineWindow {
  let first = today;
  let last = today;
  for (const d of dispatches) {
    if (daysFrom(d.startDate, first) > 0) first = d.startDate;
    if (daysFrom(last, d.lastDay) > 0) last = d.lastDay;
  }
  return { first, last, days: daysFrom(first, last) + 1 };
}

/** Where a period sits on the window, as percentages of its width (clamped to the window). */
export function barPlacement(window: TimelineWindow, first: string, last: string): { left: number; width: number } {
  const start = Math.max(0, daysFrom(window.first, first));
  const end = Math.min(window.days, daysFrom(window.first, last) + 1);
  const pct = (n: number) => Math.round((n / window.days) * 10_000) / 100;
  return { left: pct(start), width: Math.max(pct(end - start), 0.5) };
}
