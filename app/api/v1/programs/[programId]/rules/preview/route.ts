import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { apiRoute, readJsonBody } from "@/lib/server/api-route";
import { previewRule } from "@/lib/server/eligibility-rules";

// POST /api/v1/programs/{programId}/rules/preview — the rule builder's 试算: an unsaved rule tree
// against one doctor, nothing written.
export const POST = apiRoute<{ programId: string }>({ permission: operations.previewRule.permission }, async ({ request, scope, params }) => {
  const body = await readJsonBody(request);
  return NextResponse.json(await previewRule(prisma, scope, { ...(body as object), programId: params.programId }));
});
