import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { apiRoute, readJsonBody } from "@/lib/server/api-route";
import { cancelLeave } from "@/lib/server/leave";

type Params = { leaveId: string };

// POST /api/v1/leave/{leaveId}/cancel — body { version }.
export const POST = apiRoute<Params>({ permission: operations.cancelLeave.permission }, async ({ request, scope, params }) => {
  const body = await readJsonBody(request);
  return NextResponse.json(await cancelLeave(prisma, scope, { ...(body as object), leaveId: params.leaveId }));
});
