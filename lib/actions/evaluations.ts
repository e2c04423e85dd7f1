"use server";

import { revalidatePath } from "next/cache";
import { prisma } from "@/lib/db";
import { createSchemeSchema, gradeSubjectsSchema, openAssessmentSchema, saveScoreSchema } from "@/lib/schemas/evaluations";
import { authedAction } from "@/lib/server/action-client";
import { withFieldErrors } from "@/lib/server/action-field-errors";
import { createScheme, gradeSubjects, openAssessment, saveScore } from "@/lib/server/evaluations";

// Thin wrappers over lib/server/evaluations.ts: the use cases parse, authorize (the record's bureau
// or unit, derived from its id), lock, write and audit. They are given the client's input as sent.

function refresh() {
  revalidatePath("/evaluations", "layout");
  revalidatePath("/");
}

export const openAssessmentAction = authedAction
  .metadata({ actionName: "openAssessment", permission: "evaluation.manage" })
  .inputSchema(openAssessmentSchema)
  .action(async ({ clientInput, ctx }) => {
    const opened = await withFieldErrors(openAssessmentSchema, () => openAssessment(prisma, ctx.scope, clientInput));
    refresh();
    return opened;
  });

export const saveScoreAction = authedAction
  .metadata({ actionName: "saveAssessmentScore", permission: "evaluation.score" })
  .inputSchema(saveScoreSchema)
  .action(async ({ clientInput, ctx }) => {
    const saved = await withFieldErrors(saveScoreSchema, () => saveScore(prisma, ctx.scope, clientInput));
    refresh();
    return { id: saved.id, submitted: saved.submitted, sum: saved.sum };
  });

export const gradeSubjectsAction = authedAction
  .metadata({ actionName: "gradeAssessment", permission: "evaluation.manage" })
  .inputSchema(gradeSubjectsSchema)
  .action(async ({ clientInput, ctx }) => {
    const result = await withFieldErrors(gradeSubjectsSchema, () => gradeSubjects(prisma, ctx.scope, clientInput));
    refresh();
    return result;
  });

export const createSchemeAction = authedAction
  .metadata({ actionName: "createEvaluationScheme", permission: "evaluation.manage" })
  .inputSchema(createSchemeSchema)
  .action(async ({ clientInput, ctx }) => {
    const created = await withFieldErrors(createSchemeSchema, () => createScheme(prisma, ctx.scope, clientInput));
    refresh();
    return { id: created.id, name: created.name };
  });
