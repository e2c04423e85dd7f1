"use server";

import { revalidatePath } from "next/cache";
import { prisma } from "@/lib/db";
import { authedAction } from "@/lib/server/action-client";
import { withFieldErrors } from "@/lib/server/action-field-errors";
import { endorse, nominate, register, withdraw, type ApplicationSnapshot } from "@/lib/server/applications";
import { searchApplicationUnits } from "@/lib/server/nomination-queries";
import { endorseSchema, nominateSchema, registerSchema, withdrawSchema } from "@/lib/schemas/applications";
import { optionSearchSchema } from "@/lib/schemas/list-query";

// Thin wrappers: the use cases in lib/server/applications.ts parse, authorize, check the deadline,
// write, audit and notify. They are given the client's input as sent (they validate it themselves).

export interface ApplicationActionResult {
  id: string;
  status: ApplicationSnapshot["status"];
}

const LIST = "/applications";

/** The list, the application's pages, the programme pages (nomination counts, quotas) and the dashboard. */
function refresh(app: ApplicationSnapshot): ApplicationActionResult {
  revalidatePath(LIST);
  revalidatePath(`${LIST}/${app.id}`, "layout");
  revalidatePath("/programs/[programId]", "layout");
  revalidatePath("/");
  return { id: app.id, status: app.status };
}

export const nominateAction = authedAction
  .metadata({ actionName: "nominateDoctor", permission: "application.nominate" })
  .inputSchema(nominateSchema)
  .action(async ({ clientInput, ctx }) => refresh(await withFieldErrors(nominateSchema, () => nominate(prisma, ctx.scope, clientInput))));

export const registerAction = authedAction
  .metadata({ actionName: "registerForPost", permission: "application.register" })
  .inputSchema(registerSchema)
  .action(async ({ clientInput, ctx }) => refresh(await withFieldErrors(registerSchema, () => register(prisma, ctx.scope, clientInput))));

export const endorseAction = authedAction
  .metadata({ actionName: "endorseApplication", permission: "application.endorse" })
  .inputSchema(endorseSchema)
  .action(async ({ clientInput, ctx }) => refresh(await withFieldErrors(endorseSchema, () => endorse(prisma, ctx.scope, clientInput))));

export const withdrawAction = authedAction
  .metadata({ actionName: "withdrawApplication", permission: "application.withdraw" })
  .inputSchema(withdrawSchema)
  .action(async ({ clientInput, ctx }) => refresh(await withFieldErrors(withdrawSchema, () => withdraw(prisma, ctx.scope, clientInput))));

/** The application list's unit filter: nominating units of the applications the caller sees whose name contains q. */
export const searchApplicationUnitsAction = authedAction
  .metadata({ actionName: "searchApplicationUnits", permission: "application.read" })
  .inputSchema(optionSearchSchema)
  .action(async ({ parsedInput, ctx }) => searchApplicationUnits(prisma, ctx.scope, parsedInput.q));
