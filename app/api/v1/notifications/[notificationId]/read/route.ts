import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { apiRoute } from "@/lib/server/api-route";
import { markNotificationRead } from "@/lib/server/notification-inbox";

// POST /api/v1/notifications/{notificationId}/read — one of the caller's own; no body.
export const POST = apiRoute<{ notificationId: string }>({ permission: operations.markNotificationRead.permission, body: "none" }, async ({ scope, params }) => {
  return NextResponse.json(await markNotificationRead(prisma, scope, { id: params.notificationId }));
});
