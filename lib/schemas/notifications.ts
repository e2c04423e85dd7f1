import { z } from "zod";
import { listQuerySchema, strictPageFields } from "./list-query";

// The inbox's query (from the URL) and the mark-read input. A user only ever reads and marks their own.
export const NOTIFICATION_FILTERS = ["all", "unread"] as const;

export const notificationListQuerySchema = listQuerySchema.pick({ page: true, size: true }).extend({
  filter: z.enum(NOTIFICATION_FILTERS).catch("all").default("all"),
});
/** GET /api/v1/notifications: the same, a page or page size it does not know refused (422). */
export const notificationListApiQuerySchema = notificationListQuerySchema.extend(strictPageFields);

export type NotificationListQuery = z.infer<typeof notificationListQuerySchema>;

export const markNotificationReadSchema = z.object({ id: z.string().min(1).max(40) });
