import type { ApplicationStatus, DecisionOutcome, EligibilityVerdict, StageKind } from "../generated/prisma/enums";

// The nomination rules the forms, the pages and the use cases all ask (pure; lib/server/applications.ts
// and lib/server/vetting.ts enforce them, the forms only show them first):
//
// - A doctor the rule engine did not find surely eligible (ineligible, or uncertain for lack of data)
//   may be nominated, registered, endorsed or passed at the preliminary review only with a written
//   reason: the application is then an exception the bureau looks at.
// - One live application per doctor and programme: a doctor applies to one post at a time; an ended
//   application (withdrawn, rejected) blocks only its own post (one row per doctor and post).

/** Whether the verdict needs the written exception reason (anything but "surely eligible"; no verdict yet counts as not sure). */
export function needsExceptionReason(verdict: EligibilityVerdict | null | undefined): boolean {
  return verdict !== "ELIGIBLE";
}

/** The catalogue key of the refusal when the verdict needs a reason and none was written, else null. */
export function exceptionReasonProblem(verdict: EligibilityVerdict | null | undefined, reason: string | null | undefined): "exceptionReasonRequired" | null {
  return needsExceptionReason(verdict) && !reason?.trim() ? "exceptionReasonRequired" : null;
}

/** The reason the application keeps: none for a surely eligible doctor, the written one otherwise. */
export function keptExceptionReason(verdict: EligibilityVerdict, reason: string | null | undefined): string | null {
  return needsExceptionReason(verdict) ? (reason ?? null) : null;
}

/**
 * The applications whose pass of the preliminary review overrides the engine's verdict (so the
 * decision needs the reason): only a pass, only at the preliminary review, only of doctors not surely eligible.
 */
export function verdictOverrides<T extends { eligibilityVerdict: EligibilityVerdict | null }>(outcome: DecisionOutcome, stage: StageKind, targets: readonly T[]): T[] {
  return outcome === "PASS" && stage === "PRELIMINARY_REVIEW" ? targets.filter((a) => needsExceptionReason(a.eligibilityVerdict)) : [];
}

/** Application statuses that are still in the running (they block the doctor's other posts of the programme). */
export const LIVE_APPLICATION_STATUSES = ["PENDING_ENDORSEMENT", "IN_PROGRESS", "APPROVED"] as const satisfies readonly ApplicationStatus[];

export function isLiveApplication(status: ApplicationStatus): boolean {
  return (LIVE_APPLICATION_STATUSES as readonly ApplicationStatus[]).includes(status);
}

/**
 * Why the doctor may not apply to the post, given their applications in the same programme: the post
 * already has their row (even an ended one), or another of theirs is still live. Null when they may.
 */
export function applicationBlock(existing: readonly { postId: string; status: ApplicationStatus }[], postId: string | undefined): "alreadyApplied" | "alreadyInProgram" | null {
  if (postId !== undefined && existing.some((a) => a.postId === postId)) return "alreadyApplied";
  if (existing.some((a) => isLiveApplication(a.status))) return "alreadyInProgram";
  return null;
}
