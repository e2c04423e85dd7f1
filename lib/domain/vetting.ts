// The vetting pipeline's rules (DOMAIN.md, "Nominations and the vetting pipeline"). Pure: the caller
// loads the facts. An application sits at `currentStage` while IN_PROGRESS; a pass moves it to the
// programme's next stage, a pass at the last stage approves it; a fail rejects it and a withdrawal
// withdraws it, both at the stage where they happen. Decisions are appended, never edited: a
// correction is a new decision on a closed application at the stage where it ended.
import type { ApplicationStatus, DecisionOutcome, StageKind } from "../generated/prisma/enums";

export interface StageConfig {
  kind: StageKind;
  sequence: number;
  /** Candidates per headcount place (1:3 → 3); null when the stage has no ratio. */
  ratio: number | null;
}

export interface ApplicationState {
  status: ApplicationStatus;
  currentStage: StageKind;
}

/** The programme's stage kinds in sequence order. */
export function stageOrder(stages: readonly Pick<StageConfig, "kind" | "sequence">[]): StageKind[] {
  return [...stages].sort((a, b) => a.sequence - b.sequence).map((s) => s.kind);
}

/** The stage after `stage` in the programme, or null when `stage` is the last one. */
export function nextStage(order: readonly StageKind[], stage: StageKind): StageKind | null {
  const i = order.indexOf(stage);
  if (i < 0) throw new Error(`stage ${stage} is not in the programme`);
  return order[i + 1] ?? null;
}

/** The stage an application starts its vetting at once submitted: the one after registration. */
export function firstVettingStage(order: readonly StageKind[]): StageKind {
  const first = order[0];
  if (!first) throw new Error("a programme without stages has no vetting");
  return first === "REGISTRATION" ? (order[1] ?? first) : first;
}

/** Whether the application has passed `stage` and is still in the running (approved, or beyond it). */
export function hasPassed(order: readonly StageKind[], app: ApplicationState, stage: StageKind): boolean {
  if (app.status === "APPROVED") return true;
  if (app.status !== "IN_PROGRESS") return false;
  return order.indexOf(app.currentStage) > order.indexOf(stage);
}

/** The stages after `stage` in the programme: an application IN_PROGRESS at one of them has passed `stage` (hasPassed, as a filter). */
export function stagesAfter(order: readonly StageKind[], stage: StageKind): StageKind[] {
  const i = order.indexOf(stage);
  return i < 0 ? [] : order.slice(i + 1);
}

/**
 * How many may pass the stage per post: "ratio × headcount" where the stage has a ratio (shortlist
 * 1:3, report list 1:2), headcount at approval, otherwise no limit (null).
 */
export function stageCap(stage: Pick<StageConfig, "kind" | "ratio">, headcount: number): number | null {
  if (stage.kind === "APPROVAL") return headcount;
  return stage.ratio ? stage.ratio * headcount : null;
}

export interface StageTally {
  /** Applications waiting for a decision at this stage. */
  waiting: number;
  /** Applications that passed this stage and are still in the running. */
  passed: number;
  cap: number | null;
  /** Places the stage may still fill (null: no limit). */
  remaining: number | null;
  /**
   * "If fewer than 1:3, as many as there are": the places the candidates cannot fill even if all
   * still in the running (waiting at the stage or `upstream`, at an earlier one) pass. Shown, never blocking.
   */
  shortfall: number;
}

export function tallyStage(cap: number | null, waiting: number, passed: number, upstream = 0): StageTally {
  const remaining = cap === null ? null : Math.max(0, cap - passed);
  const shortfall = cap === null ? 0 : Math.max(0, cap - passed - waiting - upstream);
  return { waiting, passed, cap, remaining, shortfall };
}

/** Why passing `adding` more at a capped stage is refused, or null: the cap counts those already through. */
export function capExceeded(cap: number | null, passed: number, adding: number): { cap: number; passed: number } | null {
  if (cap === null || passed + adding <= cap) return null;
  return { cap, passed };
}

/** Catalogue keys (vetting.refusal.*) for a decision the pipeline does not allow. */
export type DecisionRefusal = "awaitingEndorsement" | "wrongStage" | "reasonRequired" | "nothingToCorrect";

export type DecisionResult =
  | { ok: true; status: ApplicationStatus; currentStage: StageKind; isCorrection: boolean }
  | { ok: false; refusal: DecisionRefusal };

/**
 * What a decision at `stage` does to the application. A decision is taken at the application's
 * current stage. On a closed application (rejected, withdrawn, approved) it is a correction: a pass
 * reinstates and moves it on, a fail or withdrawal changes how it ended. Fails, withdrawals and
 * corrections need a written reason.
 */
export function applyDecision(order: readonly StageKind[], app: ApplicationState, stage: StageKind, outcome: DecisionOutcome, reason: string | null): DecisionResult {
  if (app.status === "PENDING_ENDORSEMENT") return { ok: false, refusal: "awaitingEndorsement" };
  if (stage !== app.currentStage) return { ok: false, refusal: "wrongStage" };
  // The same outcome again (a second officer's click a moment later) changes nothing: say so first.
  const sameEnd = (outcome === "FAIL" && app.status === "REJECTED") || (outcome === "WITHDRAW" && app.status === "WITHDRAWN") || (outcome === "PASS" && app.status === "APPROVED");
  if (sameEnd) return { ok: false, refusal: "nothingToCorrect" };
  const isCorrection = app.status !== "IN_PROGRESS";
  const hasReason = Boolean(reason && reason.trim());
  if ((outcome !== "PASS" || isCorrection) && !hasReason) return { ok: false, refusal: "reasonRequired" };
  if (outcome === "FAIL") return { ok: true, status: "REJECTED", currentStage: stage, isCorrection };
  if (outcome === "WITHDRAW") return { ok: true, status: "WITHDRAWN", currentStage: stage, isCorrection };
  const next = nextStage(order, stage);
  return next === null
    ? { ok: true, status: "APPROVED", currentStage: stage, isCorrection }
    : { ok: true, status: "IN_PROGRESS", currentStage: next, isCorrection };
}

// ───────────── Deadlines ─────────────

export interface StageWindowTimes {
  opensAt: Date;
  closesAt: Date;
}

/**
 * The unit's deadline for a stage: the stage's own, or a later one staff granted the unit when they
 * reopened the stage for it. Instants are UTC; users read them in Asia/Shanghai.
 */
export function effectiveClosesAt(window: StageWindowTimes, reopenedUntil: readonly Date[]): Date {
  return reopenedUntil.reduce((latest, d) => (d.getTime() > latest.getTime() ? d : latest), window.closesAt);
}

export type SubmissionRefusal = "notYetOpen" | "closed";

/** Why a submission at `now` is refused (the window is [opensAt, closesAt)), or null when it is on time. */
export function submissionRefusal(window: StageWindowTimes, reopenedUntil: readonly Date[], now: Date): SubmissionRefusal | null {
  if (now.getTime() < window.opensAt.getTime()) return "notYetOpen";
  if (now.getTime() >= effectiveClosesAt(window, reopenedUntil).getTime()) return "closed";
  return null;
}

/** The stages closing within `withinHours` of `now` (open now or opening before they close), soonest first. */
export function approachingDeadlines<T extends StageWindowTimes>(stages: readonly T[], now: Date, withinHours: number): T[] {
  const t = now.getTime();
  const horizon = t + withinHours * 3_600_000;
  return stages.filter((s) => s.closesAt.getTime() > t && s.closesAt.getTime() <= horizon).sort((a, b) => a.closesAt.getTime() - b.closesAt.getTime());
}

// ───────────── Nomination quotas ─────────────

export type QuotaState = "met" | "short" | "missed";

/** A unit's standing against its minimum on a post: short while registration runs, missed after. */
export function quotaState(minimum: number, nominated: number, registrationClosed: boolean): QuotaState {
  if (nominated >= minimum) return "met";
  return registrationClosed ? "missed" : "short";
}

/**
 * Applications that count towards a quota: submitted and not withdrawn (a rejection still counts as a
 * nomination). A self-registration the unit declined (rejected at registration) was never the unit's
 * nomination: it does not count.
 */
export function countsTowardsQuota(status: ApplicationStatus, currentStage?: StageKind): boolean {
  if (status === "REJECTED" && currentStage === "REGISTRATION") return false;
  return status !== "WITHDRAWN" && status !== "PENDING_ENDORSEMENT";
}
