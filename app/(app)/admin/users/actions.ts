"use server";

import { revalidatePath } from "next/cache";
import { returnValidationErrors } from "next-safe-action";
import type { z } from "zod";
import { prisma } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { authedAction } from "@/lib/server/action-client";
import { createUser, deactivateUser, reactivateUser, resetUserPassword, unlockUser, updateUser } from "@/lib/server/users";
import { createUserSchema, updateUserSchema, userIdSchema } from "@/lib/schemas/users";

// Thin wrappers: the use cases in lib/server/users.ts parse, authorize (with the account's
// organisation read from the database), write in one transaction with the audit row.

/** A use case's field errors (username taken, doctor elsewhere…) go back onto the form's fields. */
async function withFieldErrors<S extends z.ZodType, T>(schema: S, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isAppError(error) && error.fieldErrors) {
      const formatted: Record<string, { _errors: string[] } | string[]> = {};
      for (const [field, keys] of Object.entries(error.fieldErrors)) {
        if (field === "_form") formatted._errors = keys;
        else formatted[field] = { _errors: keys };
      }
      returnValidationErrors(schema, formatted as never);
    }
    throw error;
  }
}

function revalidateUsers(id?: string) {
  revalidatePath("/admin/users");
  if (id) revalidatePath(`/admin/users/${id}`);
}

export const createUserAction = authedAction
  .metadata({ actionName: "createUser", permission: "user.manage" })
  .inputSchema(createUserSchema)
  .action(async ({ parsedInput, ctx }) =>
    withFieldErrors(createUserSchema, async () => {
      const created = await createUser(prisma, ctx.scope, parsedInput);
      revalidateUsers();
      return created; // the generated password travels to the admin's browser this once
    }),
  );

export const updateUserAction = authedAction
  .metadata({ actionName: "updateUser", permission: "user.manage" })
  .inputSchema(updateUserSchema)
  .action(async ({ parsedInput, ctx }) =>
    withFieldErrors(updateUserSchema, async () => {
      const result = await updateUser(prisma, ctx.scope, parsedInput);
      revalidateUsers(result.id);
      return result;
    }),
  );

export const resetUserPasswordAction = authedAction
  .metadata({ actionName: "resetUserPassword", permission: "user.manage" })
  .inputSchema(userIdSchema)
  .action(async ({ parsedInput, ctx }) =>
    withFieldErrors(userIdSchema, async () => {
      const result = await resetUserPassword(prisma, ctx.scope, parsedInput);
      revalidateUsers(result.id);
      return result;
    }),
  );

export const deactivateUserAction = authedAction
  .metadata({ actionName: "deactivateUser", permission: "user.manage" })
  .inputSchema(userIdSchema)
  .action(async ({ parsedInput, ctx }) =>
    withFieldErrors(userIdSchema, async () => {
      const result = await deactivateUser(prisma, ctx.scope, parsedInput);
      revalidateUsers(result.id);
      return result;
    }),
  );

export const reactivateUserAction = authedAction
  .metadata({ actionName: "reactivateUser", permission: "user.manage" })
  .inputSchema(userIdSchema)
  .action(async ({ parsedInput, ctx }) =>
    withFieldErrors(userIdSchema, async () => {
      const result = await reactivateUser(prisma, ctx.scope, parsedInput);
      revalidateUsers(result.id);
      return result;
    }),
  );

export const unlockUserAction = authedAction
  .metadata({ actionName: "unlockUser", permission: "user.manage" })
  .inputSchema(userIdSchema)
  .action(async ({ parsedInput, ctx }) =>
    withFieldErrors(userIdSchema, async () => {
      const result = await unlockUser(prisma, ctx.scope, parsedInput);
      revalidateUsers(result.id);
      return result;
    }),
  );
