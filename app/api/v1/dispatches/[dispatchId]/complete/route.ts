import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { apiRoute, readJsonBody } from "@/lib/server/api-route";
import { completeDispatch } from "@/lib/server/dispatches";

type Params = { dispatchId: string };

// POST /api/v1/dispatches/{dispatchId}/complete — see the OpenAPI document for the body.
export const POST = apiRoute<Params>({ permission: operations.completeDispatch.permission }, async ({ request, scope, params }) => {
  const body = await readJsonBody(request);
  return NextResponse.json(await completeDispatch(prisma, scope, { ...(body as object), dispatchId: params.dispatchId }));
});
