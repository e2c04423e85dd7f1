import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { apiRoute, readJsonBody } from "@/lib/server/api-route";
import { createMentoringPair, listMentoringPairs } from "@/lib/server/mentoring";

type Params = { dispatchId: string };

// GET /api/v1/dispatches/{dispatchId}/mentoring-pairs
export const GET = apiRoute<Params>({ permission: operations.listMentoringPairs.permission }, async ({ scope, params }) => {
  return NextResponse.json((await listMentoringPairs(prisma, scope, params.dispatchId)).pairs);
});

// POST /api/v1/dispatches/{dispatchId}/mentoring-pairs — the doctor records a mentee.
export const POST = apiRoute<Params>({ permission: operations.createMentoringPair.permission }, async ({ request, scope, params }) => {
  const body = await readJsonBody(request);
  return NextResponse.json(await createMentoringPair(prisma, scope, { ...(body as object), dispatchId: params.dispatchId }), { status: 201 });
});
