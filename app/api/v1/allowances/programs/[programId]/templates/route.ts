import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { applyTemplate } from "@/lib/server/allowances";
import { apiRoute, readJsonBody } from "@/lib/server/api-route";

type Params = { programId: string };

// POST /api/v1/allowances/programs/{programId}/templates — body { template }: seed 000's or seed 001's items added to the policy.
export const POST = apiRoute<Params>({ permission: operations.applyAllowanceTemplate.permission }, async ({ request, scope, params }) => {
  const body = await readJsonBody(request);
  return NextResponse.json(await applyTemplate(prisma, scope, { ...(body as object), programId: params.programId }));
});
