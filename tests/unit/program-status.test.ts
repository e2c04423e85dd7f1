import { describe, expect, it } from "vitest";
import { arePostsEditable, candidateTargets, nextStatus, transitionRefusal, type ProgramFacts } from "@/lib/domain/program-status";

const now = new Date("2013-11-15T00:00:00Z");
const beforeRegistration = new Date("2013-11-01T00:00:00Z");
const ready: ProgramFacts = {
  status: "DRAFT",
  stageKinds: ["REGISTRATION", "APPROVAL"],
  registrationClosesAt: new Date("2013-11-11T04:00:00Z"),
  posts: [{ headcount: 1, rotationBatch: 1 }, { headcount: 2, rotationBatch: 2 }],
  rotationBatches: 2,
  approvedApplications: 0,
};
const at = (status: ProgramFacts["status"], extra: Partial<ProgramFacts> = {}): ProgramFacts => ({ ...ready, status, ...extra });

describe("programme status transitions", () => {
  it("moves forward one step at a time", () => {
    expect(nextStatus("DRAFT")).toBe("OPEN");
    expect(nextStatus("IN_SERVICE")).toBe("CLOSED");
    expect(nextStatus("CLOSED")).toBeNull();
    expect(candidateTargets("DRAFT")).toEqual(["OPEN", "CLOSED"]);
    expect(candidateTargets("IN_SERVICE")).toEqual(["CLOSED"]);
    expect(candidateTargets("CLOSED")).toEqual([]);
    expect(transitionRefusal(ready, "OPEN", beforeRegistration)).toBeNull();
    expect(transitionRefusal(at("OPEN"), "VETTING", now)).toBeNull();
    expect(transitionRefusal(at("VETTING", { approvedApplications: 1 }), "DISPATCHING", now)).toBeNull();
    expect(transitionRefusal(at("DISPATCHING"), "IN_SERVICE", now)).toBeNull();
  });

  it("never goes back, skips or repeats", () => {
    expect(transitionRefusal(at("OPEN"), "DRAFT", now)).toBe("cannotGoBack");
    expect(transitionRefusal(at("IN_SERVICE"), "OPEN", now)).toBe("cannotGoBack");
    expect(transitionRefusal(ready, "VETTING", now)).toBe("mustGoInOrder");
    expect(transitionRefusal(at("OPEN"), "OPEN", now)).toBe("sameStatus");
    expect(transitionRefusal(at("CLOSED"), "CLOSED", now, true)).toBe("alreadyClosed");
    expect(transitionRefusal(at("CLOSED"), "DRAFT", now)).toBe("alreadyClosed");
  });

  it("closes from any state, but only when confirmed", () => {
    for (const status of ["DRAFT", "OPEN", "VETTING", "DISPATCHING", "IN_SERVICE"] as const) {
      expect(transitionRefusal(at(status), "CLOSED", now)).toBe("closeNeedsConfirmation");
      expect(transitionRefusal(at(status), "CLOSED", now, true)).toBeNull();
    }
  });

  it("cannot open with no posts, no registration stage, a post without places or beyond the batches", () => {
    expect(transitionRefusal({ ...ready, posts: [] }, "OPEN", now)).toBe("noPosts");
    expect(transitionRefusal({ ...ready, stageKinds: ["APPROVAL"], registrationClosesAt: null }, "OPEN", now)).toBe("noRegistrationStage");
    expect(transitionRefusal({ ...ready, posts: [{ headcount: 0, rotationBatch: 1 }] }, "OPEN", now)).toBe("postWithoutHeadcount");
    expect(transitionRefusal({ ...ready, posts: [{ headcount: 1, rotationBatch: 3 }] }, "OPEN", now)).toBe("postBatchOutOfRange");
  });

  it("opens after its registration window only when shifted or explicitly confirmed (the closing instant counts as past)", () => {
    const closes = ready.registrationClosesAt!;
    expect(transitionRefusal(ready, "OPEN", new Date(closes.getTime() - 1))).toBeNull();
    expect(transitionRefusal(ready, "OPEN", closes)).toBe("registrationWindowPast");
    expect(transitionRefusal(ready, "OPEN", now)).toBe("registrationWindowPast");
    expect(transitionRefusal(ready, "OPEN", now, true)).toBeNull();
    // the structural refusals still come first, confirmed or not
    expect(transitionRefusal({ ...ready, posts: [] }, "OPEN", now, true)).toBe("noPosts");
  });

  it("starts vetting only once registration has closed (the closing instant itself counts as closed)", () => {
    const closes = ready.registrationClosesAt!;
    expect(transitionRefusal(at("OPEN"), "VETTING", new Date(closes.getTime() - 1))).toBe("registrationStillOpen");
    expect(transitionRefusal(at("OPEN"), "VETTING", closes)).toBeNull();
  });

  it("dispatches only with an approved appointee", () => {
    expect(transitionRefusal(at("VETTING"), "DISPATCHING", now)).toBe("noApprovedApplications");
  });

  it("posts are editable while draft or open only", () => {
    expect(["DRAFT", "OPEN", "VETTING", "DISPATCHING", "IN_SERVICE", "CLOSED"].map((s) => arePostsEditable(s as never))).toEqual([true, true, false, false, false, false]);
  });
});
