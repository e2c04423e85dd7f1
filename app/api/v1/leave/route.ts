import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { apiRoute } from "@/lib/server/api-route";
import { leaveQueue } from "@/lib/server/leave-queries";

// GET /api/v1/leave — leave waiting on the caller, oldest first.
export const GET = apiRoute({ permission: operations.leaveQueue.permission }, async ({ scope }) => {
  return NextResponse.json(await leaveQueue(prisma, scope));
});
