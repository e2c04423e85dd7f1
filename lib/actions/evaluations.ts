"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { prisma } from "@/lib/db";
import { createRaterLinkSchema, createSchemeSchema, gradeSubjectsSchema, openAssessmentSchema, revokeRaterLinkSchema, saveScoreSchema } from "@/lib/schemas/evaluations";
import { authedAction } from "@/lib/server/action-client";
import { withFieldErrors } from "@/lib/server/action-field-errors";
import { createScheme, gradeSubjects, openAssessment, saveScore } from "@/lib/server/evaluations";
import { createRaterLink, raterLinkQr, revokeRaterLink } from "@/lib/server/rater-links";

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

/** The app's address as the browser reached it, for the absolute link and its QR code. */
async function appOrigin(): Promise<string> {
  const configured = process.env.NEXTAUTH_URL?.trim();
  if (configured) return new URL(configured).origin;
  const h = await headers();
  return `${h.get("x-forwarded-proto") === "https" ? "https" : "http"}://${h.get("host") ?? "localhost"}`;
}

export const createRaterLinkAction = authedAction
  .metadata({ actionName: "createRaterLink", permission: "evaluation.manage" })
  .inputSchema(createRaterLinkSchema)
  .action(async ({ clientInput, ctx }) => {
    const origin = await appOrigin();
    const created = await withFieldErrors(createRaterLinkSchema, () => createRaterLink(prisma, ctx.scope, clientInput, { appUrl: origin }));
    refresh();
    const url = new URL(created.path, origin).toString();
    return { id: created.id, url, expiresAt: created.expiresAt.toISOString(), emailed: created.emailed, qrSvg: await raterLinkQr(url) };
  });

export const revokeRaterLinkAction = authedAction
  .metadata({ actionName: "revokeRaterLink", permission: "evaluation.manage" })
  .inputSchema(revokeRaterLinkSchema)
  .action(async ({ clientInput, ctx }) => {
    const revoked = await withFieldErrors(revokeRaterLinkSchema, () => revokeRaterLink(prisma, ctx.scope, clientInput));
    refresh();
    return revoked;
  });
