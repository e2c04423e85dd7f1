import { Inbox } from "lucide-react";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Card, EmptyState } from "@/components/ui/card";
import type { Waiting } from "@/lib/server/dashboard";

/** 待审: applications waiting at each stage and self-registrations waiting for endorsement, each a link to the filtered list. */
export async function WaitingPanel({ waiting }: { waiting: Waiting }) {
  const [t, tStage] = await Promise.all([getTranslations("dashboard.waiting"), getTranslations("stage")]);
  const items = [
    ...waiting.byStage.map((w) => ({ key: w.stage, label: t("atStage", { stage: tStage(w.stage) }), count: w.count, href: `/applications?status=IN_PROGRESS&stage=${w.stage}` })),
    ...(waiting.pendingEndorsement > 0 ? [{ key: "endorse", label: t("pendingEndorsement"), count: waiting.pendingEndorsement, href: "/applications?status=PENDING_ENDORSEMENT" }] : []),
  ];
  return (
    <Card title={t("title")}>
      {items.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4" aria-label={t("title")}>
          {items.map((item) => (
            <li key={item.key}>
              <Link href={item.href} className="flex items-center justify-between gap-3 rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-amber-900 hover:bg-amber-100">
                <span className="flex min-w-0 items-center gap-2 text-sm font-medium">
                  <Inbox aria-hidden className="h-4 w-4 shrink-0" />
                  {item.label}
                </span>
                <span className="text-2xl font-semibold tabular-nums" aria-label={t("count", { count: item.count })}>
                  {item.count}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
