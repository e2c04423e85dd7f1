import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { apiRoute, readJsonBody } from "@/lib/server/api-route";
import { fileLeave } from "@/lib/server/leave";
import { dispatchLeave } from "@/lib/server/leave-queries";

type Params = { dispatchId: string };

// GET /api/v1/dispatches/{dispatchId}/leave — the dispatch's leave and its service clock.
export const GET = apiRoute<Params>({ permission: operations.listDispatchLeave.permission }, async ({ scope, params }) => {
  const found = await dispatchLeave(prisma, scope, params.dispatchId);
  return NextResponse.json({ leaves: found.leaves.map(({ can: _can, ...leave }) => leave), clock: { dispatchId: found.dispatch.id, ...found.clock } });
});

// POST /api/v1/dispatches/{dispatchId}/leave — body { kind, startDate, endDate, reason }.
export const POST = apiRoute<Params>({ permission: operations.fileLeave.permission }, async ({ request, scope, params }) => {
  const body = await readJsonBody(request);
  return NextResponse.json(await fileLeave(prisma, scope, { ...(body as object), dispatchId: params.dispatchId }), { status: 201 });
});
