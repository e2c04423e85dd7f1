import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { Verdict } from "@/lib/domain/eligibility";

export const verdictTone = { ELIGIBLE: "success", INELIGIBLE: "danger", UNKNOWN: "warning" } as const;

/** 符合 / 不符合 / 待核实. */
export async function ScreeningVerdict({ verdict }: { verdict: Verdict }) {
  const t = await getTranslations("eligibility.verdict");
  return <Badge tone={verdictTone[verdict]}>{t(verdict)}</Badge>;
}
