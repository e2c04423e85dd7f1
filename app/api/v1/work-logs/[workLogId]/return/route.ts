import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { apiRoute, readJsonBody } from "@/lib/server/api-route";
import { returnWorkLog } from "@/lib/server/work-logs";

type Params = { workLogId: string };

// POST /api/v1/work-logs/{workLogId}/return — body { version, comment }.
export const POST = apiRoute<Params>({ permission: operations.returnWorkLog.permission }, async ({ request, scope, params }) => {
  const body = await readJsonBody(request);
  return NextResponse.json(await returnWorkLog(prisma, scope, { ...(body as object), workLogId: params.workLogId }));
});
