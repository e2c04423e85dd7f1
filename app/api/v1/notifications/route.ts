import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { notificationListApiQuerySchema } from "@/lib/schemas/notifications";
import { apiRoute } from "@/lib/server/api-route";
import { parse } from "@/lib/server/kit";
import { listNotifications } from "@/lib/server/notification-inbox";

// GET /api/v1/notifications?filter=all|unread&page= — the caller's own inbox.
export const GET = apiRoute({ permission: operations.listNotifications.permission }, async ({ request, scope }) => {
  return NextResponse.json(await listNotifications(prisma, scope, parse(notificationListApiQuerySchema, Object.fromEntries(request.nextUrl.searchParams))));
});
