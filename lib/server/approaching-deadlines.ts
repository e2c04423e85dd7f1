import "server-only";
import { isBureauRole, programWhere, type Scope } from "../auth/policy";
import { approachingDeadlines, effectiveClosesAt } from "../domain/vetting";
import type { PrismaClient } from "../generated/prisma/client";
import type { StageKind } from "../generated/prisma/enums";

// Deadlines coming up, computed on each view from the programmes' timelines (never stored, so none
// is missed): for the bureau, every stage of its open or vetting programmes; for units and doctors,
// the registration of the programmes open to them, extended where staff reopened it for their unit.

export const DEADLINE_HORIZON_HOURS = 72;

export interface ApproachingDeadline {
  programId: string;
  programName: string;
  stage: StageKind;
  closesAt: Date;
  /** The unit's deadline is a reopening's, later than the stage's own. */
  reopened: boolean;
  href: string;
}

/** A stage of a bureau's programme closing soon, leading to the programme's vetting board. */
export function bureauDeadline(s: { kind: StageKind; closesAt: Date; program: { id: string; name: string } }): ApproachingDeadline {
  return { programId: s.program.id, programName: s.program.name, stage: s.kind, closesAt: s.closesAt, reopened: false, href: `/programs/${s.program.id}/vetting` };
}

/** null: the role has no deadlines to watch (receiving hospitals). */
export async function loadApproachingDeadlines(db: PrismaClient, scope: Scope, now: Date = new Date()): Promise<ApproachingDeadline[] | null> {
  const horizon = new Date(now.getTime() + DEADLINE_HORIZON_HOURS * 3_600_000);
  if (isBureauRole(scope.user.role)) {
    const stages = await db.programStage.findMany({
      where: { closesAt: { gt: now, lte: horizon }, program: { AND: [programWhere(scope), { status: { in: ["OPEN", "VETTING"] } }] } },
      select: { kind: true, opensAt: true, closesAt: true, program: { select: { id: true, name: true } } },
    });
    return approachingDeadlines(stages, now, DEADLINE_HORIZON_HOURS).map(bureauDeadline);
  }
  if (scope.user.role !== "HOSPITAL_NOMINATOR" && scope.user.role !== "DOCTOR") return null;
  const organizationId = scope.user.organizationId;
  const stages = await db.programStage.findMany({
    where: { kind: "REGISTRATION", program: { AND: [programWhere(scope), { status: "OPEN" }] } },
    take: 50,
    select: {
      kind: true,
      opensAt: true,
      closesAt: true,
      program: { select: { id: true, name: true, stageReopenings: { where: { stage: "REGISTRATION", organizationId }, select: { closesAt: true } } } },
    },
  });
  const windows = stages.map((s) => {
    const closesAt = effectiveClosesAt(s, s.program.stageReopenings.map((r) => r.closesAt));
    return { opensAt: s.opensAt, closesAt, reopened: closesAt.getTime() !== s.closesAt.getTime(), kind: s.kind, program: s.program };
  });
  return approachingDeadlines(windows, now, DEADLINE_HORIZON_HOURS).map((s) => ({
    programId: s.program.id,
    programName: s.program.name,
    stage: s.kind,
    closesAt: s.closesAt,
    reopened: s.reopened,
    href: `/programs/${s.program.id}`,
  }));
}
