import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { dueJson } from "@/lib/server/allowance-api";
import { apiRoute } from "@/lib/server/api-route";

// GET /api/v1/allowances/due — finance's month: per payer what is due and paid, and a page of lines.
export const GET = apiRoute({ permission: operations.allowancesDue.permission }, async ({ request, scope }) => {
  return NextResponse.json(await dueJson(prisma, scope, request.nextUrl.searchParams));
});
