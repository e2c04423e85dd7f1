import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { totalsApiQuerySchema } from "@/lib/schemas/allowances";
import { xlsxResponse } from "@/lib/excel/sheet";
import { exportAllowanceTotals } from "@/lib/server/allowance-export";
import { apiRoute } from "@/lib/server/api-route";

// GET /api/v1/allowances/totals/export?from=YYYY-MM&to=YYYY-MM&programId= — the totals as .xlsx.
export const GET = apiRoute({ permission: operations.exportAllowanceTotals.permission }, async ({ request, scope }) => {
  const { programId, ...range } = totalsApiQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  return xlsxResponse(await exportAllowanceTotals(prisma, scope, range, programId));
});
