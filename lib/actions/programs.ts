"use server";

import { revalidatePath } from "next/cache";
import { prisma } from "@/lib/db";
import { authedAction } from "@/lib/server/action-client";
import { withFieldErrors } from "@/lib/server/action-field-errors";
import { createPost, deletePost, setQuotas, updatePost } from "@/lib/server/posts";
import { duplicateProgram } from "@/lib/server/program-duplicate";
import { changeProgramStatus, createProgram, shiftProgramTimeline, updateProgram, updateTimeline } from "@/lib/server/programs";
import { setRequiredDocuments } from "@/lib/server/required-documents";
import { requiredDocumentsSchema } from "@/lib/schemas/required-documents";
import {
  changeStatusSchema,
  createPostSchema,
  createProgramSchema,
  postIdSchema,
  programIdSchema,
  quotasSchema,
  shiftTimelineSchema,
  timelineSchema,
  updatePostSchema,
  updateProgramSchema,
} from "@/lib/schemas/programs";

// Thin wrappers: the use cases in lib/server/{programs,program-duplicate,posts}.ts parse, authorize,
// write and audit. They are given the client's input as sent (they validate it themselves).

const LIST = "/programs";
const refresh = (programId: string) => {
  revalidatePath(LIST);
  revalidatePath(`${LIST}/${programId}`);
  revalidatePath(`${LIST}/${programId}/posts`);
  revalidatePath("/");
};

export const createProgramAction = authedAction
  .metadata({ actionName: "createProgram", permission: "program.manage" })
  .inputSchema(createProgramSchema)
  .action(async ({ clientInput, ctx }) => {
    const created = await withFieldErrors(createProgramSchema, () => createProgram(prisma, ctx.scope, clientInput));
    refresh(created.id);
    return { id: created.id };
  });

export const updateProgramAction = authedAction
  .metadata({ actionName: "updateProgram", permission: "program.manage" })
  .inputSchema(updateProgramSchema)
  .action(async ({ clientInput, ctx }) => {
    const updated = await withFieldErrors(updateProgramSchema, () => updateProgram(prisma, ctx.scope, clientInput));
    refresh(updated.id);
    return { id: updated.id };
  });

export const updateTimelineAction = authedAction
  .metadata({ actionName: "updateProgramTimeline", permission: "program.manage" })
  .inputSchema(timelineSchema)
  .action(async ({ clientInput, ctx, parsedInput }) => {
    await withFieldErrors(timelineSchema, () => updateTimeline(prisma, ctx.scope, clientInput));
    refresh(parsedInput.id);
    return { id: parsedInput.id };
  });

/** The documents each stage requires (issue 15): the whole checklist replaced at once. */
export const setRequiredDocumentsAction = authedAction
  .metadata({ actionName: "setRequiredDocuments", permission: "program.manage" })
  .inputSchema(requiredDocumentsSchema)
  .action(async ({ clientInput, ctx, parsedInput }) => {
    const result = await withFieldErrors(requiredDocumentsSchema, () => setRequiredDocuments(prisma, ctx.scope, clientInput));
    refresh(parsedInput.programId);
    return result;
  });

export const changeProgramStatusAction = authedAction
  .metadata({ actionName: "changeProgramStatus", permission: "program.manage" })
  .inputSchema(changeStatusSchema)
  .action(async ({ clientInput, ctx }) => {
    const after = await changeProgramStatus(prisma, ctx.scope, clientInput);
    refresh(after.id);
    return { id: after.id, status: after.status };
  });

export const shiftProgramTimelineAction = authedAction
  .metadata({ actionName: "shiftProgramTimeline", permission: "program.manage" })
  .inputSchema(shiftTimelineSchema)
  .action(async ({ clientInput, ctx, parsedInput }) => {
    await withFieldErrors(shiftTimelineSchema, () => shiftProgramTimeline(prisma, ctx.scope, clientInput));
    refresh(parsedInput.id);
    return { id: parsedInput.id };
  });

export const duplicateProgramAction = authedAction
  .metadata({ actionName: "duplicateProgram", permission: "program.manage" })
  .inputSchema(programIdSchema)
  .action(async ({ clientInput, ctx }) => {
    const copy = await duplicateProgram(prisma, ctx.scope, clientInput);
    refresh(copy.id);
    return { id: copy.id };
  });

export const createPostAction = authedAction
  .metadata({ actionName: "createPost", permission: "program.manage" })
  .inputSchema(createPostSchema)
  .action(async ({ clientInput, ctx }) => {
    const post = await withFieldErrors(createPostSchema, () => createPost(prisma, ctx.scope, clientInput));
    refresh(post.programId);
    return { id: post.id };
  });

export const updatePostAction = authedAction
  .metadata({ actionName: "updatePost", permission: "program.manage" })
  .inputSchema(updatePostSchema)
  .action(async ({ clientInput, ctx }) => {
    const post = await withFieldErrors(updatePostSchema, () => updatePost(prisma, ctx.scope, clientInput));
    refresh(post.programId);
    return { id: post.id };
  });

export const deletePostAction = authedAction
  .metadata({ actionName: "deletePost", permission: "program.manage" })
  .inputSchema(postIdSchema)
  .action(async ({ clientInput, ctx }) => {
    const post = await deletePost(prisma, ctx.scope, clientInput);
    refresh(post.programId);
    return { id: post.id };
  });

export const setQuotasAction = authedAction
  .metadata({ actionName: "setNominationQuotas", permission: "program.manage" })
  .inputSchema(quotasSchema)
  .action(async ({ clientInput, ctx, parsedInput }) => {
    await withFieldErrors(quotasSchema, () => setQuotas(prisma, ctx.scope, clientInput));
    revalidatePath(LIST);
    return { postId: parsedInput.postId };
  });
