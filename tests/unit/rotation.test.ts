import { describe, expect, it } from "vitest";
import { barPlacement, handoverIssue, rotationIssues, timelineWindow, type RotationDispatch } from "@/lib/domain/rotation";

const pred: RotationDispatch = { id: "p", status: "ACTIVE", startDate: "2026-01-01", lastDay: "2026-12-31", predecessorId: null };
const succ = (startDate: string, extra: Partial<RotationDispatch> = {}): RotationDispatch => ({ id: "s", status: "PLANNED", startDate, lastDay: "2027-12-31", predecessorId: "p", ...extra });
const TODAY = "2026-12-03";

describe("handoverIssue", () => {
  it("sees no issue when the successor starts the day after the last day", () => {
    expect(handoverIssue(pred, succ("2027-01-01"), 7, TODAY)).toBeNull();
  });
  it("flags one uncovered day when the successor starts two days after", () => {
    expect(handoverIssue(pred, succ("2027-01-02"), 7, TODAY)).toMatchObject({ kind: "gap", first: "2027-01-01", last: "2027-01-01", days: 1, isAhead: true });
  });
  it("counts the gap across a month end and 29 February", () => {
    const p = { ...pred, lastDay: "2028-02-27" };
    expect(handoverIssue(p, succ("2028-03-02"), 7, TODAY)).toMatchObject({ kind: "gap", first: "2028-02-28", last: "2028-03-01", days: 3 });
  });
  it("allows an overlap up to the planned hand-over, both ends counted", () => {
    // Successor starts 25 Dec: 25..31 Dec = 7 days together.
    expect(handoverIssue(pred, succ("2026-12-25"), 7, TODAY)).toBeNull();
    expect(handoverIssue(pred, succ("2026-12-24"), 7, TODAY)).toMatchObject({ kind: "overlapTooLong", first: "2026-12-24", last: "2026-12-31", days: 8, allowedOverlapDays: 7 });
    expect(handoverIssue(pred, succ("2026-12-31"), 0, TODAY)).toMatchObject({ kind: "overlapTooLong", days: 1 });
    expect(handoverIssue(pred, succ("2027-01-01"), 0, TODAY)).toBeNull();
  });
  it("ends the overlap at the earlier last day when the successor leaves first", () => {
    expect(handoverIssue(pred, succ("2026-06-01", { lastDay: "2026-08-31" }), 7, TODAY)).toMatchObject({ first: "2026-06-01", last: "2026-08-31" });
  });
  it("tells an issue still ahead from one in the past", () => {
    const p = { ...pred, lastDay: "2026-11-01" };
    expect(handoverIssue(p, succ("2026-11-10"), 7, TODAY)).toMatchObject({ kind: "gap", last: "2026-11-09", isAhead: false });
    expect(handoverIssue(p, succ("2026-12-04"), 7, TODAY)).toMatchObject({ kind: "gap", last: "2026-12-03", isAhead: true });
  });
  it("ignores a cancelled side", () => {
    expect(handoverIssue({ ...pred, status: "CANCELLED" }, succ("2027-03-01"), 7, TODAY)).toBeNull();
    expect(handoverIssue(pred, succ("2027-03-01", { status: "CANCELLED" }), 7, TODAY)).toBeNull();
  });
  it("sees a gap opened by an early end", () => {
    expect(handoverIssue({ ...pred, status: "TERMINATED", lastDay: "2026-10-31" }, succ("2027-01-01"), 7, TODAY)).toMatchObject({ kind: "gap", first: "2026-11-01", last: "2026-12-31", days: 61 });
  });
});

describe("rotationIssues", () => {
  it("pairs successors with their predecessors among the given dispatches, soonest first", () => {
    const list: RotationDispatch[] = [
      pred,
      succ("2027-01-05"),
      { id: "a", status: "ACTIVE", startDate: "2026-03-01", lastDay: "2026-12-10", predecessorId: null },
      { id: "b", status: "PLANNED", startDate: "2026-12-01", lastDay: "2027-11-30", predecessorId: "a" },
      { id: "c", status: "PLANNED", startDate: "2027-05-01", lastDay: "2028-04-30", predecessorId: "missing" },
    ];
    const issues = rotationIssues(list, (d) => (d.id === "b" ? 3 : 7), TODAY);
    expect(issues.map((i) => [i.kind, i.successorId, i.days])).toEqual([
      ["overlapTooLong", "b", 10],
      ["gap", "s", 4],
    ]);
  });
});

describe("timeline placement", () => {
  it("spans the earliest start to the latest last day, and places bars in percent", () => {
    const w = timelineWindow([{ startDate: "2026-01-01", lastDay: "2026-12-31" }, { startDate: "2027-01-01", lastDay: "2027-12-31" }], TODAY);
    expect(w).toEqual({ first: "2026-01-01", last: "2027-12-31", days: 730 });
    expect(barPlacement(w, "2026-01-01", "2026-12-31")).toEqual({ left: 0, width: 50 });
    expect(barPlacement(w, "2027-01-01", "2027-12-31")).toEqual({ left: 50, width: 50 });
    expect(barPlacement(w, "2025-01-01", "2026-01-01").left).toBe(0);
    expect(timelineWindow([], TODAY)).toEqual({ first: TODAY, last: TODAY, days: 1 });
  });
});
