import { getFormatter, getTranslations } from "next-intl/server";
import type { TimelinePosition } from "@/lib/domain/stage-window";

/** "报名推荐 · 截止 2013年11月11日 12:00": the current or next stage and its deadline, in Beijing time. */
export async function StagePosition({ position }: { position: TimelinePosition }) {
  const [t, tStage, format] = await Promise.all([getTranslations("programsAdmin"), getTranslations("stage"), getFormatter()]);
  const when = (d: Date) => format.dateTime(d, { year: "numeric", month: "long", day: "numeric", hour: "2-digit", minute: "2-digit" });
  if (position.state === "open") {
    return (
      <span>
        {tStage(position.stage.kind)} <span className="text-slate-500">· {t("position.closes", { date: when(position.stage.closesAt) })}</span>
      </span>
    );
  }
  if (position.state === "upcoming") {
    return (
      <span>
        {tStage(position.stage.kind)} <span className="text-slate-500">· {t("position.opens", { date: when(position.stage.opensAt) })}</span>
      </span>
    );
  }
  return <span className="text-slate-500">{position.stage ? t("position.finished", { stage: tStage(position.stage.kind) }) : t("position.noStages")}</span>;
}
