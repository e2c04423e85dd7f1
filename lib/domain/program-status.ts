// The life of a programme: draft → open → vetting → dispatching → in service → closed. Forward only,
// one step at a time, except that a programme may be closed from any state (a round called off);
// closing is final and asks for confirmation. Pure: the caller loads the facts the guards read.
import type { ProgramStatus, StageKind } from "../generated/prisma/enums";
import { isRegistrationPast } from "./program-timeline";

export const PROGRAM_STATUSES = ["DRAFT", "OPEN", "VETTING", "DISPATCHING", "IN_SERVICE", "CLOSED"] as const satisfies readonly ProgramStatus[];

/** What the guards need to know about the programme. */
export interface ProgramFacts {
  status: ProgramStatus;
  stageKinds: readonly StageKind[];
  /** When registration closes (null: no registration stage). */
  registrationClosesAt: Date | null;
  posts: readonly { headcount: number; rotationBatch: number }[];
  rotationBatches: number;
  approvedApplications: number;
}

/** Catalogue keys (programsAdmin.status.refusal.*) saying why a move is refused. */
export type TransitionRefusal =
  | "sameStatus"
  | "cannotGoBack"
  | "mustGoInOrder"
  | "alreadyClosed"
  | "noPosts"
  | "noRegistrationStage"
  | "postWithoutHeadcount"
  | "postBatchOutOfRange"
  | "registrationStillOpen"
  | "registrationWindowPast"
  | "noApprovedApplications"
  | "closeNeedsConfirmation";

export function statusIndex(status: ProgramStatus): number {
  return PROGRAM_STATUSES.indexOf(status);
}

/** The next status in order, or null when closed. */
export function nextStatus(status: ProgramStatus): ProgramStatus | null {
  return PROGRAM_STATUSES[statusIndex(status) + 1] ?? null;
}

/** The statuses a user may ask for from here (the guards may still refuse them). */
export function candidateTargets(status: ProgramStatus): ProgramStatus[] {
  if (status === "CLOSED") return [];
  const next = nextStatus(status);
  return next === "CLOSED" || next === null ? ["CLOSED"] : [next, "CLOSED"];
}

/**
 * Why the programme may not move to `target` now, or null when it may. `confirmed` is the user's
 * explicit yes to closing, or to opening a programme whose registration window is already past. The order of checks gives the most useful reason first.
 */
export function transitionRefusal(facts: ProgramFacts, target: ProgramStatus, now: Date, confirmed = false): TransitionRefusal | null {
  const from = statusIndex(facts.status);
  const to = statusIndex(target);
  if (facts.status === "CLOSED") return "alreadyClosed";
  if (to === from) return "sameStatus";
  if (to < from) return "cannotGoBack";
  if (target === "CLOSED") return confirmed ? null : "closeNeedsConfirmation";
  if (to !== from + 1) return "mustGoInOrder";
  if (target === "OPEN") {
    if (facts.posts.length === 0) return "noPosts";
    if (!facts.stageKinds.includes("REGISTRATION")) return "noRegistrationStage";
    if (facts.posts.some((p) => p.headcount < 1)) return "postWithoutHeadcount";
    if (facts.posts.some((p) => p.rotationBatch < 1 || p.rotationBatch > facts.rotationBatches)) return "postBatchOutOfRange";
    // Opened after its registration window, a programme could take no nomination: the user shifts
    // the timeline first, or says yes to opening it as it is (nominations then come through a
    // stage reopened for a unit).
    if (isRegistrationPast(facts.registrationClosesAt, now) && !confirmed) return "registrationWindowPast";
  }
  if (target === "VETTING") {
    // Vetting starts once nominations are in: not while a late nomination could still arrive.
    if (facts.registrationClosesAt && now.getTime() < facts.registrationClosesAt.getTime()) return "registrationStillOpen";
  }
  if (target === "DISPATCHING" && facts.approvedApplications === 0) return "noApprovedApplications";
  return null;
}

/** Posts and quotas are set up before vetting; afterwards they are fixed. */
export function arePostsEditable(status: ProgramStatus): boolean {
  return status === "DRAFT" || status === "OPEN";
}

/** A closed programme is a record: nothing about it changes. */
export function isProgramEditable(status: ProgramStatus): boolean {
  return status !== "CLOSED";
}
