import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { removeLine } from "@/lib/server/allowances";
import { apiRoute, readJsonBody } from "@/lib/server/api-route";

type Params = { lineId: string };

// POST /api/v1/allowances/lines/{lineId}/removal — body { reason }: removes an unpaid line added by hand; a paid or generated line is a 409.
export const POST = apiRoute<Params>({ permission: operations.removeAllowanceLine.permission }, async ({ request, scope, params }) => {
  const body = await readJsonBody(request);
  return NextResponse.json(await removeLine(prisma, scope, { ...(body as object), lineId: params.lineId }));
});
