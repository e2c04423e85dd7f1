import { Bell } from "lucide-react";
import { getTranslations } from "next-intl/server";
import Link from "next/link";

/** The header's bell: the user's unread count (counted by the layout) and the way to the inbox. */
export async function NotificationBell({ count }: { count: number }) {
  const t = await getTranslations("notifications.bell");
  const label = count > 0 ? t("label", { count }) : t("labelNone");
  return (
    <Link href="/notifications" aria-label={label} title={label} className="relative inline-flex items-center rounded-md p-1.5 text-slate-600 hover:bg-slate-100">
      <Bell aria-hidden className="h-5 w-5" />
      {count > 0 ? (
        <span aria-hidden className="absolute right-0.5 top-0.5 min-w-4 rounded-full bg-red-600 px-1 text-center text-[10px] font-semibold leading-4 text-white tabular-nums">
          {count > 99 ? "99+" : count}
        </span>
      ) : null}
    </Link>
  );
}
