import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { apiRoute, readJsonBody } from "@/lib/server/api-route";
import { issueServiceResult } from "@/lib/server/service-evaluations";

type Params = { dispatchId: string };

// POST /api/v1/service-evaluations/{dispatchId}/result — body { result: PASS|FAIL }, after the notice.
export const POST = apiRoute<Params>({ permission: operations.issueServiceResult.permission }, async ({ request, scope, params }) => {
  const body = await readJsonBody(request);
  return NextResponse.json(await issueServiceResult(prisma, scope, { ...(body as object), dispatchId: params.dispatchId }));
});
