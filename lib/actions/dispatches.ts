"use server";

import { revalidatePath } from "next/cache";
import { prisma } from "@/lib/db";
import { cancelDispatchSchema, createDispatchSchema, dispatchTransitionSchema, extendDispatchSchema, terminateDispatchSchema } from "@/lib/schemas/dispatches";
import { authedAction } from "@/lib/server/action-client";
import { withFieldErrors } from "@/lib/server/action-field-errors";
import { activateDispatch, cancelDispatch, completeDispatch, createDispatch, extendDispatch, terminateDispatch } from "@/lib/server/dispatches";

// Thin wrappers over lib/server/dispatches.ts: the use cases parse, authorize (the programme's bureau),
// lock the dispatch, check the version, write the event and the audit row.

function refresh() {
  revalidatePath("/dispatches", "layout");
  revalidatePath("/programs/[programId]/dispatch", "page");
  revalidatePath("/counterparts");
}

export const createDispatchAction = authedAction
  .metadata({ actionName: "createDispatch", permission: "dispatch.manage" })
  .inputSchema(createDispatchSchema)
  .action(async ({ clientInput, ctx }) => {
    const created = await withFieldErrors(createDispatchSchema, () => createDispatch(prisma, ctx.scope, clientInput));
    refresh();
    return created;
  });

export const activateDispatchAction = authedAction
  .metadata({ actionName: "activateDispatch", permission: "dispatch.manage" })
  .inputSchema(dispatchTransitionSchema)
  .action(async ({ clientInput, ctx }) => {
    const result = await withFieldErrors(dispatchTransitionSchema, () => activateDispatch(prisma, ctx.scope, clientInput));
    refresh();
    return result;
  });

export const completeDispatchAction = authedAction
  .metadata({ actionName: "completeDispatch", permission: "dispatch.manage" })
  .inputSchema(dispatchTransitionSchema)
  .action(async ({ clientInput, ctx }) => {
    const result = await withFieldErrors(dispatchTransitionSchema, () => completeDispatch(prisma, ctx.scope, clientInput));
    refresh();
    return result;
  });

export const cancelDispatchAction = authedAction
  .metadata({ actionName: "cancelDispatch", permission: "dispatch.manage" })
  .inputSchema(cancelDispatchSchema)
  .action(async ({ clientInput, ctx }) => {
    const result = await withFieldErrors(cancelDispatchSchema, () => cancelDispatch(prisma, ctx.scope, clientInput));
    refresh();
    return result;
  });

export const terminateDispatchAction = authedAction
  .metadata({ actionName: "terminateDispatch", permission: "dispatch.manage" })
  .inputSchema(terminateDispatchSchema)
  .action(async ({ clientInput, ctx }) => {
    const result = await withFieldErrors(terminateDispatchSchema, () => terminateDispatch(prisma, ctx.scope, clientInput));
    refresh();
    return result;
  });

export const extendDispatchAction = authedAction
  .metadata({ actionName: "extendDispatch", permission: "dispatch.manage" })
  .inputSchema(extendDispatchSchema)
  .action(async ({ clientInput, ctx }) => {
    const result = await withFieldErrors(extendDispatchSchema, () => extendDispatch(prisma, ctx.scope, clientInput));
    refresh();
    return result;
  });
