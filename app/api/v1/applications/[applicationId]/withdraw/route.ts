import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { apiRoute, readJsonBody } from "@/lib/server/api-route";
import { withdraw } from "@/lib/server/applications";

type Params = { applicationId: string };

// POST /api/v1/applications/{applicationId}/withdraw — body { reason }.
export const POST = apiRoute<Params>({ permission: operations.withdrawApplication.permission }, async ({ request, scope, params }) => {
  const body = await readJsonBody(request);
  return NextResponse.json(await withdraw(prisma, scope, { ...(body as object), applicationId: params.applicationId }));
});
