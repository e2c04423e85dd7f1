// Where a programme stands, in one word and one detail, decided from its status and its timeline
// together. Every page that shows a programme (workbench, programme list, programme page) calls
// this, so they never disagree. Pure: no I/O.
import type { ProgramStatus } from "../generated/prisma/enums";
import { timelinePosition, type StageWindow } from "./stage-window";

/**
 * Catalogue keys (programPhase.*):
 * - draft: not yet published;
 * - registrationUpcoming / registrationOpen / registrationClosed: status OPEN, before, during or after
 *   the registration window (after it the round is vetting, though nobody has moved the status yet);
 * - vetting: status VETTING (or OPEN past registration) with a stage open or still to open;
 * - vettingOverdue: every stage's window has closed but the programme has not moved on;
 * - dispatching / inService / closed: past selection, the timeline no longer matters.
 */
export const PHASE_KEYS = [
  "draft",
  "registrationUpcoming",
  "registrationOpen",
  "registrationClosed",
  "vetting",
  "vettingOverdue",
  "dispatching",
  "inService",
  "closed",
] as const;
export type PhaseKey = (typeof PHASE_KEYS)[number];

export const PHASE_TONES = ["neutral", "info", "warning", "success"] as const;
export type PhaseTone = (typeof PHASE_TONES)[number];

/** The detail line: the stage open now (with its deadline), the next to open, or that all have closed. */
export type PhaseDetail =
  | { kind: "stageOpen"; stage: StageWindow }
  | { kind: "stageOpens"; stage: StageWindow }
  | { kind: "allClosed" }
  | { kind: "noStages" }
  | { kind: "none" };

export interface ProgramPhase {
  key: PhaseKey;
  tone: PhaseTone;
  detail: PhaseDetail;
}

const TONES: Record<PhaseKey, PhaseTone> = {
  draft: "neutral",
  registrationUpcoming: "info",
  registrationOpen: "info",
  registrationClosed: "warning",
  vetting: "warning",
  vettingOverdue: "warning",
  dispatching: "warning",
  inService: "success",
  closed: "neutral",
};

function phase(key: PhaseKey, detail: PhaseDetail): ProgramPhase {
  return { key, tone: TONES[key], detail };
}

/** The programme's phase at `now`, from its status and its stages' windows. */
export function programPhase(status: ProgramStatus, stages: readonly StageWindow[], now: Date): ProgramPhase {
  if (status === "DISPATCHING") return phase("dispatching", { kind: "none" });
  if (status === "IN_SERVICE") return phase("inService", { kind: "none" });
  if (status === "CLOSED") return phase("closed", { kind: "none" });
  if (stages.length === 0) return phase(status === "DRAFT" ? "draft" : status === "OPEN" ? "registrationOpen" : "vetting", { kind: "noStages" });

  const position = timelinePosition(stages, now);
  const detail: PhaseDetail =
    position.state === "open" ? { kind: "stageOpen", stage: position.stage } : position.state === "upcoming" ? { kind: "stageOpens", stage: position.stage } : { kind: "allClosed" };
  if (status === "DRAFT") return phase("draft", detail);

  if (position.state === "finished") return phase("vettingOverdue", detail);
  if (status === "VETTING") return phase("vetting", detail);

  // OPEN: read against the registration window itself.
  const registration = stages.find((s) => s.kind === "REGISTRATION");
  const t = now.getTime();
  if (!registration) return phase("registrationOpen", detail);
  if (t < registration.opensAt.getTime()) return phase("registrationUpcoming", { kind: "stageOpens", stage: registration });
  if (t < registration.closesAt.getTime()) return phase("registrationOpen", { kind: "stageOpen", stage: registration });
  return phase("registrationClosed", detail);
}
