import "server-only";
import { authorize, programWhere, type Scope } from "../auth/policy";
import type { Prisma } from "../generated/prisma/client";
import { visibleOr, type Tx } from "./kit";

// What the programme and post use cases share beyond the kit (lib/server/kit.ts): loading a
// programme for a change, locked, with its owner derived from the record.

export const programSnapshotSelect = {
  id: true,
  bureauId: true,
  kind: true,
  name: true,
  year: true,
  batchNumber: true,
  status: true,
  serviceMonths: true,
  rotationBatches: true,
  description: true,
  version: true,
} as const satisfies Prisma.ProgramSelect;

export type ProgramSnapshot = Prisma.ProgramGetPayload<{ select: typeof programSnapshotSelect }>;

/**
 * The programme by id, locked for the rest of the transaction (two officers changing its status at
 * once see each other's change), and only if the user may manage it: the owner is the programme's
 * bureau, read from the row. Unknown ids are "not found"; another bureau's programme is forbidden.
 */
export async function loadProgramForChange(tx: Tx, scope: Scope, id: string): Promise<ProgramSnapshot> {
  await tx.$queryRaw`SELECT id FROM "Program" WHERE id = ${id} FOR UPDATE`;
  // Another bureau's programme is "not found", like a missing one (issue 12).
  const program = visibleOr(await tx.program.findFirst({ where: { AND: [{ id }, programWhere(scope)] }, select: programSnapshotSelect }));
  authorize(scope, "program.manage", { organizationId: program.bureauId });
  return program;
}
