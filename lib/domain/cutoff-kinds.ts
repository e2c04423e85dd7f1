// The cut-off dates a programme may name, and which one each dated condition counts to. The codes
// are stored (rules and imports refer to them) but never shown: the interface names a cut-off in
// words and offers them from a list. Pure: no I/O.
import type { RuleLeafKind } from "../schemas/eligibility";

/** Known cut-offs (catalogue programsAdmin.cutoffKind.*); any other is OTHER_<n>, named by its label. */
export const CUTOFF_CODES = ["AGE", "TITLE_TENURE", "HIRE"] as const;
export type CutoffCode = (typeof CUTOFF_CODES)[number];

const CUTOFF_OF_LEAF: Partial<Record<RuleLeafKind, CutoffCode>> = {
  ageAtMost: "AGE",
  titleHeldYears: "TITLE_TENURE",
  hiredWithinYears: "HIRE",
};

export function isKnownCutoff(code: string): code is CutoffCode {
  return (CUTOFF_CODES as readonly string[]).includes(code);
}

/**
 * The date a new condition of this kind counts to: the programme's own cut-off for that kind (an age
 * condition takes the age cut-off, not the tenure one), else the only cut-off there is, else none.
 */
export function defaultCutoffDate(kind: RuleLeafKind, cutoffs: readonly { code: string; date: string }[]): string {
  const wanted = CUTOFF_OF_LEAF[kind];
  if (!wanted) return "";
  const own = cutoffs.find((c) => c.code === wanted);
  if (own) return own.date;
  return cutoffs.length === 1 ? cutoffs[0]!.date : "";
}

/** A code for a further cut-off the user names in words: OTHER_1, OTHER_2 … not yet used. */
export function nextOtherCode(used: readonly string[]): string {
  for (let n = 1; ; n++) if (!used.includes(`OTHER_${n}`)) return `OTHER_${n}`;
}
