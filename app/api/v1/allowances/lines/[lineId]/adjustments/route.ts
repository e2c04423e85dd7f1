import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { lineCoreJson } from "@/lib/server/allowance-api";
import { adjustLine } from "@/lib/server/allowances";
import { apiRoute, readJsonBody } from "@/lib/server/api-route";

type Params = { lineId: string };

// POST /api/v1/allowances/lines/{lineId}/adjustments — a correction to a paid line: a new line of amountFen (±) with the reason.
export const POST = apiRoute<Params>({ permission: operations.adjustAllowanceLine.permission }, async ({ request, scope, params }) => {
  const body = await readJsonBody(request);
  return NextResponse.json(lineCoreJson(await adjustLine(prisma, scope, { ...(body as object), lineId: params.lineId })), { status: 201 });
});
