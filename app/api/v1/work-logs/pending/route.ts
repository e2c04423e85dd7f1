import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { pendingLogsApiQuerySchema } from "@/lib/schemas/work-logs";
import { apiRoute } from "@/lib/server/api-route";
import { parse } from "@/lib/server/kit";
import { pendingLogs } from "@/lib/server/work-log-queries";

// GET /api/v1/work-logs/pending — logs waiting for the caller's unit to confirm.
export const GET = apiRoute({ permission: operations.pendingWorkLogs.permission }, async ({ request, scope }) => {
  const query = parse(pendingLogsApiQuerySchema, Object.fromEntries(request.nextUrl.searchParams));
  const page = await pendingLogs(prisma, scope, query.page);
  return NextResponse.json({
    ...page,
    rows: page.rows.map(({ dispatch, ...log }) => ({ ...log, doctorName: dispatch.doctor.name, postTitle: dispatch.post.title, receivingOrgName: dispatch.receivingOrg.name })),
  });
});
