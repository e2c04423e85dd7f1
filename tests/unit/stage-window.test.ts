import { describe, expect, it } from "vitest";
import { timelinePosition, type StageWindow } from "@/lib/domain/stage-window";

// Seed 000's first two windows, as instants (Asia/Shanghai is UTC+8).
const registration: StageWindow = {
  kind: "REGISTRATION",
  sequence: 1,
  opensAt: new Date("2013-11-07T16:00:00Z"), // 11-08 00:00 Beijing
  closesAt: new Date("2013-11-11T04:00:00Z"), // 11-11 12:00 Beijing
};
const exam: StageWindow = {
  kind: "PHYSICAL_EXAM",
  sequence: 3,
  opensAt: new Date("2013-11-11T16:00:00Z"),
  closesAt: new Date("2013-11-13T16:00:00Z"),
};

describe("timelinePosition", () => {
  it("is upcoming before the first window opens", () => {
    expect(timelinePosition([exam, registration], new Date("2013-11-01T00:00:00Z"))).toEqual({ state: "upcoming", stage: registration });
  });
  it("is open from the opening instant", () => {
    expect(timelinePosition([registration, exam], registration.opensAt)).toEqual({ state: "open", stage: registration });
  });
  it("closes exactly at the closing instant (11 Nov 12:00 Beijing)", () => {
    const justBefore = new Date(registration.closesAt.getTime() - 1);
    expect(timelinePosition([registration, exam], justBefore).state).toBe("open");
    expect(timelinePosition([registration, exam], registration.closesAt)).toEqual({ state: "upcoming", stage: exam });
  });
  it("is finished after the last window, naming the last stage", () => {
    expect(timelinePosition([registration, exam], new Date("2026-01-01T00:00:00Z"))).toEqual({ state: "finished", stage: exam });
  });
  it("is finished with no stage when the programme has no timeline", () => {
    expect(timelinePosition([], new Date())).toEqual({ state: "finished", stage: null });
  });
});
