// Pure rules of the programme-health report (issue 16). The counts come from SQL
// (lib/server/program-health.ts); these words say what they mean.
import type { StageKind } from "../generated/prisma/enums";

/** The stages whose ratio (1:3 shortlist, 1:2 report list) the report checks. */
export const RATIO_STAGES = ["INSPECTION_SHORTLIST", "REPORT_LIST"] as const satisfies readonly StageKind[];

/**
 * A post at a ratio stage: "over" when more passed than the cap allows (ratio × headcount; never
 * reachable through the app, so it flags data changed by hand), "full" at the cap, "under" below it
 * ("if fewer than 1:3, as many as there are": allowed, shown), "noCap" when the stage has no ratio.
 */
export type RatioStanding = "over" | "full" | "under" | "noCap";

export function ratioStanding(cap: number | null, passed: number): RatioStanding {
  if (cap === null) return "noCap";
  if (passed > cap) return "over";
  return passed === cap ? "full" : "under";
}

/** Who an application waits on: the nominating unit must endorse a self-registration (and decides at registration); at any vetting stage the programme's bureau decides. */
export type WaitingOn = "unit" | "bureau";

/** Days as shown (one decimal), from a number of seconds; null stays null (no data). */
export function secondsToDays(seconds: number | null): number | null {
  if (seconds === null || !Number.isFinite(seconds)) return null;
  return Math.round((seconds / 86_400) * 10) / 10;
}
