import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { apiRoute, readJsonBody } from "@/lib/server/api-route";
import { answerServiceObjection } from "@/lib/server/service-evaluations";

type Params = { dispatchId: string; objectionId: string };

// POST /api/v1/service-evaluations/{dispatchId}/objections/{objectionId}/answer — body { answer }.
export const POST = apiRoute<Params>({ permission: operations.answerServiceObjection.permission }, async ({ request, scope, params }) => {
  const body = await readJsonBody(request);
  return NextResponse.json(await answerServiceObjection(prisma, scope, { ...(body as object), dispatchId: params.dispatchId, objectionId: params.objectionId }));
});
