import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { totalsApiQuerySchema } from "@/lib/schemas/allowances";
import { allowanceTotals } from "@/lib/server/allowance-queries";
import { apiRoute } from "@/lib/server/api-route";

// GET /api/v1/allowances/totals — totals by month, payer, programme and item over a range of months.
export const GET = apiRoute({ permission: operations.allowanceTotals.permission }, async ({ request, scope }) => {
  const { programId, ...range } = totalsApiQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  return NextResponse.json(await allowanceTotals(prisma, scope, range, programId));
});
