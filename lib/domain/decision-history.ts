// An application's decisions read back in order: which of them were corrections. Nothing is stored
// for that (decisions are appended, never edited); replaying them through the pipeline's rule
// (applyDecision) tells: a decision taken while the application had already ended is a correction.
import type { DecisionOutcome, StageKind } from "../generated/prisma/enums";
import { applyDecision, type ApplicationState } from "./vetting";

export interface DecisionStep {
  stage: StageKind;
  outcome: DecisionOutcome;
  reason: string | null;
}

/**
 * For each decision, oldest first, whether it corrected an ended application. The replay starts at
 * registration under way: a unit's nomination and a unit's endorsement are both a pass there.
 */
export function correctionFlags(order: readonly StageKind[], decisions: readonly DecisionStep[]): boolean[] {
  let state: ApplicationState = { status: "IN_PROGRESS", currentStage: order[0] ?? "REGISTRATION" };
  return decisions.map((d) => {
    const result = applyDecision(order, state, d.stage, d.outcome, d.reason);
    if (!result.ok) return false;
    state = { status: result.status, currentStage: result.currentStage };
    return result.isCorrection;
  });
}
