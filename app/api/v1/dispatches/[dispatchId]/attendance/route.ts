import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { apiRoute, readJsonBody } from "@/lib/server/api-route";
import { recordAttendance } from "@/lib/server/attendance";
import { dispatchAttendance } from "@/lib/server/leave-queries";

type Params = { dispatchId: string };

// GET /api/v1/dispatches/{dispatchId}/attendance — the attendance record and the service clock.
export const GET = apiRoute<Params>({ permission: operations.listAttendance.permission }, async ({ scope, params }) => {
  const found = await dispatchAttendance(prisma, scope, params.dispatchId);
  return NextResponse.json({ checks: found.checks, clock: { dispatchId: found.dispatch.id, ...found.clock } });
});

// POST /api/v1/dispatches/{dispatchId}/attendance — body { source, startDate, endDate, isPresent, note }.
export const POST = apiRoute<Params>({ permission: operations.recordAttendance.permission }, async ({ request, scope, params }) => {
  const body = await readJsonBody(request);
  return NextResponse.json(await recordAttendance(prisma, scope, { ...(body as object), dispatchId: params.dispatchId }), { status: 201 });
});
