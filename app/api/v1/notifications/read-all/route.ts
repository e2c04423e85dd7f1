import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { apiRoute } from "@/lib/server/api-route";
import { markAllNotificationsRead } from "@/lib/server/notification-inbox";

// POST /api/v1/notifications/read-all — the inbox's 全部标为已读; no body.
export const POST = apiRoute({ permission: operations.markAllNotificationsRead.permission, body: "none" }, async ({ scope }) => {
  return NextResponse.json(await markAllNotificationsRead(prisma, scope));
});
