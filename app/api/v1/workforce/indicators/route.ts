import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { workforceQuerySchema } from "@/lib/schemas/workforce";
import { apiRoute } from "@/lib/server/api-route";
import { parse } from "@/lib/server/kit";
import { workforceIndicators } from "@/lib/server/workforce-queries";

// GET /api/v1/workforce/indicators[?regionId=] — a region's indicators year by year with the gap to target.
export const GET = apiRoute({ permission: operations.workforceIndicators.permission }, async ({ request, scope }) => {
  const query = parse(workforceQuerySchema, Object.fromEntries(request.nextUrl.searchParams));
  return NextResponse.json(await workforceIndicators(prisma, scope, query));
});
