import "server-only";
import { authorize, programWhere, type Scope } from "../auth/policy";
import type { PrismaClient } from "../generated/prisma/client";
import type { StageKind } from "../generated/prisma/enums";

// The stages staff reopened for a unit (lib/server/vetting.ts reopenStage writes them): shown on
// the vetting board so that everyone reading it knows which unit has a later deadline, and why.

export interface StageReopeningRow {
  id: string;
  stage: StageKind;
  unitName: string;
  closesAt: Date;
  reason: string;
  createdAt: Date;
  createdByName: string;
}

/** The programme's reopenings, newest first; none when the programme is not in the caller's scope. */
export async function listStageReopenings(db: PrismaClient, scope: Scope, programId: string): Promise<StageReopeningRow[]> {
  authorize(scope, "vetting.read");
  const rows = await db.stageReopening.findMany({
    where: { programId, program: programWhere(scope) },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: {
      id: true,
      stage: true,
      closesAt: true,
      reason: true,
      createdAt: true,
      organization: { select: { name: true } },
      createdBy: { select: { displayName: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    stage: r.stage,
    unitName: r.organization.name,
    closesAt: r.closesAt,
    reason: r.reason,
    createdAt: r.createdAt,
    createdByName: r.createdBy.displayName,
  }));
}
