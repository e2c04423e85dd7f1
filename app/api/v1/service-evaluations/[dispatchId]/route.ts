import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { apiRoute } from "@/lib/server/api-route";
import { getServiceEvaluation, openServiceEvaluation } from "@/lib/server/service-evaluations";

type Params = { dispatchId: string };

// GET /api/v1/service-evaluations/{dispatchId} — the 服务期满评价表 of a dispatch (form null before it is opened).
export const GET = apiRoute<Params>({ permission: operations.getServiceEvaluation.permission }, async ({ scope, params }) => {
  return NextResponse.json(await getServiceEvaluation(prisma, scope, params.dispatchId));
});

// POST /api/v1/service-evaluations/{dispatchId} — the bureau opens the form (workload pre-filled from confirmed logs).
export const POST = apiRoute<Params>({ permission: operations.openServiceEvaluation.permission }, async ({ scope, params }) => {
  return NextResponse.json(await openServiceEvaluation(prisma, scope, { dispatchId: params.dispatchId }), { status: 201 });
});
