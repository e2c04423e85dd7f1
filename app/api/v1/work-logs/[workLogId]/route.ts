import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { apiRoute, readJsonBody } from "@/lib/server/api-route";
import { resubmitWorkLog } from "@/lib/server/work-logs";

type Params = { workLogId: string };

// PATCH /api/v1/work-logs/{workLogId} — the doctor corrects a waiting or returned log (body carries the version).
export const PATCH = apiRoute<Params>({ permission: operations.resubmitWorkLog.permission }, async ({ request, scope, params }) => {
  const body = await readJsonBody(request);
  return NextResponse.json(await resubmitWorkLog(prisma, scope, { ...(body as object), workLogId: params.workLogId }));
});
