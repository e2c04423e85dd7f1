import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { ProgramPhase } from "@/lib/domain/program-phase";

// The programme's phase as every page shows it (lib/domain/program-phase.ts decides it): a badge in
// words and a detail line with the stage and its deadline in Beijing time.

/** "报名已截止", "审核中" …: the phase, never the bare status. */
export async function PhaseBadge({ phase }: { phase: ProgramPhase }) {
  const t = await getTranslations("programPhase");
  return (
    <span className="whitespace-nowrap">
      <Badge tone={phase.tone}>{t(`key.${phase.key}`)}</Badge>
    </span>
  );
}

/** "资格初审 · 截止 2013年11月12日 00:00", "各阶段均已截止" or nothing once selection is over. */
export async function PhaseDetailText({ phase }: { phase: ProgramPhase }) {
  const [t, tStage, format] = await Promise.all([getTranslations("programPhase"), getTranslations("stage"), getFormatter()]);
  const when = (d: Date) => format.dateTime(d, { year: "numeric", month: "long", day: "numeric", hour: "2-digit", minute: "2-digit" });
  const { detail } = phase;
  if (detail.kind === "stageOpen")
    return (
      <span>
        {tStage(detail.stage.kind)} <span className="text-slate-500">· {t("detail.closes", { date: when(detail.stage.closesAt) })}</span>
      </span>
    );
  if (detail.kind === "stageOpens")
    return (
      <span>
        {tStage(detail.stage.kind)} <span className="text-slate-500">· {t("detail.opens", { date: when(detail.stage.opensAt) })}</span>
      </span>
    );
  if (detail.kind === "allClosed") return <span className="text-slate-500">{t("detail.allClosed")}</span>;
  if (detail.kind === "noStages") return <span className="text-slate-500">{t("detail.noStages")}</span>;
  return <span className="text-slate-500">{t("detail.selectionOver")}</span>;
}
