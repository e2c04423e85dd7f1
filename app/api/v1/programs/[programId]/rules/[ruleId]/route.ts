import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { apiRoute } from "@/lib/server/api-route";
import { deleteRule } from "@/lib/server/eligibility-rules";

type Params = { programId: string; ruleId: string };

// DELETE /api/v1/programs/{programId}/rules/{ruleId} — a rule of another programme is not found.
export const DELETE = apiRoute<Params>({ permission: operations.deleteRule.permission }, async ({ scope, params }) => {
  return NextResponse.json(await deleteRule(prisma, scope, { id: params.ruleId, programId: params.programId }));
});
