"use server";

import { revalidatePath } from "next/cache";
import { prisma } from "@/lib/db";
import { saveContractSchema, saveFigureSchema } from "@/lib/schemas/workforce";
import { authedAction } from "@/lib/server/action-client";
import { saveContract, saveFigure } from "@/lib/server/workforce";

// Thin wrappers: the use cases in lib/server/workforce.ts parse, authorize, write and audit.

export const saveWorkforceFigureAction = authedAction
  .metadata({ actionName: "saveWorkforceFigure", permission: "workforce.manage" })
  .inputSchema(saveFigureSchema)
  .action(async ({ clientInput, ctx }) => {
    const figure = await saveFigure(prisma, ctx.scope, clientInput);
    revalidatePath("/workforce");
    return { id: figure.id, version: figure.version };
  });

export const saveTargetedContractAction = authedAction
  .metadata({ actionName: "saveTargetedContract", permission: "workforce.manage" })
  .inputSchema(saveContractSchema)
  .action(async ({ clientInput, ctx }) => {
    const contract = await saveContract(prisma, ctx.scope, clientInput);
    revalidatePath("/workforce");
    return { id: contract.id, version: contract.version };
  });
