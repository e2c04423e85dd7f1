// The vetting pipeline's pure rules (lib/domain/vetting.ts): stage order, ratio caps and shortfalls,
// what each decision does to an application (corrections included), deadlines read across time
// zones (users are in Asia/Shanghai, instants are UTC), and nomination quotas.
import { describe, expect, it } from "vitest";
import { fromShanghaiWallClock } from "@/lib/domain/program-timeline";
import {
  applyDecision,
  approachingDeadlines,
  capExceeded,
  countsTowardsQuota,
  effectiveClosesAt,
  firstVettingStage,
  hasPassed,
  nextStage,
  quotaState,
  stageCap,
  stageOrder,
  stagesAfter,
  submissionRefusal,
  tallyStage,
  type ApplicationState,
} from "@/lib/domain/vetting";
import type { ApplicationStatus, DecisionOutcome, StageKind } from "@/lib/generated/prisma/enums";

const at = (wallClock: string) => {
  const instant = fromShanghaiWallClock(wallClock);
  if (!instant) throw new Error(`bad wall-clock ${wallClock}`);
  return instant;
};

// Seed 000's stages, given out of order on purpose (the sequence decides).
const SEED_000 = [
  { kind: "APPROVAL", sequence: 7, ratio: null },
  { kind: "REGISTRATION", sequence: 1, ratio: null },
  { kind: "INSPECTION_SHORTLIST", sequence: 4, ratio: 3 },
  { kind: "PRELIMINARY_REVIEW", sequence: 2, ratio: null },
  { kind: "REPORT_LIST", sequence: 6, ratio: 2 },
  { kind: "PHYSICAL_EXAM", sequence: 3, ratio: null },
  { kind: "INSPECTION", sequence: 5, ratio: null },
] as const;
const SEVEN: StageKind[] = ["REGISTRATION", "PRELIMINARY_REVIEW", "PHYSICAL_EXAM", "INSPECTION_SHORTLIST", "INSPECTION", "REPORT_LIST", "APPROVAL"];
// Seed 001's shorter programme.
const SHORT: StageKind[] = ["REGISTRATION", "PRELIMINARY_REVIEW", "APPROVAL"];

const app = (status: ApplicationStatus, currentStage: StageKind): ApplicationState => ({ status, currentStage });

describe("stage order", () => {
  it("sorts seed 000's seven stages by sequence", () => {
    expect(stageOrder(SEED_000)).toEqual(SEVEN);
  });

  it("gives the next stage, and null after the last", () => {
    expect(SEVEN.map((s) => nextStage(SEVEN, s))).toEqual([...SEVEN.slice(1), null]);
    expect(nextStage(SHORT, "REGISTRATION")).toBe("PRELIMINARY_REVIEW");
    expect(nextStage(SHORT, "PRELIMINARY_REVIEW")).toBe("APPROVAL");
    expect(nextStage(SHORT, "APPROVAL")).toBeNull();
  });

  it("refuses a stage the programme does not have", () => {
    expect(() => nextStage(SHORT, "PHYSICAL_EXAM")).toThrow(/not in the programme/);
  });

  it("starts vetting after registration", () => {
    expect(firstVettingStage(SEVEN)).toBe("PRELIMINARY_REVIEW");
    expect(firstVettingStage(SHORT)).toBe("PRELIMINARY_REVIEW");
    expect(firstVettingStage(["PRELIMINARY_REVIEW", "APPROVAL"])).toBe("PRELIMINARY_REVIEW");
    expect(firstVettingStage(["REGISTRATION"])).toBe("REGISTRATION");
    expect(() => firstVettingStage([])).toThrow();
  });
});

describe("hasPassed", () => {
  it("counts applications beyond the stage that are still in the running", () => {
    expect(hasPassed(SEVEN, app("IN_PROGRESS", "INSPECTION"), "INSPECTION_SHORTLIST")).toBe(true);
    expect(hasPassed(SEVEN, app("IN_PROGRESS", "INSPECTION_SHORTLIST"), "INSPECTION_SHORTLIST")).toBe(false);
    expect(hasPassed(SEVEN, app("IN_PROGRESS", "PHYSICAL_EXAM"), "INSPECTION_SHORTLIST")).toBe(false);
    expect(hasPassed(SEVEN, app("APPROVED", "APPROVAL"), "APPROVAL")).toBe(true);
    expect(hasPassed(SEVEN, app("APPROVED", "APPROVAL"), "INSPECTION_SHORTLIST")).toBe(true);
  });

  it("does not count ended or unendorsed applications, even past the stage", () => {
    expect(hasPassed(SEVEN, app("REJECTED", "REPORT_LIST"), "INSPECTION_SHORTLIST")).toBe(false);
    expect(hasPassed(SEVEN, app("WITHDRAWN", "APPROVAL"), "INSPECTION_SHORTLIST")).toBe(false);
    expect(hasPassed(SEVEN, app("PENDING_ENDORSEMENT", "REGISTRATION"), "REGISTRATION")).toBe(false);
  });

  it("works on the shorter programme", () => {
    expect(hasPassed(SHORT, app("IN_PROGRESS", "APPROVAL"), "PRELIMINARY_REVIEW")).toBe(true);
    expect(hasPassed(SHORT, app("IN_PROGRESS", "PRELIMINARY_REVIEW"), "PRELIMINARY_REVIEW")).toBe(false);
  });
});

describe("ratio caps", () => {
  it("is ratio × headcount at the shortlist (1:3) and the report list (1:2)", () => {
    expect(stageCap({ kind: "INSPECTION_SHORTLIST", ratio: 3 }, 1)).toBe(3);
    expect(stageCap({ kind: "INSPECTION_SHORTLIST", ratio: 3 }, 2)).toBe(6);
    expect(stageCap({ kind: "REPORT_LIST", ratio: 2 }, 1)).toBe(2);
    expect(stageCap({ kind: "REPORT_LIST", ratio: 2 }, 3)).toBe(6);
  });

  it("is the headcount at approval, whatever the ratio says", () => {
    expect(stageCap({ kind: "APPROVAL", ratio: null }, 1)).toBe(1);
    expect(stageCap({ kind: "APPROVAL", ratio: null }, 2)).toBe(2);
    expect(stageCap({ kind: "APPROVAL", ratio: 3 }, 2)).toBe(2);
  });

  it("is no limit at a stage without a ratio", () => {
    expect(stageCap({ kind: "PHYSICAL_EXAM", ratio: null }, 1)).toBeNull();
    expect(stageCap({ kind: "PRELIMINARY_REVIEW", ratio: null }, 5)).toBeNull();
  });

  it("shows a shortfall when fewer than 1:3 are there, without blocking", () => {
    // Headcount 1 at 1:3; two candidates passed the exam, one of them already shortlisted.
    const tally = tallyStage(3, 1, 1);
    expect(tally).toEqual({ waiting: 1, passed: 1, cap: 3, remaining: 2, shortfall: 1 });
    expect(capExceeded(tally.cap, tally.passed, tally.waiting)).toBeNull();
    // Nobody left waiting: the two shortlisted are as many as there are.
    expect(tallyStage(3, 0, 2)).toEqual({ waiting: 0, passed: 2, cap: 3, remaining: 1, shortfall: 1 });
  });

  it("shows no shortfall while candidates at earlier stages could still fill the places", () => {
    // Two shortlisted, three still at the exam: the third place may yet be filled.
    expect(tallyStage(3, 0, 2, 3)).toMatchObject({ remaining: 1, shortfall: 0 });
    // One left at the exam: the places short are those even all of them could not fill.
    expect(tallyStage(3, 0, 1, 1)).toMatchObject({ shortfall: 1 });
    expect(tallyStage(null, 0, 0, 5)).toMatchObject({ shortfall: 0 });
  });

  it("shows no shortfall when the places are filled or can be", () => {
    expect(tallyStage(3, 4, 0)).toMatchObject({ remaining: 3, shortfall: 0 });
    expect(tallyStage(3, 0, 3)).toMatchObject({ remaining: 0, shortfall: 0 });
    expect(tallyStage(null, 7, 2)).toEqual({ waiting: 7, passed: 2, cap: null, remaining: null, shortfall: 0 });
  });

  it("refuses only what goes beyond the cap, counting those already through", () => {
    expect(capExceeded(3, 0, 3)).toBeNull();
    expect(capExceeded(3, 0, 4)).toEqual({ cap: 3, passed: 0 });
    expect(capExceeded(3, 2, 1)).toBeNull();
    expect(capExceeded(3, 2, 2)).toEqual({ cap: 3, passed: 2 });
    expect(capExceeded(1, 1, 1)).toEqual({ cap: 1, passed: 1 });
    expect(capExceeded(null, 100, 100)).toBeNull();
  });
});

describe("applyDecision", () => {
  const REASON = "体检不合格";

  it("moves a pass on to the next stage, and approves at the last", () => {
    expect(applyDecision(SEVEN, app("IN_PROGRESS", "PRELIMINARY_REVIEW"), "PRELIMINARY_REVIEW", "PASS", null)).toEqual({
      ok: true,
      status: "IN_PROGRESS",
      currentStage: "PHYSICAL_EXAM",
      isCorrection: false,
    });
    expect(applyDecision(SEVEN, app("IN_PROGRESS", "REPORT_LIST"), "REPORT_LIST", "PASS", null)).toMatchObject({ ok: true, status: "IN_PROGRESS", currentStage: "APPROVAL" });
    expect(applyDecision(SEVEN, app("IN_PROGRESS", "APPROVAL"), "APPROVAL", "PASS", null)).toEqual({ ok: true, status: "APPROVED", currentStage: "APPROVAL", isCorrection: false });
    expect(applyDecision(SHORT, app("IN_PROGRESS", "PRELIMINARY_REVIEW"), "PRELIMINARY_REVIEW", "PASS", null)).toMatchObject({ ok: true, status: "IN_PROGRESS", currentStage: "APPROVAL" });
    expect(applyDecision(SHORT, app("IN_PROGRESS", "APPROVAL"), "APPROVAL", "PASS", "")).toMatchObject({ ok: true, status: "APPROVED", currentStage: "APPROVAL" });
  });

  it("ends an application where the fail or withdrawal happens, with a reason", () => {
    expect(applyDecision(SEVEN, app("IN_PROGRESS", "PHYSICAL_EXAM"), "PHYSICAL_EXAM", "FAIL", REASON)).toEqual({ ok: true, status: "REJECTED", currentStage: "PHYSICAL_EXAM", isCorrection: false });
    expect(applyDecision(SEVEN, app("IN_PROGRESS", "INSPECTION"), "INSPECTION", "WITHDRAW", "本人放弃")).toEqual({ ok: true, status: "WITHDRAWN", currentStage: "INSPECTION", isCorrection: false });
  });

  it("requires a written reason to fail or withdraw (blank does not count)", () => {
    for (const outcome of ["FAIL", "WITHDRAW"] as const) {
      for (const reason of [null, "", "   "]) {
        expect(applyDecision(SEVEN, app("IN_PROGRESS", "PHYSICAL_EXAM"), "PHYSICAL_EXAM", outcome, reason)).toEqual({ ok: false, refusal: "reasonRequired" });
      }
    }
  });

  it("refuses a decision at another stage than the application's", () => {
    expect(applyDecision(SEVEN, app("IN_PROGRESS", "PHYSICAL_EXAM"), "INSPECTION_SHORTLIST", "PASS", null)).toEqual({ ok: false, refusal: "wrongStage" });
    expect(applyDecision(SEVEN, app("IN_PROGRESS", "INSPECTION"), "PHYSICAL_EXAM", "FAIL", REASON)).toEqual({ ok: false, refusal: "wrongStage" });
    expect(applyDecision(SEVEN, app("REJECTED", "PHYSICAL_EXAM"), "INSPECTION", "PASS", "复核")).toEqual({ ok: false, refusal: "wrongStage" });
  });

  it("refuses any decision on a self-registration the unit has not endorsed", () => {
    for (const outcome of ["PASS", "FAIL", "WITHDRAW"] as const) {
      expect(applyDecision(SEVEN, app("PENDING_ENDORSEMENT", "REGISTRATION"), "REGISTRATION", outcome, REASON)).toEqual({ ok: false, refusal: "awaitingEndorsement" });
    }
  });

  describe("corrections on closed applications", () => {
    it("reinstates a rejected application with a pass and a reason, moving it on", () => {
      expect(applyDecision(SEVEN, app("REJECTED", "PHYSICAL_EXAM"), "PHYSICAL_EXAM", "PASS", "复检合格")).toEqual({
        ok: true,
        status: "IN_PROGRESS",
        currentStage: "INSPECTION_SHORTLIST",
        isCorrection: true,
      });
      expect(applyDecision(SEVEN, app("WITHDRAWN", "APPROVAL"), "APPROVAL", "PASS", "撤回申请作废")).toEqual({ ok: true, status: "APPROVED", currentStage: "APPROVAL", isCorrection: true });
    });

    it("changes how it ended: rejected ↔ withdrawn, approved → rejected or withdrawn", () => {
      expect(applyDecision(SEVEN, app("REJECTED", "INSPECTION"), "INSPECTION", "WITHDRAW", "实为本人放弃")).toEqual({ ok: true, status: "WITHDRAWN", currentStage: "INSPECTION", isCorrection: true });
      expect(applyDecision(SEVEN, app("WITHDRAWN", "INSPECTION"), "INSPECTION", "FAIL", "考察不合格")).toEqual({ ok: true, status: "REJECTED", currentStage: "INSPECTION", isCorrection: true });
      expect(applyDecision(SEVEN, app("APPROVED", "APPROVAL"), "APPROVAL", "FAIL", "公示期内查实问题")).toEqual({ ok: true, status: "REJECTED", currentStage: "APPROVAL", isCorrection: true });
      expect(applyDecision(SEVEN, app("APPROVED", "APPROVAL"), "APPROVAL", "WITHDRAW", "本人放弃")).toEqual({ ok: true, status: "WITHDRAWN", currentStage: "APPROVAL", isCorrection: true });
    });

    it("needs a reason, even to reinstate", () => {
      const ends = { REJECTED: "FAIL", WITHDRAWN: "WITHDRAW", APPROVED: "PASS" } as const;
      for (const status of ["REJECTED", "WITHDRAWN", "APPROVED"] as const) {
        for (const outcome of ["PASS", "FAIL", "WITHDRAW"] as const) {
          // The outcome it already ended with is "nothing to correct" (a second officer's late click), reason or not.
          const expected = outcome === ends[status] ? "nothingToCorrect" : "reasonRequired";
          expect(applyDecision(SEVEN, app(status, "APPROVAL"), "APPROVAL", outcome, " ")).toEqual({ ok: false, refusal: expected });
        }
      }
    });

    it("refuses a correction that changes nothing", () => {
      expect(applyDecision(SEVEN, app("REJECTED", "PHYSICAL_EXAM"), "PHYSICAL_EXAM", "FAIL", "再次")).toEqual({ ok: false, refusal: "nothingToCorrect" });
      expect(applyDecision(SEVEN, app("WITHDRAWN", "PHYSICAL_EXAM"), "PHYSICAL_EXAM", "WITHDRAW", "再次")).toEqual({ ok: false, refusal: "nothingToCorrect" });
      expect(applyDecision(SEVEN, app("APPROVED", "APPROVAL"), "APPROVAL", "PASS", "再次")).toEqual({ ok: false, refusal: "nothingToCorrect" });
    });
  });

  it("has an answer for every status × outcome", () => {
    const expected: Record<ApplicationStatus, Record<DecisionOutcome, string>> = {
      PENDING_ENDORSEMENT: { PASS: "awaitingEndorsement", FAIL: "awaitingEndorsement", WITHDRAW: "awaitingEndorsement" },
      IN_PROGRESS: { PASS: "IN_PROGRESS@INSPECTION", FAIL: "REJECTED@INSPECTION_SHORTLIST", WITHDRAW: "WITHDRAWN@INSPECTION_SHORTLIST" },
      APPROVED: { PASS: "nothingToCorrect", FAIL: "REJECTED@INSPECTION_SHORTLIST", WITHDRAW: "WITHDRAWN@INSPECTION_SHORTLIST" },
      REJECTED: { PASS: "IN_PROGRESS@INSPECTION", FAIL: "nothingToCorrect", WITHDRAW: "WITHDRAWN@INSPECTION_SHORTLIST" },
      WITHDRAWN: { PASS: "IN_PROGRESS@INSPECTION", FAIL: "REJECTED@INSPECTION_SHORTLIST", WITHDRAW: "nothingToCorrect" },
    };
    for (const [status, byOutcome] of Object.entries(expected) as [ApplicationStatus, Record<DecisionOutcome, string>][]) {
      const stage: StageKind = status === "PENDING_ENDORSEMENT" ? "REGISTRATION" : "INSPECTION_SHORTLIST";
      for (const [outcome, want] of Object.entries(byOutcome) as [DecisionOutcome, string][]) {
        const r = applyDecision(SEVEN, app(status, stage), stage, outcome, "说明");
        expect(r.ok ? `${r.status}@${r.currentStage}` : r.refusal, `${status} × ${outcome}`).toBe(want);
      }
    }
  });
});

describe("deadlines across time zones", () => {
  // Seed 000: registration from 8 Nov 00:00 until 11 Nov 12:00 Beijing time (closesAt exclusive).
  const registration = { opensAt: at("2013-11-08 00:00"), closesAt: at("2013-11-11 12:00") };

  it("reads 11 Nov 12:00 in Shanghai as 04:00 UTC", () => {
    expect(registration.closesAt.toISOString()).toBe("2013-11-11T04:00:00.000Z");
    expect(registration.opensAt.toISOString()).toBe("2013-11-07T16:00:00.000Z");
  });

  it("takes a submission until 11:59:59 in Shanghai and refuses it from 12:00:00", () => {
    expect(submissionRefusal(registration, [], new Date("2013-11-11T11:59:59+08:00"))).toBeNull();
    expect(submissionRefusal(registration, [], new Date("2013-11-11T11:59:59.999+08:00"))).toBeNull();
    expect(submissionRefusal(registration, [], new Date("2013-11-11T12:00:00+08:00"))).toBe("closed");
    expect(submissionRefusal(registration, [], new Date("2013-11-11T03:59:00Z"))).toBeNull();
    expect(submissionRefusal(registration, [], new Date("2013-11-11T04:00:00Z"))).toBe("closed");
  });

  it("judges an instant written in another zone by the instant, not the wall-clock", () => {
    // 10 Nov 23:00 in New York (UTC-5) = 11 Nov 04:00 UTC = 12:00 in Shanghai: too late.
    expect(submissionRefusal(registration, [], new Date("2013-11-10T23:00:00-05:00"))).toBe("closed");
    expect(submissionRefusal(registration, [], new Date("2013-11-10T22:59:59-05:00"))).toBeNull();
    // 11 Nov 05:00 in London is 13:00 in Shanghai; 11 Nov 11:30 in Urumqi-by-Xinjiang-time (UTC+6) is 13:30 in Shanghai.
    expect(submissionRefusal(registration, [], new Date("2013-11-11T05:00:00+00:00"))).toBe("closed");
    expect(submissionRefusal(registration, [], new Date("2013-11-11T11:30:00+06:00"))).toBe("closed");
    expect(submissionRefusal(registration, [], new Date("2013-11-11T09:59:00+06:00"))).toBeNull();
  });

  it("is not yet open before 8 Nov 00:00 in Shanghai (7 Nov 16:00 UTC)", () => {
    expect(submissionRefusal(registration, [], new Date("2013-11-07T15:59:59Z"))).toBe("notYetOpen");
    expect(submissionRefusal(registration, [], new Date("2013-11-07T23:59:59+08:00"))).toBe("notYetOpen");
    expect(submissionRefusal(registration, [], new Date("2013-11-07T16:00:00Z"))).toBeNull();
    // A reopening does not open a window early.
    expect(submissionRefusal(registration, [at("2013-11-12 18:00")], new Date("2013-11-07T15:00:00Z"))).toBe("notYetOpen");
  });

  it("lets a reopening extend the unit's deadline, never shorten it", () => {
    const later = at("2013-11-12 18:00");
    const earlier = at("2013-11-10 12:00");
    expect(effectiveClosesAt(registration, [])).toEqual(registration.closesAt);
    expect(effectiveClosesAt(registration, [later])).toEqual(later);
    expect(effectiveClosesAt(registration, [earlier])).toEqual(registration.closesAt);
    expect(effectiveClosesAt(registration, [earlier, later, at("2013-11-12 09:00")])).toEqual(later);
    expect(submissionRefusal(registration, [earlier], new Date("2013-11-11T03:00:00Z"))).toBeNull();
    expect(submissionRefusal(registration, [later], new Date("2013-11-12T17:59:00+08:00"))).toBeNull();
    expect(submissionRefusal(registration, [later], new Date("2013-11-12T10:00:00Z"))).toBe("closed");
  });

  it("lists the stages closing within the horizon, soonest first", () => {
    const stages = [
      { kind: "PHYSICAL_EXAM", opensAt: at("2013-11-12 00:00"), closesAt: at("2013-11-14 00:00") },
      { kind: "REGISTRATION", ...registration },
      { kind: "PRELIMINARY_REVIEW", opensAt: at("2013-11-08 00:00"), closesAt: at("2013-11-12 00:00") },
      { kind: "APPROVAL", opensAt: at("2013-11-23 00:00"), closesAt: at("2014-01-01 00:00") },
    ];
    // 10 Nov 12:00 Shanghai: within 48 h close registration (11 Nov 12:00) and the review (12 Nov 00:00).
    expect(approachingDeadlines(stages, at("2013-11-10 12:00"), 48).map((s) => s.kind)).toEqual(["REGISTRATION", "PRELIMINARY_REVIEW"]);
    // The horizon is inclusive; a stage closing exactly now has closed.
    expect(approachingDeadlines(stages, at("2013-11-10 12:00"), 24).map((s) => s.kind)).toEqual(["REGISTRATION"]);
    expect(approachingDeadlines(stages, at("2013-11-11 12:00"), 24).map((s) => s.kind)).toEqual(["PRELIMINARY_REVIEW"]);
    // The exam has not opened on 11 Nov 12:00 yet, but closes within 72 h.
    expect(approachingDeadlines(stages, at("2013-11-11 12:00"), 72).map((s) => s.kind)).toEqual(["PRELIMINARY_REVIEW", "PHYSICAL_EXAM"]);
    expect(approachingDeadlines(stages, at("2013-11-15 00:00"), 24)).toEqual([]);
  });
});

describe("nomination quotas", () => {
  it("is met at the minimum, short before the deadline, missed after", () => {
    expect(quotaState(1, 1, false)).toBe("met");
    expect(quotaState(1, 2, true)).toBe("met");
    expect(quotaState(2, 1, false)).toBe("short");
    expect(quotaState(2, 1, true)).toBe("missed");
    expect(quotaState(1, 0, true)).toBe("missed");
    expect(quotaState(0, 0, true)).toBe("met");
  });

  it("counts submitted applications that were not withdrawn", () => {
    expect(countsTowardsQuota("IN_PROGRESS")).toBe(true);
    expect(countsTowardsQuota("APPROVED")).toBe(true);
    expect(countsTowardsQuota("REJECTED")).toBe(true);
    expect(countsTowardsQuota("WITHDRAWN")).toBe(false);
    expect(countsTowardsQuota("PENDING_ENDORSEMENT")).toBe(false);
  });

  it("does not count a self-registration the unit declined (rejected at registration)", () => {
    expect(countsTowardsQuota("REJECTED", "REGISTRATION")).toBe(false);
    expect(countsTowardsQuota("REJECTED", "PRELIMINARY_REVIEW")).toBe(true);
    expect(countsTowardsQuota("IN_PROGRESS", "PRELIMINARY_REVIEW")).toBe(true);
    expect(countsTowardsQuota("APPROVED", "APPROVAL")).toBe(true);
  });
});

describe("stagesAfter (hasPassed as a database filter)", () => {
  it("selects exactly the applications hasPassed selects, for every stage, status and current stage", () => {
    const statuses: ApplicationStatus[] = ["PENDING_ENDORSEMENT", "IN_PROGRESS", "APPROVED", "REJECTED", "WITHDRAWN"];
    for (const stage of SEVEN) {
      const after = stagesAfter(SEVEN, stage);
      for (const status of statuses) {
        for (const currentStage of SEVEN) {
          const asFilter = status === "APPROVED" || (status === "IN_PROGRESS" && after.includes(currentStage));
          expect(asFilter).toBe(hasPassed(SEVEN, { status, currentStage }, stage));
        }
      }
    }
    expect(stagesAfter(SEVEN, "REPORT_LIST")).toEqual(["APPROVAL"]);
    expect(stagesAfter(SEVEN, "APPROVAL")).toEqual([]);
  });
});
