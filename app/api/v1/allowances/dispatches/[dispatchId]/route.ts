import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { scheduleJson } from "@/lib/server/allowance-api";
import { apiRoute } from "@/lib/server/api-route";

type Params = { dispatchId: string };

// GET /api/v1/allowances/dispatches/{dispatchId} — the dispatch's payment schedule and its totals.
export const GET = apiRoute<Params>({ permission: operations.getAllowanceSchedule.permission }, async ({ scope, params }) => {
  return NextResponse.json(await scheduleJson(prisma, scope, params.dispatchId));
});
