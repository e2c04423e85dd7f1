import clsx from "clsx";
import { useFormatter, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { approachingDeadlines } from "@/lib/domain/vetting";
import type { BoardStage } from "@/lib/server/vetting";
import { shanghaiInstant } from "./format";

const HORIZON_HOURS = 72;

/** The programme's stages with their windows in Beijing time: the open one highlighted, those closing within 72 h flagged. */
export function StageDeadlines({ stages, now }: { stages: BoardStage[]; now: Date }) {
  const t = useTranslations("vetting");
  const tStage = useTranslations("stage");
  const format = useFormatter();
  const soon = new Set(approachingDeadlines(stages, now, HORIZON_HOURS).map((s) => s.kind));
  const state = (s: BoardStage) => {
    if (now < s.opensAt) return <Badge>{t("deadlines.upcoming")}</Badge>;
    if (now >= s.closesAt) return <Badge>{t("deadlines.closed")}</Badge>;
    return (
      <span className="flex flex-wrap gap-1">
        <Badge tone="info">{t("deadlines.openNow")}</Badge>
        {soon.has(s.kind) ? <Badge tone="warning">{t("deadlines.closingSoon")}</Badge> : null}
      </span>
    );
  };
  return (
    <ol className="flex flex-col gap-1" aria-label={t("deadlines.caption")}>
      {stages.map((s) => {
        const open = now >= s.opensAt && now < s.closesAt;
        return (
          <li key={s.kind} className={clsx("flex flex-col gap-1 rounded-md px-3 py-2 text-sm sm:flex-row sm:items-center sm:justify-between", open ? "bg-brand-50 ring-1 ring-inset ring-brand-100" : "")}>
            <span className="font-medium text-slate-800">
              {tStage(s.kind)}
              {s.ratio ? <span className="ml-2 text-xs font-normal text-slate-500">{t("deadlines.ratio", { ratio: s.ratio })}</span> : null}
            </span>
            <span className="flex flex-wrap items-center gap-2 text-slate-600">
              <span className="tabular-nums">
                <time dateTime={s.opensAt.toISOString()}>{format.dateTime(s.opensAt, shanghaiInstant)}</time>
                {" — "}
                <time dateTime={s.closesAt.toISOString()}>{format.dateTime(s.closesAt, shanghaiInstant)}</time>
              </span>
              {state(s)}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
