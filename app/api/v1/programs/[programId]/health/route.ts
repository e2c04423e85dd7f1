import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { apiRoute } from "@/lib/server/api-route";
import { programHealth } from "@/lib/server/program-health";

type Params = { programId: string };

// GET /api/v1/programs/{programId}/health
// The programme's health as JSON: the same figures the page charts (posts filled, applications per
// post and stage, ratio compliance, quotas, stage durations, service, allowances, grades). The bureau only.
export const GET = apiRoute<Params>({ permission: operations.programHealth.permission }, async ({ scope, params }) => {
  return NextResponse.json(await programHealth(prisma, scope, params.programId));
});
