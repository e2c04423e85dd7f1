import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { apiRoute } from "@/lib/server/api-route";
import { dispatchServiceClock } from "@/lib/server/leave-queries";

type Params = { dispatchId: string };

// GET /api/v1/dispatches/{dispatchId}/service-clock — days served, leave, absences, credited service.
export const GET = apiRoute<Params>({ permission: operations.serviceClock.permission }, async ({ scope, params }) => {
  return NextResponse.json(await dispatchServiceClock(prisma, scope, params.dispatchId));
});
