import "server-only";
import { authorize, type Scope } from "../auth/policy";
import { AppError } from "../errors";
import type { PrismaClient } from "../generated/prisma/client";
import { pageArgs, toPage, type Page } from "../schemas/list-query";
import { markNotificationReadSchema, notificationListQuerySchema } from "../schemas/notifications";
import { parse } from "./kit";

// The signed-in user's inbox. Every query is keyed on the caller's own user id (never on an id the
// client sends alone), so nobody reads or marks another's notifications. Marking read is not
// audited: it changes nothing but the reader's own view, and readAt itself records when.

const inboxSelect = { id: true, kind: true, title: true, body: true, link: true, readAt: true, createdAt: true } as const;

export interface InboxItem {
  id: string;
  kind: string;
  title: string;
  body: string;
  /** An in-app path (starts with a single "/"), or null. */
  link: string | null;
  readAt: Date | null;
  createdAt: Date;
}

/** Only in-app paths are linked: a stored link that is not one is dropped rather than followed. */
function safeLink(link: string | null): string | null {
  return link && link.startsWith("/") && !link.startsWith("//") ? link : null;
}

/** The caller's notifications, newest first, all or unread only, paged in SQL. */
export async function listNotifications(db: PrismaClient, scope: Scope, raw: unknown): Promise<Page<InboxItem> & { unread: number }> {
  authorize(scope, "self.notifications");
  const query = parse(notificationListQuerySchema, raw ?? {});
  const userId = scope.user.id;
  const where = query.filter === "unread" ? { userId, readAt: null } : { userId };
  const [rows, total, unread] = await Promise.all([
    db.notification.findMany({ where, select: inboxSelect, orderBy: [{ createdAt: "desc" }, { id: "desc" }], ...pageArgs(query) }),
    db.notification.count({ where }),
    unreadCount(db, userId),
  ]);
  return { ...toPage(rows.map((r) => ({ ...r, link: safeLink(r.link) })), total, query), unread };
}

/** The bell's number: one count on the (userId, readAt) index. */
export function unreadCount(db: PrismaClient, userId: string): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}

/** Marks one of the caller's notifications read (again: no change). Another user's id is "not found". */
export async function markNotificationRead(db: PrismaClient, scope: Scope, raw: unknown, now: Date = new Date()): Promise<{ id: string }> {
  authorize(scope, "self.notifications");
  const { id } = parse(markNotificationReadSchema, raw);
  const userId = scope.user.id;
  const { count } = await db.notification.updateMany({ where: { id, userId, readAt: null }, data: { readAt: now } });
  if (count === 0 && !(await db.notification.findFirst({ where: { id, userId }, select: { id: true } }))) throw new AppError("notFound");
  return { id };
}

/** Marks every unread notification of the caller read; returns how many. */
export async function markAllNotificationsRead(db: PrismaClient, scope: Scope, now: Date = new Date()): Promise<{ count: number }> {
  authorize(scope, "self.notifications");
  return db.notification.updateMany({ where: { userId: scope.user.id, readAt: null }, data: { readAt: now } });
}
