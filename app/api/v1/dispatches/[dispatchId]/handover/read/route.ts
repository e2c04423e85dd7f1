import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { apiRoute } from "@/lib/server/api-route";
import { acknowledgeHandover } from "@/lib/server/handover";

type Params = { dispatchId: string };

// POST /api/v1/dispatches/{dispatchId}/handover/read — the successor or the receiving unit has read it.
export const POST = apiRoute<Params>({ permission: operations.acknowledgeHandover.permission }, async ({ scope, params }) => {
  return NextResponse.json(await acknowledgeHandover(prisma, scope, { dispatchId: params.dispatchId }), { status: 201 });
});
