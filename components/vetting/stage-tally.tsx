import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { StageKind } from "@/lib/generated/prisma/enums";
import type { StageTally } from "@/lib/domain/vetting";

/**
 * "Fewer than the ratio" for a stage the post's candidates have reached: the places the candidates
 * cannot fill ("不足1:3，差1人"). Shown, never blocking. Null when there is nothing to say.
 */
export function ShortfallBadge({ tally, ratio, stage, ended = 0 }: { tally: StageTally; ratio: number | null; stage: StageKind; ended?: number }) {
  const t = useTranslations("vetting");
  const reached = tally.waiting > 0 || tally.passed > 0 || ended > 0;
  if (tally.cap === null || tally.shortfall <= 0 || !reached) return null;
  return (
    <Badge tone="warning">
      {ratio && stage !== "APPROVAL" ? t("board.shortfall", { ratio, missing: tally.shortfall }) : t("board.shortfallHeadcount", { missing: tally.shortfall })}
    </Badge>
  );
}
