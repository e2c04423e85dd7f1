import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { apiRoute, readJsonBody } from "@/lib/server/api-route";
import { fileServiceObjection } from "@/lib/server/service-evaluations";

type Params = { dispatchId: string };

// POST /api/v1/service-evaluations/{dispatchId}/objections — body { objector?, content, receivedOn }.
export const POST = apiRoute<Params>({ permission: operations.fileServiceObjection.permission }, async ({ request, scope, params }) => {
  const body = await readJsonBody(request);
  return NextResponse.json(await fileServiceObjection(prisma, scope, { ...(body as object), dispatchId: params.dispatchId }), { status: 201 });
});
