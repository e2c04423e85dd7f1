import { describe, expect, it } from "vitest";
import { programPhase, type PhaseKey } from "@/lib/domain/program-phase";
import type { StageWindow } from "@/lib/domain/stage-window";
import type { ProgramStatus } from "@/lib/generated/prisma/enums";

// Seed 000's windows (Beijing = UTC+8): registration 11-08 00:00 → 11-11 12:00, review overlapping it
// until 11-12, the exam 11-12 → 11-14, approval until the new year.
const shanghai = (s: string) => new Date(`${s}:00+08:00`);
const registration: StageWindow = { kind: "REGISTRATION", sequence: 1, opensAt: shanghai("2013-11-08 00:00"), closesAt: shanghai("2013-11-11 12:00") };
const review: StageWindow = { kind: "PRELIMINARY_REVIEW", sequence: 2, opensAt: shanghai("2013-11-08 00:00"), closesAt: shanghai("2013-11-12 00:00") };
const exam: StageWindow = { kind: "PHYSICAL_EXAM", sequence: 3, opensAt: shanghai("2013-11-12 00:00"), closesAt: shanghai("2013-11-14 00:00") };
const approval: StageWindow = { kind: "APPROVAL", sequence: 7, opensAt: shanghai("2013-11-23 00:00"), closesAt: shanghai("2014-01-01 00:00") };
const stages = [registration, review, exam, approval];

const cases: [ProgramStatus, string, PhaseKey, string][] = [
  ["DRAFT", "2013-11-01 00:00", "draft", "stageOpens:REGISTRATION"],
  ["DRAFT", "2014-02-01 00:00", "draft", "allClosed"],
  ["OPEN", "2013-11-07 23:59", "registrationUpcoming", "stageOpens:REGISTRATION"],
  ["OPEN", "2013-11-08 00:00", "registrationOpen", "stageOpen:REGISTRATION"],
  ["OPEN", "2013-11-11 11:59", "registrationOpen", "stageOpen:REGISTRATION"],
  // The demo's case: still OPEN after registration closed, while the review runs — not 报名中.
  ["OPEN", "2013-11-11 12:00", "registrationClosed", "stageOpen:PRELIMINARY_REVIEW"],
  ["OPEN", "2013-11-18 12:00", "registrationClosed", "stageOpens:APPROVAL"],
  ["OPEN", "2014-01-01 00:00", "vettingOverdue", "allClosed"],
  ["VETTING", "2013-11-12 08:00", "vetting", "stageOpen:PHYSICAL_EXAM"],
  ["VETTING", "2013-12-31 23:59", "vetting", "stageOpen:APPROVAL"],
  ["VETTING", "2014-01-01 00:00", "vettingOverdue", "allClosed"],
  ["DISPATCHING", "2013-11-12 08:00", "dispatching", "none"],
  ["IN_SERVICE", "2015-01-01 00:00", "inService", "none"],
  ["CLOSED", "2013-11-09 00:00", "closed", "none"],
];

function describeDetail(detail: ReturnType<typeof programPhase>["detail"]): string {
  return "stage" in detail ? `${detail.kind}:${detail.stage.kind}` : detail.kind;
}

describe("programPhase: status and timeline read together", () => {
  it.each(cases)("%s at %s is %s (%s)", (status, at, key, detail) => {
    const phase = programPhase(status, stages, shanghai(at));
    expect(phase.key).toBe(key);
    expect(describeDetail(phase.detail)).toBe(detail);
  });

  it("does not depend on the order the stages are given in", () => {
    expect(programPhase("OPEN", [...stages].reverse(), shanghai("2013-11-09 00:00")).key).toBe("registrationOpen");
  });

  it("says when a programme has no timeline", () => {
    expect(programPhase("DRAFT", [], shanghai("2013-11-09 00:00"))).toMatchObject({ key: "draft", detail: { kind: "noStages" } });
    expect(programPhase("VETTING", [], shanghai("2013-11-09 00:00"))).toMatchObject({ key: "vetting", detail: { kind: "noStages" } });
  });

  it("gives every phase a tone for its badge", () => {
    for (const [status, at] of cases) expect(["neutral", "info", "warning", "success"]).toContain(programPhase(status, stages, shanghai(at)).tone);
  });
});
