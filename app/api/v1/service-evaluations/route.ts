import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { apiRoute } from "@/lib/server/api-route";
import { listServiceEvaluations } from "@/lib/server/service-evaluations";

// GET /api/v1/service-evaluations — the end-of-service forms the caller may see (staff: also the dispatches ending without one).
export const GET = apiRoute({ permission: operations.listServiceEvaluations.permission }, async ({ scope }) => {
  return NextResponse.json(await listServiceEvaluations(prisma, scope));
});
