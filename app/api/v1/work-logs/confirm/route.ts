import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { apiRoute, readJsonBody } from "@/lib/server/api-route";
import { confirmWorkLogs } from "@/lib/server/work-logs";

// POST /api/v1/work-logs/confirm — body { logs: [{ workLogId, version }] }, all or none.
export const POST = apiRoute({ permission: operations.confirmWorkLogs.permission }, async ({ request, scope }) => {
  return NextResponse.json(await confirmWorkLogs(prisma, scope, await readJsonBody(request)));
});
