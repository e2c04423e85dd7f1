import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { workloadApiQuerySchema } from "@/lib/schemas/work-logs";
import { parse } from "@/lib/server/kit";
import { apiRoute } from "@/lib/server/api-route";
import { workloadTotals } from "@/lib/server/work-log-queries";

// GET /api/v1/workload?by=program|receivingOrg|doctor&programId=&sort=&dir=&page=&size= — totals over confirmed logs.
export const GET = apiRoute({ permission: operations.workloadTotals.permission }, async ({ request, scope }) => {
  const query = parse(workloadApiQuerySchema, Object.fromEntries(request.nextUrl.searchParams));
  return NextResponse.json(await workloadTotals(prisma, scope, query));
});
