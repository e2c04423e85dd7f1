import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { policyJson } from "@/lib/server/allowance-api";
import { createItem } from "@/lib/server/allowances";
import { apiRoute, readJsonBody } from "@/lib/server/api-route";

type Params = { programId: string };

// GET /api/v1/allowances/programs/{programId}/items — the programme's allowance policy, with what is paid and unpaid per item.
export const GET = apiRoute<Params>({ permission: operations.getAllowancePolicy.permission }, async ({ scope, params }) => {
  return NextResponse.json(await policyJson(prisma, scope, params.programId));
});

// POST /api/v1/allowances/programs/{programId}/items — a new item (amountFen in whole fen); the programme's schedules follow.
export const POST = apiRoute<Params>({ permission: operations.createAllowanceItem.permission }, async ({ request, scope, params }) => {
  const body = await readJsonBody(request);
  return NextResponse.json(await createItem(prisma, scope, { ...(body as object), programId: params.programId }), { status: 201 });
});
