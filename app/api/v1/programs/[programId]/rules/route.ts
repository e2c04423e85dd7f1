import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { apiRoute, readJsonBody } from "@/lib/server/api-route";
import { listProgramRules, saveRule } from "@/lib/server/eligibility-rules";

type Params = { programId: string };

export const GET = apiRoute<Params>({ permission: operations.listRules.permission }, async ({ scope, params }) => {
  const rules = await listProgramRules(prisma, scope, params.programId);
  if (!rules) throw new AppError("notFound");
  return NextResponse.json(rules);
});

// Without an id: a new rule. With an id (and the version read): a new version of that rule.
export const POST = apiRoute<Params>({ permission: operations.saveRule.permission }, async ({ request, scope, params }) => {
  const body = await readJsonBody(request);
  return NextResponse.json(await saveRule(prisma, scope, { ...(body as object), programId: params.programId }));
});
