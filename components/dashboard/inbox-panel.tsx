import { Icon } from "@/components/ui/icon";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { Card, EmptyState } from "@/components/ui/card";
import { deadlineFormat, inboxItemLabel, sinceFormat, type Translate } from "@/lib/inbox-labels";
import type { Inbox } from "@/lib/server/inbox";

/** 待办: what waits on the reader, the longest-waiting first, each counted and linked to where it is done; deadlines in Beijing time. */
export async function InboxPanel({ inbox }: { inbox: Inbox }) {
  const [t, tStage, format] = await Promise.all([getTranslations("inbox"), getTranslations("stage"), getFormatter()]);
  return (
    <Card title={t("title")} action={<span className="text-xs text-slate-500">{inbox.total > 0 ? t("total", { count: inbox.total }) : t("hint")}</span>}>
      {inbox.items.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100" aria-label={t("title")}>
          {inbox.items.map((item) => {
            const label = inboxItemLabel(t as unknown as Translate, (stage) => tStage(stage), item);
            return (
              <li key={item.key}>
                <Link href={item.href} className="flex items-center gap-3 rounded-md px-2 py-3 hover:bg-amber-50" aria-label={`${label}：${t("count", { count: item.count })}`}>
                  <Icon name="inbox" className="h-4 w-4 shrink-0 text-amber-600" />
                  <span className="min-w-0 flex-1">
                    <span className="block text-sm font-medium text-slate-900">{label}</span>
                    <span className="mt-0.5 flex flex-wrap gap-x-3 text-xs text-slate-500">
                      {item.since ? <time dateTime={item.since.toISOString()}>{t("since", { date: format.dateTime(item.since, sinceFormat) })}</time> : null}
                      {item.deadline ? (
                        <time dateTime={item.deadline.toISOString()} className="font-medium text-amber-800">
                          {t("deadline", { date: format.dateTime(item.deadline, deadlineFormat(item)) })}
                        </time>
                      ) : null}
                    </span>
                  </span>
                  <span className="text-2xl font-semibold tabular-nums text-amber-900">{item.count}</span>
                  <Icon name="chevron-right" className="h-4 w-4 shrink-0 text-slate-400" />
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
