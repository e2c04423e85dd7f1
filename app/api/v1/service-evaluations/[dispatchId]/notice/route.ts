import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { apiRoute, readJsonBody } from "@/lib/server/api-route";
import { startServiceNotice } from "@/lib/server/service-evaluations";

type Params = { dispatchId: string };

// POST /api/v1/service-evaluations/{dispatchId}/notice — body { startsOn, endsOn }: the public notice (公示).
export const POST = apiRoute<Params>({ permission: operations.startServiceNotice.permission }, async ({ request, scope, params }) => {
  const body = await readJsonBody(request);
  return NextResponse.json(await startServiceNotice(prisma, scope, { ...(body as object), dispatchId: params.dispatchId }));
});
