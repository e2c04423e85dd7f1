"use server";

import { revalidatePath } from "next/cache";
import { prisma } from "@/lib/db";
import { answerObjectionSchema, fileObjectionSchema, issueResultSchema, openServiceEvaluationSchema, saveSectionSchema, startNoticeSchema } from "@/lib/schemas/service-evaluations";
import { authedAction } from "@/lib/server/action-client";
import { withFieldErrors } from "@/lib/server/action-field-errors";
import {
  answerServiceObjection,
  fileServiceObjection,
  issueServiceResult,
  openServiceEvaluation,
  saveServiceEvaluationSection,
  startServiceNotice,
} from "@/lib/server/service-evaluations";

// Thin wrappers over lib/server/service-evaluations.ts (the 服务期满评价表): each step is parsed,
// authorized against the dispatch (derived from its id), locked, written and audited there.

function refresh(dispatchId: string) {
  revalidatePath("/evaluations/service");
  revalidatePath(`/evaluations/service/${dispatchId}`);
}

const done = (dispatchId: string) => {
  refresh(dispatchId);
  return { dispatchId };
};

export const openServiceEvaluationAction = authedAction
  .metadata({ actionName: "openServiceEvaluation", permission: "evaluation.manage" })
  .inputSchema(openServiceEvaluationSchema)
  .action(async ({ clientInput, ctx }) => done((await withFieldErrors(openServiceEvaluationSchema, () => openServiceEvaluation(prisma, ctx.scope, clientInput))).dispatchId));

export const saveServiceSectionAction = authedAction
  .metadata({ actionName: "saveServiceEvaluationSection", permission: "evaluation.endOfService" })
  .inputSchema(saveSectionSchema)
  .action(async ({ clientInput, ctx }) => done((await withFieldErrors(saveSectionSchema, () => saveServiceEvaluationSection(prisma, ctx.scope, clientInput))).dispatchId));

export const startServiceNoticeAction = authedAction
  .metadata({ actionName: "startServiceNotice", permission: "evaluation.endOfService" })
  .inputSchema(startNoticeSchema)
  .action(async ({ clientInput, ctx }) => done((await withFieldErrors(startNoticeSchema, () => startServiceNotice(prisma, ctx.scope, clientInput))).dispatchId));

export const fileServiceObjectionAction = authedAction
  .metadata({ actionName: "fileServiceObjection", permission: "evaluation.endOfService" })
  .inputSchema(fileObjectionSchema)
  .action(async ({ clientInput, ctx }) => done((await withFieldErrors(fileObjectionSchema, () => fileServiceObjection(prisma, ctx.scope, clientInput))).dispatchId));

export const answerServiceObjectionAction = authedAction
  .metadata({ actionName: "answerServiceObjection", permission: "evaluation.endOfService" })
  .inputSchema(answerObjectionSchema)
  .action(async ({ clientInput, ctx }) => done((await withFieldErrors(answerObjectionSchema, () => answerServiceObjection(prisma, ctx.scope, clientInput))).dispatchId));

export const issueServiceResultAction = authedAction
  .metadata({ actionName: "issueServiceResult", permission: "evaluation.manage" })
  .inputSchema(issueResultSchema)
  .action(async ({ clientInput, ctx }) => done((await withFieldErrors(issueResultSchema, () => issueServiceResult(prisma, ctx.scope, clientInput))).dispatchId));
