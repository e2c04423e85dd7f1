import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { apiRoute, readJsonBody } from "@/lib/server/api-route";
import { terminateDispatch } from "@/lib/server/dispatches";

type Params = { dispatchId: string };

// POST /api/v1/dispatches/{dispatchId}/terminate — see the OpenAPI document for the body.
export const POST = apiRoute<Params>({ permission: operations.terminateDispatch.permission }, async ({ request, scope, params }) => {
  const body = await readJsonBody(request);
  return NextResponse.json(await terminateDispatch(prisma, scope, { ...(body as object), dispatchId: params.dispatchId }));
});
