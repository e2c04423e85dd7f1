"use server";

import { revalidatePath } from "next/cache";
import { prisma } from "@/lib/db";
import {
  confirmWorkLogsSchema,
  createMentoringPairSchema,
  deleteMentoringPairSchema,
  fileWorkLogSchema,
  resubmitWorkLogSchema,
  returnWorkLogSchema,
  updateMentoringPairSchema,
} from "@/lib/schemas/work-logs";
import { authedAction } from "@/lib/server/action-client";
import { withFieldErrors } from "@/lib/server/action-field-errors";
import { createMentoringPair, deleteMentoringPair, updateMentoringPair } from "@/lib/server/mentoring";
import { confirmWorkLogs, fileWorkLog, resubmitWorkLog, returnWorkLog } from "@/lib/server/work-logs";

// Thin wrappers over lib/server/work-logs.ts and lib/server/mentoring.ts: the use cases parse,
// authorize against the record's dispatch, lock, write and audit. They get the client's input as sent.

function refresh() {
  revalidatePath("/dispatches/[dispatchId]", "layout");
  revalidatePath("/worklogs");
  revalidatePath("/service");
  revalidatePath("/receiving");
  revalidatePath("/");
}

export const fileWorkLogAction = authedAction
  .metadata({ actionName: "fileWorkLog", permission: "service.file" })
  .inputSchema(fileWorkLogSchema)
  .action(async ({ clientInput, ctx }) => {
    const log = await withFieldErrors(fileWorkLogSchema, () => fileWorkLog(prisma, ctx.scope, clientInput));
    refresh();
    return { id: log.id, version: log.version };
  });

export const resubmitWorkLogAction = authedAction
  .metadata({ actionName: "resubmitWorkLog", permission: "service.file" })
  .inputSchema(resubmitWorkLogSchema)
  .action(async ({ clientInput, ctx }) => {
    const log = await withFieldErrors(resubmitWorkLogSchema, () => resubmitWorkLog(prisma, ctx.scope, clientInput));
    refresh();
    return { id: log.id, version: log.version };
  });

export const confirmWorkLogsAction = authedAction
  .metadata({ actionName: "confirmWorkLogs", permission: "service.supervise" })
  .inputSchema(confirmWorkLogsSchema)
  .action(async ({ clientInput, ctx }) => {
    const result = await confirmWorkLogs(prisma, ctx.scope, clientInput);
    refresh();
    return result;
  });

export const returnWorkLogAction = authedAction
  .metadata({ actionName: "returnWorkLog", permission: "service.supervise" })
  .inputSchema(returnWorkLogSchema)
  .action(async ({ clientInput, ctx }) => {
    const log = await withFieldErrors(returnWorkLogSchema, () => returnWorkLog(prisma, ctx.scope, clientInput));
    refresh();
    return { id: log.id, version: log.version };
  });

export const createMentoringPairAction = authedAction
  .metadata({ actionName: "createMentoringPair", permission: "service.file" })
  .inputSchema(createMentoringPairSchema)
  .action(async ({ clientInput, ctx }) => {
    const pair = await withFieldErrors(createMentoringPairSchema, () => createMentoringPair(prisma, ctx.scope, clientInput));
    refresh();
    return { id: pair.id, version: pair.version };
  });

export const updateMentoringPairAction = authedAction
  .metadata({ actionName: "updateMentoringPair", permission: "service.file" })
  .inputSchema(updateMentoringPairSchema)
  .action(async ({ clientInput, ctx }) => {
    const pair = await withFieldErrors(updateMentoringPairSchema, () => updateMentoringPair(prisma, ctx.scope, clientInput));
    refresh();
    return { id: pair.id, version: pair.version };
  });

export const deleteMentoringPairAction = authedAction
  .metadata({ actionName: "deleteMentoringPair", permission: "service.file" })
  .inputSchema(deleteMentoringPairSchema)
  .action(async ({ clientInput, ctx }) => {
    const result = await deleteMentoringPair(prisma, ctx.scope, clientInput);
    refresh();
    return result;
  });
