import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { xlsxResponse } from "@/lib/excel/sheet";
import { workforceQuerySchema } from "@/lib/schemas/workforce";
import { apiRoute } from "@/lib/server/api-route";
import { parse } from "@/lib/server/kit";
import { exportWorkforceIndicators } from "@/lib/server/workforce-export";

// GET /api/v1/workforce/indicators/export[?regionId=] — the indicators table as .xlsx.
export const GET = apiRoute({ permission: operations.exportWorkforceIndicators.permission }, async ({ request, scope }) => {
  const query = parse(workforceQuerySchema, Object.fromEntries(request.nextUrl.searchParams));
  return xlsxResponse(await exportWorkforceIndicators(prisma, scope, query));
});
