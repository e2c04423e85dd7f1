import { describe, expect, it } from "vitest";
import { applicationBlock, exceptionReasonProblem, isLiveApplication, keptExceptionReason, needsExceptionReason, verdictOverrides } from "@/lib/domain/nomination-rules";

describe("a doctor not surely eligible needs a written reason", () => {
  it("only a surely eligible doctor goes without", () => {
    expect(needsExceptionReason("ELIGIBLE")).toBe(false);
    expect(needsExceptionReason("INELIGIBLE")).toBe(true);
    expect(needsExceptionReason("UNKNOWN")).toBe(true);
    expect(needsExceptionReason(null)).toBe(true);
  });

  it("refuses a missing or blank reason, accepts a written one", () => {
    expect(exceptionReasonProblem("INELIGIBLE", undefined)).toBe("exceptionReasonRequired");
    expect(exceptionReasonProblem("UNKNOWN", "")).toBe("exceptionReasonRequired");
    expect(exceptionReasonProblem("UNKNOWN", "   ")).toBe("exceptionReasonRequired");
    expect(exceptionReasonProblem("UNKNOWN", "缺职称证书扫描件，已补交纸质件")).toBeNull();
    expect(exceptionReasonProblem("ELIGIBLE", undefined)).toBeNull();
  });

  it("keeps the reason only where it was needed", () => {
    expect(keptExceptionReason("ELIGIBLE", "不需要")).toBeNull();
    expect(keptExceptionReason("INELIGIBLE", "理由")).toBe("理由");
    expect(keptExceptionReason("UNKNOWN", undefined)).toBeNull();
  });

  it("passing the preliminary review overrides the verdict of those not surely eligible, and nothing else does", () => {
    const apps = [
      { id: "a", eligibilityVerdict: "ELIGIBLE" as const },
      { id: "b", eligibilityVerdict: "INELIGIBLE" as const },
      { id: "c", eligibilityVerdict: null },
    ];
    expect(verdictOverrides("PASS", "PRELIMINARY_REVIEW", apps).map((a) => a.id)).toEqual(["b", "c"]);
    expect(verdictOverrides("FAIL", "PRELIMINARY_REVIEW", apps)).toEqual([]);
    expect(verdictOverrides("PASS", "APPROVAL", apps)).toEqual([]);
  });
});

describe("one live application per doctor and programme", () => {
  it("live means still in the running", () => {
    expect(["PENDING_ENDORSEMENT", "IN_PROGRESS", "APPROVED"].every((s) => isLiveApplication(s as never))).toBe(true);
    expect(isLiveApplication("WITHDRAWN")).toBe(false);
    expect(isLiveApplication("REJECTED")).toBe(false);
  });

  it("a live application blocks every post; an ended one only its own", () => {
    expect(applicationBlock([], "p1")).toBeNull();
    expect(applicationBlock([{ postId: "p1", status: "IN_PROGRESS" }], "p2")).toBe("alreadyInProgram");
    expect(applicationBlock([{ postId: "p1", status: "IN_PROGRESS" }], "p1")).toBe("alreadyApplied");
    expect(applicationBlock([{ postId: "p1", status: "WITHDRAWN" }], "p1")).toBe("alreadyApplied");
    expect(applicationBlock([{ postId: "p1", status: "REJECTED" }], "p2")).toBeNull();
    expect(applicationBlock([{ postId: "p1", status: "APPROVED" }], undefined)).toBe("alreadyInProgram");
    expect(applicationBlock([{ postId: "p1", status: "WITHDRAWN" }], undefined)).toBeNull();
  });
});
