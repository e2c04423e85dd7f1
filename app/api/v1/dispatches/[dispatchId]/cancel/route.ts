import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { apiRoute, readJsonBody } from "@/lib/server/api-route";
import { cancelDispatch } from "@/lib/server/dispatches";

type Params = { dispatchId: string };

// POST /api/v1/dispatches/{dispatchId}/cancel — see the OpenAPI document for the body.
export const POST = apiRoute<Params>({ permission: operations.cancelDispatch.permission }, async ({ request, scope, params }) => {
  const body = await readJsonBody(request);
  return NextResponse.json(await cancelDispatch(prisma, scope, { ...(body as object), dispatchId: params.dispatchId }));
});
