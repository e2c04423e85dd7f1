// The life of a dispatch (派驻), as pure rules: which change is possible from which status on which
// day. planned → active → completed; an active one may end early (terminated) or be extended; a
// planned one may be cancelled (or its dates extended before arrival). Days are "YYYY-MM-DD".
import type { DispatchStatus } from "../generated/prisma/enums";
import { daysFrom } from "./service-period";

export type DispatchAction = "activate" | "complete" | "terminate" | "extend" | "cancel";
export const DISPATCH_ACTIONS: readonly DispatchAction[] = ["activate", "complete", "terminate", "extend", "cancel"];

export interface DispatchDays {
  status: DispatchStatus;
  startDate: string;
  lastDay: string;
}

/** The catalogue key of the reason `action` is refused now, or null when it is allowed. */
export function transitionRefusal(dispatch: DispatchDays, action: DispatchAction, today: string): string | null {
  const { status } = dispatch;
  switch (action) {
    case "activate":
      if (status !== "PLANNED") return "notPlanned";
      // The doctor has arrived: not before the first day of service.
      return daysFrom(dispatch.startDate, today) < 0 ? "notArrivedYet" : null;
    case "complete":
      if (status !== "ACTIVE") return "notActive";
      // Service is complete once its last day has come.
      return daysFrom(dispatch.lastDay, today) < 0 ? "serviceNotOver" : null;
    case "terminate":
      return status === "ACTIVE" ? null : "terminateOnlyActive";
    case "extend":
      return status === "ACTIVE" || status === "PLANNED" ? null : "dispatchClosed";
    case "cancel":
      return status === "PLANNED" ? null : "cancelOnlyPlanned";
  }
}

/** The calendar day an instant falls on in Asia/Shanghai (UTC+8 all year since 1991). */
export function shanghaiDay(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** Whether the dispatch is the doctor's service on `today` (started, not yet past its last day, not cancelled). */
export function isServingOn(dispatch: DispatchDays, today: string): boolean {
  if (dispatch.status === "CANCELLED") return false;
  return daysFrom(dispatch.startDate, today) >= 0 && daysFrom(today, dispatch.lastDay) >= 0;
}
