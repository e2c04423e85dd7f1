"use server";

import { revalidatePath } from "next/cache";
import { prisma } from "@/lib/db";
import { answerObjectionSchema, confirmListSchema, fileObjectionSchema, publishNoticeSchema, withdrawAppointeeSchema } from "@/lib/schemas/public-notice";
import { authedAction } from "@/lib/server/action-client";
import { withFieldErrors } from "@/lib/server/action-field-errors";
import { answerObjection, confirmList, fileObjection, publishNotice, withdrawAppointee } from "@/lib/server/public-notice";

// Thin wrappers over lib/server/public-notice.ts: the use cases parse, authorize (the programme's
// bureau, or anyone who sees the programme for an objection), check the window, and audit.

function refresh() {
  revalidatePath("/programs/[programId]/notice", "page");
  revalidatePath("/programs/[programId]/dispatch", "page");
}

export const publishNoticeAction = authedAction
  .metadata({ actionName: "publishNotice", permission: "notice.manage" })
  .inputSchema(publishNoticeSchema)
  .action(async ({ clientInput, ctx }) => {
    const result = await withFieldErrors(publishNoticeSchema, () => publishNotice(prisma, ctx.scope, clientInput));
    refresh();
    return result;
  });

export const fileObjectionAction = authedAction
  .metadata({ actionName: "fileObjection", permission: "notice.object" })
  .inputSchema(fileObjectionSchema)
  .action(async ({ clientInput, ctx }) => {
    const result = await withFieldErrors(fileObjectionSchema, () => fileObjection(prisma, ctx.scope, clientInput));
    refresh();
    return result;
  });

export const answerObjectionAction = authedAction
  .metadata({ actionName: "answerObjection", permission: "notice.manage" })
  .inputSchema(answerObjectionSchema)
  .action(async ({ clientInput, ctx }) => {
    const result = await withFieldErrors(answerObjectionSchema, () => answerObjection(prisma, ctx.scope, clientInput));
    refresh();
    return result;
  });

export const withdrawAppointeeAction = authedAction
  .metadata({ actionName: "withdrawAppointee", permission: "notice.manage" })
  .inputSchema(withdrawAppointeeSchema)
  .action(async ({ clientInput, ctx }) => {
    const result = await withFieldErrors(withdrawAppointeeSchema, () => withdrawAppointee(prisma, ctx.scope, clientInput));
    refresh();
    return result;
  });

export const confirmListAction = authedAction
  .metadata({ actionName: "confirmList", permission: "notice.manage" })
  .inputSchema(confirmListSchema)
  .action(async ({ clientInput, ctx }) => {
    const result = await withFieldErrors(confirmListSchema, () => confirmList(prisma, ctx.scope, clientInput));
    refresh();
    return result;
  });
