import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { apiRoute, readJsonBody } from "@/lib/server/api-route";
import { getHandover, saveHandover } from "@/lib/server/handover";

type Params = { dispatchId: string };

// GET /api/v1/dispatches/{dispatchId}/handover — the packet, its read receipts, what the caller may do.
export const GET = apiRoute<Params>({ permission: operations.getHandover.permission }, async ({ scope, params }) => {
  return NextResponse.json(await getHandover(prisma, scope, params.dispatchId));
});

// PUT /api/v1/dispatches/{dispatchId}/handover — the doctor saves (submit=false) or submits it.
export const PUT = apiRoute<Params>({ permission: operations.saveHandover.permission }, async ({ request, scope, params }) => {
  const body = await readJsonBody(request);
  return NextResponse.json(await saveHandover(prisma, scope, { ...(body as object), dispatchId: params.dispatchId }));
});
