"use server";

import { revalidatePath } from "next/cache";
import { prisma } from "@/lib/db";
import { readHandoverSchema, saveHandoverSchema } from "@/lib/schemas/handover";
import { authedAction } from "@/lib/server/action-client";
import { withFieldErrors } from "@/lib/server/action-field-errors";
import { acknowledgeHandover, saveHandover } from "@/lib/server/handover";

// Thin wrappers over lib/server/handover.ts: the use cases parse, authorize against the dispatch,
// lock, write and audit. They get the client's input as sent.

function refresh(dispatchId: string) {
  revalidatePath(`/dispatches/${dispatchId}`, "layout");
  revalidatePath("/service");
  revalidatePath("/receiving");
}

export const saveHandoverAction = authedAction
  .metadata({ actionName: "saveHandover", permission: "service.file" })
  .inputSchema(saveHandoverSchema)
  .action(async ({ clientInput, ctx }) => {
    const packet = await withFieldErrors(saveHandoverSchema, () => saveHandover(prisma, ctx.scope, clientInput));
    refresh(packet.dispatchId);
    return { id: packet.id, version: packet.version, submittedAt: packet.submittedAt?.toISOString() ?? null };
  });

export const acknowledgeHandoverAction = authedAction
  .metadata({ actionName: "acknowledgeHandover", permission: "handover.acknowledge" })
  .inputSchema(readHandoverSchema)
  .action(async ({ clientInput, ctx }) => {
    const read = await acknowledgeHandover(prisma, ctx.scope, clientInput);
    refresh(clientInput.dispatchId);
    return { readAt: read.readAt.toISOString() };
  });
