// Demo: closing a round through the public-notice use cases (lib/server/public-notice.ts) — each
// batch's approved list published at `publishedAt` for the programme's working days and confirmed at
// `confirmedAt`, after its window. Batches already confirmed, or with no one approved, are left alone.
import type { Scope } from "../../lib/auth/policy";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { confirmList, publishNotice } from "../../lib/server/public-notice";

export async function noticeAndConfirm(prisma: PrismaClient, scope: Scope, programId: string, publishedAt: Date, confirmedAt: Date, note?: string): Promise<number> {
  const program = await prisma.program.findUniqueOrThrow({ where: { id: programId }, select: { rotationBatches: true } });
  let confirmed = 0;
  for (let rotationBatch = 1; rotationBatch <= program.rotationBatches; rotationBatch++) {
    if (await prisma.frozenListVersion.count({ where: { programId, rotationBatch } })) continue;
    if (!(await prisma.application.count({ where: { status: "APPROVED", post: { programId, rotationBatch } } }))) continue;
    if (!(await prisma.publicNotice.count({ where: { programId, rotationBatch } }))) await publishNotice(prisma, scope, { programId, rotationBatch, note }, publishedAt);
    await confirmList(prisma, scope, { programId, rotationBatch }, confirmedAt);
    confirmed += 1;
  }
  return confirmed;
}
