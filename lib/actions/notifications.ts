"use server";

import { revalidatePath } from "next/cache";
import { prisma } from "@/lib/db";
import { markNotificationReadSchema } from "@/lib/schemas/notifications";
import { authedAction } from "@/lib/server/action-client";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/server/notification-inbox";

// Thin wrappers over lib/server/notification-inbox.ts: the caller's own notifications only.

export const markNotificationReadAction = authedAction
  .metadata({ actionName: "markNotificationRead", permission: "self.notifications" })
  .inputSchema(markNotificationReadSchema)
  .action(async ({ clientInput, ctx }) => {
    const result = await markNotificationRead(prisma, ctx.scope, clientInput);
    revalidatePath("/notifications");
    return result;
  });

export const markAllNotificationsReadAction = authedAction
  .metadata({ actionName: "markAllNotificationsRead", permission: "self.notifications" })
  .action(async ({ ctx }) => {
    const result = await markAllNotificationsRead(prisma, ctx.scope);
    revalidatePath("/notifications");
    return result;
  });
