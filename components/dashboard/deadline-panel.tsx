import { Icon } from "@/components/ui/icon";
import { getFormatter, getNow, getTranslations } from "next-intl/server";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, EmptyState } from "@/components/ui/card";
import type { ApproachingDeadline } from "@/lib/server/approaching-deadlines";

/** Stages closing within 72 hours, soonest first, each with its programme and a way to act on it. */
export async function DeadlinePanel({ deadlines, forBureau }: { deadlines: ApproachingDeadline[]; forBureau: boolean }) {
  const [t, tStage, format, now] = await Promise.all([getTranslations("notifications.deadlines"), getTranslations("stage"), getFormatter(), getNow()]);
  const title = forBureau ? t("title") : t("registrationTitle");
  return (
    <Card title={title} action={<span className="text-xs text-slate-500">{t("hint")}</span>}>
      {deadlines.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100" aria-label={title}>
          {deadlines.map((d) => (
            <li key={`${d.programId}-${d.stage}`} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between sm:gap-4">
              <div className="flex min-w-0 items-start gap-3">
                <Icon name="clock" className="mt-0.5 h-4 w-4 shrink-0 text-amber-600" />
                <div className="min-w-0">
                  <p className="text-sm font-medium text-slate-900">
                    {tStage(d.stage)} <span className="font-normal text-slate-600">· {d.programName}</span>
                  </p>
                  <p className="mt-0.5 text-sm text-slate-600">
                    <time dateTime={d.closesAt.toISOString()} className="tabular-nums">
                      {t("closesAtValue", { date: format.dateTime(d.closesAt, { year: "numeric", month: "long", day: "numeric", hour: "2-digit", minute: "2-digit" }) })}
                    </time>{" "}
                    <Badge tone="warning">{format.relativeTime(d.closesAt, { now, unit: "hour" })}</Badge>
                    {d.reopened ? (
                      <>
                        {" "}
                        <Badge tone="info">{t("reopened")}</Badge>
                      </>
                    ) : null}
                  </p>
                </div>
              </div>
              <Link
                href={d.href}
                aria-label={forBureau ? t("openBoardFor", { program: d.programName }) : t("openProgramFor", { program: d.programName })}
                className="shrink-0 self-start pl-7 text-sm font-medium text-brand-700 hover:underline sm:self-center sm:pl-0"
              >
                {forBureau ? t("openBoard") : t("openProgram")}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
