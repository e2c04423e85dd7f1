import { describe, expect, it } from "vitest";
import { correctionFlags } from "@/lib/domain/decision-history";
import type { StageKind } from "@/lib/generated/prisma/enums";

const order: StageKind[] = ["REGISTRATION", "PRELIMINARY_REVIEW", "PHYSICAL_EXAM", "INSPECTION_SHORTLIST", "INSPECTION", "REPORT_LIST", "APPROVAL"];

describe("correctionFlags", () => {
  it("marks nothing in a straight round", () => {
    const steps = order.map((stage) => ({ stage, outcome: "PASS" as const, reason: null }));
    expect(correctionFlags(order, steps)).toEqual(order.map(() => false));
  });

  it("marks a decision on a rejected application as a correction, and what follows the reinstatement not", () => {
    const flags = correctionFlags(order, [
      { stage: "REGISTRATION", outcome: "PASS", reason: null },
      { stage: "PRELIMINARY_REVIEW", outcome: "FAIL", reason: "学历不符" },
      { stage: "PRELIMINARY_REVIEW", outcome: "PASS", reason: "学历证明补交，更正" },
      { stage: "PHYSICAL_EXAM", outcome: "PASS", reason: null },
    ]);
    expect(flags).toEqual([false, false, true, false]);
  });

  it("marks a change of how it ended (withdrawn after rejection) and a decision after approval", () => {
    expect(
      correctionFlags(order, [
        { stage: "REGISTRATION", outcome: "WITHDRAW", reason: "本人原因" },
        { stage: "REGISTRATION", outcome: "FAIL", reason: "改记为未通过" },
      ]),
    ).toEqual([false, true]);
    const approved = order.map((stage) => ({ stage, outcome: "PASS" as const, reason: null }));
    expect(correctionFlags(order, [...approved, { stage: "APPROVAL", outcome: "WITHDRAW", reason: "放弃" }]).at(-1)).toBe(true);
  });

  it("a unit's refusal to endorse a self-registration ends it at registration", () => {
    expect(correctionFlags(order, [{ stage: "REGISTRATION", outcome: "FAIL", reason: "科室人手不足" }])).toEqual([false]);
  });
});
