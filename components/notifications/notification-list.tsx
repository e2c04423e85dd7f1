import clsx from "clsx";
import { getFormatter, getNow, getTranslations } from "next-intl/server";
import type { InboxItem } from "@/lib/server/notification-inbox";
import { MarkReadButton, OpenNotificationLink } from "./notification-actions";

/** The inbox's items: unread ones marked by a dot, a tint and words for screen readers. */
export async function NotificationList({ items }: { items: InboxItem[] }) {
  const [t, format, now] = await Promise.all([getTranslations("notifications.inbox"), getFormatter(), getNow()]);
  return (
    <ul className="divide-y divide-slate-100">
      {items.map((n) => {
        const unread = n.readAt === null;
        const absolute = format.dateTime(n.createdAt, { dateStyle: "medium", timeStyle: "short" });
        return (
          <li key={n.id} className={clsx("flex gap-3 px-1 py-4 sm:px-3", unread && "bg-brand-50/40")}>
            <span aria-hidden className={clsx("mt-1.5 h-2.5 w-2.5 shrink-0 rounded-full", unread ? "bg-brand-600" : "bg-transparent")} />
            <div className="flex min-w-0 flex-1 flex-col gap-1">
              <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
                <h3 className={clsx("text-sm text-slate-900", unread ? "font-semibold" : "font-medium")}>
                  <span className="sr-only">{unread ? t("unreadState") : t("readState")}: </span>
                  {n.title}
                </h3>
                <time dateTime={n.createdAt.toISOString()} title={absolute} className="text-xs text-slate-500 tabular-nums">
                  {t("receivedAt", { relative: format.relativeTime(n.createdAt, now), absolute })}
                </time>
              </div>
              <p className="break-words text-sm text-slate-700">{n.body}</p>
              {n.link || unread ? (
                <div className="mt-1 flex flex-wrap items-center gap-x-5 gap-y-1">
                  {n.link ? <OpenNotificationLink id={n.id} href={n.link} unread={unread} /> : null}
                  {unread ? <MarkReadButton id={n.id} title={n.title} /> : null}
                </div>
              ) : null}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
