// Dispatches come from the confirmed list (lib/server/public-notice.ts). Tests that set up approved
// applications directly and then dispatch them confirm the batch's list first, through the use
// cases: a notice published long enough ago for its window to have closed, then version 1; later
// calls, after more approvals, append the next version with a reason.
import type { Scope } from "@/lib/auth/policy";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { confirmList, publishNotice } from "@/lib/server/public-notice";

const DAY = 86_400_000;

/** The batch's list confirmed as it stands now (published 40 days before `now` when never noticed). Returns the current version. */
export async function confirmBatchList(prisma: PrismaClient, scope: Scope, programId: string, rotationBatch = 1, now = new Date()): Promise<number> {
  const hasVersion = (await prisma.frozenListVersion.count({ where: { programId, rotationBatch } })) > 0;
  if (!hasVersion && !(await prisma.publicNotice.count({ where: { programId, rotationBatch } }))) {
    await publishNotice(prisma, scope, { programId, rotationBatch }, new Date(now.getTime() - 40 * DAY));
  }
  try {
    return (await confirmList(prisma, scope, { programId, rotationBatch, reason: hasVersion ? "测试：名单变更后重新确认" : undefined }, now)).version;
  } catch (error) {
    if ((error as { message?: string }).message !== "listUnchanged") throw error;
    return (await prisma.frozenListVersion.findFirstOrThrow({ where: { programId, rotationBatch }, orderBy: { version: "desc" } })).version;
  }
}

/** The list of the application's batch confirmed as it stands now. */
export async function confirmListOf(prisma: PrismaClient, scope: Scope, applicationId: string, now = new Date()): Promise<number> {
  const { post } = await prisma.application.findUniqueOrThrow({ where: { id: applicationId }, select: { post: { select: { programId: true, rotationBatch: true } } } });
  return confirmBatchList(prisma, scope, post.programId, post.rotationBatch, now);
}
