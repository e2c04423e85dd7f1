import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { workforceQuerySchema } from "@/lib/schemas/workforce";
import { apiRoute } from "@/lib/server/api-route";
import { parse } from "@/lib/server/kit";
import { promotionService } from "@/lib/server/workforce-queries";

// GET /api/v1/workforce/promotion-service[?regionId=] — grassroots service owed before promotion, per doctor.
export const GET = apiRoute({ permission: operations.promotionService.permission }, async ({ request, scope }) => {
  const query = parse(workforceQuerySchema, Object.fromEntries(request.nextUrl.searchParams));
  return NextResponse.json(await promotionService(prisma, scope, query));
});
