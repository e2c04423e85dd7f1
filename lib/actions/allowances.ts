"use server";

import { revalidatePath } from "next/cache";
import { prisma } from "@/lib/db";
import { addEventLineSchema, adjustLineSchema, applyTemplateSchema, createItemSchema, markPaidSchema, removeLineSchema, updateItemSchema } from "@/lib/schemas/allowances";
import { authedAction } from "@/lib/server/action-client";
import { addEventLineAs, adjustLine, applyTemplate, createItem, markPaid, removeLine, updateItem } from "@/lib/server/allowances";

// Thin wrappers: the use cases in lib/server/allowances.ts parse, authorize, lock, write, regenerate
// the schedules and audit. They are given the client's input as sent (money in whole fen).

function refresh() {
  revalidatePath("/allowances", "layout");
  revalidatePath("/");
}

export const createItemAction = authedAction
  .metadata({ actionName: "createAllowanceItem", permission: "allowance.manage" })
  .inputSchema(createItemSchema)
  .action(async ({ clientInput, ctx }) => {
    const { item, regenerated } = await createItem(prisma, ctx.scope, clientInput);
    refresh();
    return { id: item.id, created: regenerated.created };
  });

export const updateItemAction = authedAction
  .metadata({ actionName: "updateAllowanceItem", permission: "allowance.manage" })
  .inputSchema(updateItemSchema)
  .action(async ({ clientInput, ctx }) => {
    const { item, regenerated } = await updateItem(prisma, ctx.scope, clientInput);
    refresh();
    return { id: item.id, version: item.version, created: regenerated.created, deleted: regenerated.deleted };
  });

export const applyTemplateAction = authedAction
  .metadata({ actionName: "applyAllowanceTemplate", permission: "allowance.manage" })
  .inputSchema(applyTemplateSchema)
  .action(async ({ clientInput, ctx }) => {
    const { added, regenerated } = await applyTemplate(prisma, ctx.scope, clientInput);
    refresh();
    return { added: added.length, created: regenerated.created };
  });

export const addEventLineAction = authedAction
  .metadata({ actionName: "addAllowanceEventLine", permission: "allowance.manage" })
  .inputSchema(addEventLineSchema)
  .action(async ({ clientInput, ctx }) => {
    const line = await addEventLineAs(prisma, ctx.scope, clientInput);
    refresh();
    return { id: line.id };
  });

export const adjustLineAction = authedAction
  .metadata({ actionName: "adjustAllowanceLine", permission: "allowance.manage" })
  .inputSchema(adjustLineSchema)
  .action(async ({ clientInput, ctx }) => {
    const line = await adjustLine(prisma, ctx.scope, clientInput);
    refresh();
    return { id: line.id };
  });

export const removeLineAction = authedAction
  .metadata({ actionName: "removeAllowanceLine", permission: "allowance.manage" })
  .inputSchema(removeLineSchema)
  .action(async ({ clientInput, ctx }) => {
    const removed = await removeLine(prisma, ctx.scope, clientInput);
    refresh();
    return removed;
  });

export const markPaidAction = authedAction
  .metadata({ actionName: "markAllowancesPaid", permission: "allowance.pay" })
  .inputSchema(markPaidSchema)
  .action(async ({ clientInput, ctx }) => {
    const result = await markPaid(prisma, ctx.scope, clientInput);
    refresh();
    return result;
  });
