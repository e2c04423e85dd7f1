import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { lineCoreJson } from "@/lib/server/allowance-api";
import { addEventLineAs } from "@/lib/server/allowances";
import { apiRoute, readJsonBody } from "@/lib/server/api-route";

type Params = { dispatchId: string };

// POST /api/v1/allowances/dispatches/{dispatchId}/events — an event's line (an award) added by hand, with the reason.
export const POST = apiRoute<Params>({ permission: operations.addAllowanceEventLine.permission }, async ({ request, scope, params }) => {
  const body = await readJsonBody(request);
  return NextResponse.json(lineCoreJson(await addEventLineAs(prisma, scope, { ...(body as object), dispatchId: params.dispatchId })), { status: 201 });
});
