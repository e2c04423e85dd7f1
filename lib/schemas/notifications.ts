import { z } from "zod";
import { listQuerySchema } from "./list-query";

// The inbox's query (from the URL) and the mark-read input. A user only ever reads and marks their own.
export const NOTIFICATION_FILTERS = ["all", "unread"] as const;

export const notificationListQuerySchema = listQuerySchema.pick({ page: true, size: true }).extend({
  filter: z.enum(NOTIFICATION_FILTERS).catch("all").default("all"),
});

export type NotificationListQuery = z.infer<typeof notificationListQuerySchema>;

export const markNotificationReadSchema = z.object({ id: z.string().min(1).max(40) });
