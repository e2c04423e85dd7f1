"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { authedAction } from "@/lib/server/action-client";
import { withFieldErrors } from "@/lib/server/action-field-errors";
import { deleteRule, previewRule, saveRule, searchDoctors } from "@/lib/server/eligibility-rules";

// Thin wrappers: lib/server/eligibility-rules.ts parses (with the shared rule schema), authorizes,
// writes and audits. The input goes through as sent, so that the tree's field errors come back with
// their full paths ("tree.children.1.years") rather than flattened to "tree".
const passThrough = z.unknown();

export const saveRuleAction = authedAction
  .metadata({ actionName: "saveEligibilityRule", permission: "program.manage" })
  .inputSchema(passThrough)
  .action(async ({ clientInput, ctx }) => {
    const rule = await withFieldErrors(z.object({}), () => saveRule(prisma, ctx.scope, clientInput));
    revalidatePath(`/programs/${rule.programId}/rules`);
    return { id: rule.id, version: rule.version };
  });

export const deleteRuleAction = authedAction
  .metadata({ actionName: "deleteEligibilityRule", permission: "program.manage" })
  .inputSchema(passThrough)
  .action(async ({ clientInput, ctx }) => {
    const deleted = await deleteRule(prisma, ctx.scope, clientInput);
    revalidatePath(`/programs/${deleted.programId}/rules`);
    return deleted;
  });

export const searchDoctorsAction = authedAction
  .metadata({ actionName: "searchDoctorsForPreview", permission: "eligibility.screen" })
  .inputSchema(passThrough)
  .action(async ({ clientInput, ctx }) => searchDoctors(prisma, ctx.scope, clientInput));

export const previewRuleAction = authedAction
  .metadata({ actionName: "previewEligibilityRule", permission: "eligibility.screen" })
  .inputSchema(passThrough)
  .action(async ({ clientInput, ctx }) => withFieldErrors(z.object({}), () => previewRule(prisma, ctx.scope, clientInput)));
