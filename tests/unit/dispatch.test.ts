import { describe, expect, it } from "vitest";
import { isServingOn, shanghaiDay, transitionRefusal, type DispatchAction } from "@/lib/domain/dispatch";
import type { DispatchStatus } from "@/lib/generated/prisma/enums";

const d = (status: DispatchStatus) => ({ status, startDate: "2026-04-01", lastDay: "2027-03-31" });

describe("transitionRefusal", () => {
  it.each<[DispatchStatus, DispatchAction, string, string | null]>([
    ["PLANNED", "activate", "2026-03-31", "notArrivedYet"],
    ["PLANNED", "activate", "2026-04-01", null],
    ["PLANNED", "activate", "2026-05-01", null],
    ["ACTIVE", "activate", "2026-05-01", "notPlanned"],
    ["ACTIVE", "complete", "2027-03-30", "serviceNotOver"],
    ["ACTIVE", "complete", "2027-03-31", null],
    ["PLANNED", "complete", "2027-04-30", "notActive"],
    ["ACTIVE", "terminate", "2026-06-01", null],
    ["PLANNED", "terminate", "2026-03-01", "terminateOnlyActive"],
    ["COMPLETED", "terminate", "2027-06-01", "terminateOnlyActive"],
    ["ACTIVE", "extend", "2026-06-01", null],
    ["PLANNED", "extend", "2026-03-01", null],
    ["TERMINATED", "extend", "2026-06-01", "dispatchClosed"],
    ["CANCELLED", "extend", "2026-06-01", "dispatchClosed"],
    ["PLANNED", "cancel", "2026-03-01", null],
    ["ACTIVE", "cancel", "2026-06-01", "cancelOnlyPlanned"],
    ["CANCELLED", "cancel", "2026-06-01", "cancelOnlyPlanned"],
  ])("%s → %s on %s: %s", (status, action, today, expected) => {
    expect(transitionRefusal(d(status), action, today)).toBe(expected);
  });
});

describe("shanghaiDay", () => {
  it("turns the day at 16:00 UTC (midnight in Shanghai)", () => {
    expect(shanghaiDay(new Date("2026-12-02T15:59:59Z"))).toBe("2026-12-02");
    expect(shanghaiDay(new Date("2026-12-02T16:00:00Z"))).toBe("2026-12-03");
    expect(shanghaiDay(new Date("2028-02-28T16:00:00Z"))).toBe("2028-02-29");
  });
});

describe("isServingOn", () => {
  it("includes the first and the last day, never a cancelled dispatch", () => {
    expect(isServingOn(d("ACTIVE"), "2026-03-31")).toBe(false);
    expect(isServingOn(d("ACTIVE"), "2026-04-01")).toBe(true);
    expect(isServingOn(d("ACTIVE"), "2027-03-31")).toBe(true);
    expect(isServingOn(d("ACTIVE"), "2027-04-01")).toBe(false);
    expect(isServingOn(d("CANCELLED"), "2026-06-01")).toBe(false);
  });
});
