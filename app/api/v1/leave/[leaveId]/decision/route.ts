import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { apiRoute, readJsonBody } from "@/lib/server/api-route";
import { decideLeave } from "@/lib/server/leave";

type Params = { leaveId: string };

// POST /api/v1/leave/{leaveId}/decision — body { version, approve, comment }.
export const POST = apiRoute<Params>({ permission: operations.decideLeave.permission }, async ({ request, scope, params }) => {
  const body = await readJsonBody(request);
  return NextResponse.json(await decideLeave(prisma, scope, { ...(body as object), leaveId: params.leaveId }));
});
