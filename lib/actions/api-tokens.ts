"use server";

import { revalidatePath } from "next/cache";
import { returnValidationErrors } from "next-safe-action";
import { prisma } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { issueApiTokenSchema, revokeApiTokenSchema } from "@/lib/schemas/api-tokens";
import { authedAction } from "@/lib/server/action-client";
import { issueApiToken, revokeApiToken } from "@/lib/server/api-tokens";

// Thin wrappers over lib/server/api-tokens.ts for the account page's "API tokens" section.

export const issueApiTokenAction = authedAction
  .metadata({ actionName: "issueApiToken", permission: "user.manage" })
  .inputSchema(issueApiTokenSchema)
  .action(async ({ parsedInput, ctx }) => {
    try {
      const issued = await issueApiToken(prisma, ctx.scope, parsedInput);
      revalidatePath(`/admin/users/${parsedInput.userId}`);
      return issued; // the secret travels to the administrator's browser this once
    } catch (error) {
      if (isAppError(error) && error.fieldErrors) {
        const formatted = Object.fromEntries(Object.entries(error.fieldErrors).map(([field, keys]) => [field, { _errors: keys }]));
        returnValidationErrors(issueApiTokenSchema, formatted as never);
      }
      throw error;
    }
  });

export const revokeApiTokenAction = authedAction
  .metadata({ actionName: "revokeApiToken", permission: "user.manage" })
  .inputSchema(revokeApiTokenSchema)
  .action(async ({ parsedInput, ctx }) => {
    const result = await revokeApiToken(prisma, ctx.scope, parsedInput);
    revalidatePath(`/admin/users/${result.userId}`);
    return result;
  });
