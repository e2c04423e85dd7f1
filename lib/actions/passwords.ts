"use server";

import { returnValidationErrors } from "next-safe-action";
import { prisma } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { authedAction } from "@/lib/server/action-client";
import { changeOwnPassword } from "@/lib/server/passwords";
import { changePasswordSchema } from "@/lib/schemas/users";

/** The user's own password change; allowed while a change is pending (that is its purpose). */
export const changePasswordAction = authedAction
  .metadata({ actionName: "changePassword", permission: "self.changePassword" })
  .inputSchema(changePasswordSchema)
  .action(async ({ parsedInput, ctx }) => {
    try {
      await changeOwnPassword(prisma, ctx.scope, parsedInput);
      return { changed: true };
    } catch (error) {
      if (isAppError(error) && error.fieldErrors) {
        const formatted = Object.fromEntries(Object.entries(error.fieldErrors).map(([field, keys]) => [field, { _errors: keys }]));
        returnValidationErrors(changePasswordSchema, formatted as never);
      }
      throw error;
    }
  });
