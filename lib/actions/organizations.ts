"use server";

import { revalidatePath } from "next/cache";
import { prisma } from "@/lib/db";
import { authedAction } from "@/lib/server/action-client";
import { withFieldErrors } from "@/lib/server/action-field-errors";
import { createOrganization, deactivateOrganization, reactivateOrganization, updateOrganization } from "@/lib/server/organizations";
import { createOrganizationSchema, organizationIdSchema, updateOrganizationSchema } from "@/lib/schemas/organizations";

// Thin wrappers: the use cases in lib/server/organizations.ts parse, authorize, write and audit.
// They are given the client's input as sent (they validate it themselves, as for the API and tests).

const LIST = "/admin/organizations";

export const createOrganizationAction = authedAction
  .metadata({ actionName: "createOrganization", permission: "organization.manage" })
  .inputSchema(createOrganizationSchema)
  .action(async ({ clientInput, ctx }) => {
    const created = await withFieldErrors(createOrganizationSchema, () => createOrganization(prisma, ctx.scope, clientInput));
    revalidatePath(LIST);
    return { id: created.id };
  });

export const updateOrganizationAction = authedAction
  .metadata({ actionName: "updateOrganization", permission: "organization.manage" })
  .inputSchema(updateOrganizationSchema)
  .action(async ({ clientInput, ctx }) => {
    const updated = await withFieldErrors(updateOrganizationSchema, () => updateOrganization(prisma, ctx.scope, clientInput));
    revalidatePath(LIST);
    revalidatePath(`${LIST}/${updated.id}`);
    return { id: updated.id };
  });

export const deactivateOrganizationAction = authedAction
  .metadata({ actionName: "deactivateOrganization", permission: "organization.manage" })
  .inputSchema(organizationIdSchema)
  .action(async ({ clientInput, ctx }) => {
    const after = await deactivateOrganization(prisma, ctx.scope, clientInput);
    revalidatePath(LIST);
    revalidatePath(`${LIST}/${after.id}`);
    return { id: after.id, isActive: after.isActive };
  });

export const reactivateOrganizationAction = authedAction
  .metadata({ actionName: "reactivateOrganization", permission: "organization.manage" })
  .inputSchema(organizationIdSchema)
  .action(async ({ clientInput, ctx }) => {
    const after = await reactivateOrganization(prisma, ctx.scope, clientInput);
    revalidatePath(LIST);
    revalidatePath(`${LIST}/${after.id}`);
    return { id: after.id, isActive: after.isActive };
  });
