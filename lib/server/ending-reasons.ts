import "server-only";
import { applicationWhere, authorize, type Scope } from "../auth/policy";
import type { PrismaClient } from "../generated/prisma/client";
import type { StageKind } from "../generated/prisma/enums";

// Why applications ended at a stage: the reason of the latest fail or withdrawal recorded there
// (decisions are appended, so a correction's reason wins). One query for a whole list.

/** applicationId → the latest ending reason at `stage`, for the applications the caller may see. */
export async function endingReasons(db: PrismaClient, scope: Scope, applicationIds: string[], stage: StageKind): Promise<Map<string, string>> {
  authorize(scope, "vetting.read");
  if (applicationIds.length === 0) return new Map();
  const decisions = await db.stageDecision.findMany({
    where: { applicationId: { in: applicationIds }, stage, outcome: { in: ["FAIL", "WITHDRAW"] }, application: applicationWhere(scope) },
    orderBy: [{ decidedAt: "asc" }, { id: "asc" }],
    select: { applicationId: true, reason: true },
  });
  const reasons = new Map<string, string>();
  for (const d of decisions) if (d.reason) reasons.set(d.applicationId, d.reason);
  return reasons;
}
