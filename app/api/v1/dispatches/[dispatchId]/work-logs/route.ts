import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { apiRoute, readJsonBody } from "@/lib/server/api-route";
import { dispatchLogs } from "@/lib/server/work-log-queries";
import { fileWorkLog } from "@/lib/server/work-logs";

type Params = { dispatchId: string };

// GET /api/v1/dispatches/{dispatchId}/work-logs — the dispatch's logs and its confirmed totals.
export const GET = apiRoute<Params>({ permission: operations.listWorkLogs.permission }, async ({ scope, params }) => {
  const { dispatch, logs, totals, suggested } = await dispatchLogs(prisma, scope, params.dispatchId);
  return NextResponse.json({
    dispatch: { id: dispatch.id, status: dispatch.status, startDate: dispatch.startDate, lastDay: dispatch.lastDay, doctorName: dispatch.doctor.name, receivingOrgName: dispatch.receivingOrg.name, programName: dispatch.program.name },
    logs,
    totals,
    suggestedPeriod: suggested,
  });
});

// POST /api/v1/dispatches/{dispatchId}/work-logs — the doctor files a day's or a week's log.
export const POST = apiRoute<Params>({ permission: operations.fileWorkLog.permission }, async ({ request, scope, params }) => {
  const body = await readJsonBody(request);
  return NextResponse.json(await fileWorkLog(prisma, scope, { ...(body as object), dispatchId: params.dispatchId }), { status: 201 });
});
