"use server";

import { revalidatePath } from "next/cache";
import { prisma } from "@/lib/db";
import { decideSchema, rankSchema, reopenStageSchema, unitSearchSchema } from "@/lib/schemas/applications";
import { PICKER_LIMIT } from "@/lib/schemas/list-query";
import { authedAction } from "@/lib/server/action-client";
import { withFieldErrors } from "@/lib/server/action-field-errors";
import { listNominatingUnits } from "@/lib/server/posts";
import { decide, rankShortlist, reopenStage } from "@/lib/server/vetting";

// Thin wrappers over lib/server/vetting.ts: the use cases parse, authorize (the record's bureau),
// lock the posts for the ratio caps, write and audit. They are given the client's input as sent.

/** The board, its drill-downs, the applications and the programme pages show what a decision changed. */
function refresh() {
  revalidatePath("/programs/[programId]/vetting", "layout");
  revalidatePath("/programs/[programId]", "page");
  revalidatePath("/applications", "layout");
  revalidatePath("/");
}

export const decideAction = authedAction
  .metadata({ actionName: "decideApplications", permission: "application.decide" })
  .inputSchema(decideSchema)
  .action(async ({ clientInput, ctx }) => {
    const result = await withFieldErrors(decideSchema, () => decide(prisma, ctx.scope, clientInput));
    refresh();
    return { decided: result.decided };
  });

export const rankAction = authedAction
  .metadata({ actionName: "rankShortlist", permission: "application.decide" })
  .inputSchema(rankSchema)
  .action(async ({ clientInput, ctx }) => {
    const result = await withFieldErrors(rankSchema, () => rankShortlist(prisma, ctx.scope, clientInput));
    refresh();
    return { ranked: result.ranked };
  });

export const reopenStageAction = authedAction
  .metadata({ actionName: "reopenStage", permission: "application.reopenStage" })
  .inputSchema(reopenStageSchema)
  .action(async ({ clientInput, ctx }) => {
    const created = await withFieldErrors(reopenStageSchema, () => reopenStage(prisma, ctx.scope, clientInput));
    refresh();
    return { id: created.id, stage: created.stage, closesAt: created.closesAt.toISOString() };
  });

/** The reopening form's unit picker: the programme's nominating units whose name contains q, a few at a time. */
export const searchNominatingUnitsAction = authedAction
  .metadata({ actionName: "searchNominatingUnits", permission: "program.manage" })
  .inputSchema(unitSearchSchema)
  .action(async ({ parsedInput, ctx }) => listNominatingUnits(prisma, ctx.scope, parsedInput.programId ?? "", { q: parsedInput.q, take: PICKER_LIMIT }));
