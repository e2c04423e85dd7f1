import clsx from "clsx";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { MarkAllReadButton } from "@/components/notifications/notification-actions";
import { NotificationList } from "@/components/notifications/notification-list";
import { Card } from "@/components/ui/card";
import { ListEmpty } from "@/components/ui/list-empty";
import { Pagination } from "@/components/ui/pagination";
import { prisma } from "@/lib/db";
import { NOTIFICATION_FILTERS, notificationListQuerySchema } from "@/lib/schemas/notifications";
import { listNotifications } from "@/lib/server/notification-inbox";
import { requirePermission } from "@/lib/server/page-guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notifications.inbox");
  return { title: t("title") };
}

// The signed-in user's own notifications, newest first; "unread" narrows to those not yet read.
export default async function NotificationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { scope } = await requirePermission("self.notifications");
  const query = notificationListQuerySchema.parse(await searchParams);
  const [page, t] = await Promise.all([listNotifications(prisma, scope, query), getTranslations("notifications.inbox")]);
  const filtered = query.filter === "unread";

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold text-slate-900">{t("title")}</h1>
          <p className="mt-1 text-sm text-slate-600">
            {t("subtitle")} {t("unreadCount", { count: page.unread })}
          </p>
        </div>
        <MarkAllReadButton disabled={page.unread === 0} />
      </div>

      <Card>
        <nav aria-label={t("filterLabel")} className="mb-2 flex gap-2">
          {NOTIFICATION_FILTERS.map((f) => {
            const current = f === query.filter;
            return (
              <Link
                key={f}
                href={f === "all" ? "/notifications" : `/notifications?filter=${f}`}
                aria-current={current ? "page" : undefined}
                className={clsx(
                  "rounded-full px-3 py-1 text-sm font-medium",
                  current ? "bg-brand-600 text-white" : "border border-slate-300 bg-white text-slate-700 hover:bg-slate-50",
                )}
              >
                {f === "unread" ? `${t("unread")} (${page.unread})` : t("all")}
              </Link>
            );
          })}
        </nav>
        {page.total === 0 ? (
          <ListEmpty filtered={filtered} empty={t("empty")} emptyFiltered={t("emptyUnread")} clearHref="/notifications" clearLabel={t("showAll")} />
        ) : (
          <>
            <NotificationList items={page.rows} />
            <Pagination page={page.page} pageCount={page.pageCount} total={page.total} params={{ filter: filtered ? "unread" : undefined }} size={query.size} />
          </>
        )}
      </Card>
    </div>
  );
}
