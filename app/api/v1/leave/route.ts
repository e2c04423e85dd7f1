import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { leaveQueueApiQuerySchema } from "@/lib/schemas/leave";
import { apiRoute } from "@/lib/server/api-route";
import { parse } from "@/lib/server/kit";
import { leaveQueue } from "@/lib/server/leave-queries";

// GET /api/v1/leave?sort=&dir=&page=&size= — leave waiting on the caller, oldest first unless sorted.
export const GET = apiRoute({ permission: operations.leaveQueue.permission }, async ({ request, scope }) => {
  const query = parse(leaveQueueApiQuerySchema, Object.fromEntries(request.nextUrl.searchParams));
  return NextResponse.json(await leaveQueue(prisma, scope, query));
});
