"use server";

import { revalidatePath } from "next/cache";
import { prisma } from "@/lib/db";
import { authedAction } from "@/lib/server/action-client";
import { withFieldErrors } from "@/lib/server/action-field-errors";
import { createUser, deactivateUser, reactivateUser, resetUserPassword, unlockUser, updateUser } from "@/lib/server/users";
import { createUserSchema, updateUserSchema, userIdSchema } from "@/lib/schemas/users";

// Thin wrappers: the use cases in lib/server/users.ts parse, authorize (with the account's
// organisation read from the database), write in one transaction with the audit row.

function revalidateUsers(id?: string) {
  revalidatePath("/admin/users");
  if (id) revalidatePath(`/admin/users/${id}`);
}

// "_form" errors (an admin deactivating themself…) are the form's own, not a field's.
const USERS_FIELD_ERRORS = { formKey: "_form" } as const;

export const createUserAction = authedAction
  .metadata({ actionName: "createUser", permission: "user.manage" })
  .inputSchema(createUserSchema)
  .action(async ({ parsedInput, ctx }) =>
    withFieldErrors(createUserSchema, async () => {
      const created = await createUser(prisma, ctx.scope, parsedInput);
      revalidateUsers();
      return created; // the generated password travels to the admin's browser this once
    }, USERS_FIELD_ERRORS),
  );

export const updateUserAction = authedAction
  .metadata({ actionName: "updateUser", permission: "user.manage" })
  .inputSchema(updateUserSchema)
  .action(async ({ parsedInput, ctx }) =>
    withFieldErrors(updateUserSchema, async () => {
      const result = await updateUser(prisma, ctx.scope, parsedInput);
      revalidateUsers(result.id);
      return result;
    }, USERS_FIELD_ERRORS),
  );

export const resetUserPasswordAction = authedAction
  .metadata({ actionName: "resetUserPassword", permission: "user.manage" })
  .inputSchema(userIdSchema)
  .action(async ({ parsedInput, ctx }) =>
    withFieldErrors(userIdSchema, async () => {
      const result = await resetUserPassword(prisma, ctx.scope, parsedInput);
      revalidateUsers(result.id);
      return result;
    }, USERS_FIELD_ERRORS),
  );

export const deactivateUserAction = authedAction
  .metadata({ actionName: "deactivateUser", permission: "user.manage" })
  .inputSchema(userIdSchema)
  .action(async ({ parsedInput, ctx }) =>
    withFieldErrors(userIdSchema, async () => {
      const result = await deactivateUser(prisma, ctx.scope, parsedInput);
      revalidateUsers(result.id);
      return result;
    }, USERS_FIELD_ERRORS),
  );

export const reactivateUserAction = authedAction
  .metadata({ actionName: "reactivateUser", permission: "user.manage" })
  .inputSchema(userIdSchema)
  .action(async ({ parsedInput, ctx }) =>
    withFieldErrors(userIdSchema, async () => {
      const result = await reactivateUser(prisma, ctx.scope, parsedInput);
      revalidateUsers(result.id);
      return result;
    }, USERS_FIELD_ERRORS),
  );

export const unlockUserAction = authedAction
  .metadata({ actionName: "unlockUser", permission: "user.manage" })
  .inputSchema(userIdSchema)
  .action(async ({ parsedInput, ctx }) =>
    withFieldErrors(userIdSchema, async () => {
      const result = await unlockUser(prisma, ctx.scope, parsedInput);
      revalidateUsers(result.id);
      return result;
    }, USERS_FIELD_ERRORS),
  );
