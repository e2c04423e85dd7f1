import Link from "next/link";
import { Icon } from "@/components/ui/icon";

/** The header's bell: the user's unread count (counted by the layout) and the way to the inbox; `label` says how many. */
export function NotificationBell({ count, label }: { count: number; label: string }) {
  return (
    <Link href="/notifications" aria-label={label} title={label} className="relative inline-flex items-center rounded-md p-1.5 text-slate-600 hover:bg-slate-100">
      <Icon name="bell" className="h-5 w-5" />
      {count > 0 ? (
        <span aria-hidden className="absolute right-0.5 top-0.5 min-w-4 rounded-full bg-red-600 px-1 text-center text-[10px] font-semibold leading-4 text-white tabular-nums">
          {count > 99 ? "99+" : count}
        </span>
      ) : null}
    </Link>
  );
}
