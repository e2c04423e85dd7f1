import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { xlsxResponse } from "@/lib/excel/sheet";
import { exportPaymentSheet } from "@/lib/server/allowance-export";
import { apiRoute } from "@/lib/server/api-route";

// GET /api/v1/allowances/payment-sheet?month=YYYY-MM&payer=&programId=&status=due|paid|all — the month's payment sheet (.xlsx).
export const GET = apiRoute({ permission: operations.exportPaymentSheet.permission }, async ({ request, scope }) => {
  return xlsxResponse(await exportPaymentSheet(prisma, scope, Object.fromEntries(request.nextUrl.searchParams)));
});
