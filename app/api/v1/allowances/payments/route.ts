import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { markPaid } from "@/lib/server/allowances";
import { apiRoute, readJsonBody } from "@/lib/server/api-route";

// POST /api/v1/allowances/payments — body { lineIds, voucherNumber, paidOn }: one line or many marked paid with one voucher, all or none.
export const POST = apiRoute({ permission: operations.markAllowancesPaid.permission }, async ({ request, scope }) => {
  return NextResponse.json(await markPaid(prisma, scope, await readJsonBody(request)));
});
