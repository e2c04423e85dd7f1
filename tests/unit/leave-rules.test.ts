import { describe, expect, it } from "vitest";
import {
  extendsService,
  leaveDays,
  leaveRefusals,
  serviceYearOf,
  serviceYearRange,
  statusAfterDecision,
  type ExistingLeave,
  type LeaveRules,
} from "@/lib/domain/leave-rules";

// Seed 000 (援疆): home leave and visits combined once a year; the spouse visits once, for a month.
// Seed 001 (县聘乡用): 请假5天以上 must be filed with the programme office and moves the last day.
const seed000: LeaveRules = { leaveFilingThresholdDays: null, homeLeavesPerYear: 1, spouseVisitsMax: 1, spouseVisitMaxMonths: 1 };
const seed001: LeaveRules = { leaveFilingThresholdDays: 5, homeLeavesPerYear: null, spouseVisitsMax: null, spouseVisitMaxMonths: null };
const dispatch = { startDate: "2024-02-15", lastDay: "2025-08-14" };

function existing(id: string, kind: ExistingLeave["kind"], startDate: string, endDate: string, status: ExistingLeave["status"] = "APPROVED"): ExistingLeave {
  return { id, kind, startDate, endDate, status };
}

describe("the filing threshold (以上 includes the number)", () => {
  it.each([
    [4, 5, false],
    [5, 5, true],
    [6, 5, true],
    [7, 5, true],
    [1, 1, true],
    [30, null, false],
  ])("%i days with a threshold of %s extends service: %s", (days, threshold, expected) => {
    expect(extendsService(days, threshold)).toBe(expected);
  });

  it.each([
    ["2024-03-01", "2024-03-01", 1],
    ["2024-03-01", "2024-03-05", 5],
    ["2024-02-27", "2024-03-02", 5], // across 29 February
    ["2023-02-27", "2023-03-02", 4],
    ["2024-12-29", "2025-01-04", 7], // across the new year
    ["2024-01-31", "2024-02-01", 2],
  ])("%s to %s is %i days, both ends included", (start, end, days) => {
    expect(leaveDays(start, end)).toBe(days);
  });
});

describe("service years", () => {
  it.each([
    ["2024-02-15", 1],
    ["2025-02-14", 1],
    ["2025-02-15", 2],
    ["2026-02-14", 2],
    ["2026-02-15", 3],
    ["2024-02-14", 0],
  ])("%s lies in service year %i of a dispatch from 15 Feb 2024", (day, year) => {
    expect(serviceYearOf("2024-02-15", day)).toBe(year);
  });

  it("a dispatch from 29 February: the first year ends on 28 February", () => {
    expect(serviceYearRange("2024-02-29", 1)).toEqual({ first: "2024-02-29", last: "2025-02-28" });
    expect(serviceYearRange("2024-02-29", 2)).toEqual({ first: "2025-03-01", last: "2026-02-28" });
    expect(serviceYearOf("2024-02-29", "2025-02-28")).toBe(1);
    expect(serviceYearOf("2024-02-29", "2025-03-01")).toBe(2);
  });
});

describe("leaveRefusals", () => {
  it("a leave inside the dispatch with nothing else filed may be filed", () => {
    expect(leaveRefusals(dispatch, { kind: "SICK", startDate: "2024-03-01", endDate: "2024-03-07" }, [], seed001)).toEqual([]);
  });

  it("the first and the last day of the dispatch are inside it", () => {
    expect(leaveRefusals(dispatch, { kind: "PERSONAL", startDate: "2024-02-15", endDate: "2024-02-15" }, [], seed001)).toEqual([]);
    expect(leaveRefusals(dispatch, { kind: "PERSONAL", startDate: "2025-08-14", endDate: "2025-08-14" }, [], seed001)).toEqual([]);
  });

  it("refuses an end before the start", () => {
    expect(leaveRefusals(dispatch, { kind: "SICK", startDate: "2024-03-07", endDate: "2024-03-06" }, [], seed001)).toEqual([{ code: "endBeforeStart", field: "endDate" }]);
  });

  it.each([
    ["2024-02-14", "2024-02-16", "startDate"],
    ["2025-08-13", "2025-08-15", "endDate"],
    ["2025-08-15", "2025-08-20", "startDate"],
    ["2023-12-01", "2023-12-05", "startDate"],
  ])("refuses %s to %s outside the dispatch (on %s)", (startDate, endDate, field) => {
    expect(leaveRefusals(dispatch, { kind: "SICK", startDate, endDate }, [], seed001)).toEqual([{ code: "outsideDispatch", field, first: "2024-02-15", last: "2025-08-14" }]);
  });

  it.each([
    ["2024-03-07", "2024-03-10"], // shares the last day
    ["2024-02-28", "2024-03-01"], // shares the first day
    ["2024-03-02", "2024-03-03"], // inside
    ["2024-02-20", "2024-03-20"], // around
  ])("refuses %s to %s overlapping a live leave of 1–7 March", (startDate, endDate) => {
    for (const status of ["PENDING_SUPERVISOR", "PENDING_BUREAU", "APPROVED"] as const) {
      const others = [existing("a", "SICK", "2024-03-01", "2024-03-07", status)];
      expect(leaveRefusals(dispatch, { kind: "PERSONAL", startDate, endDate }, others, seed001)).toEqual([{ code: "overlapsLeave", field: "startDate", first: "2024-03-01", last: "2024-03-07" }]);
    }
  });

  it("the day after a leave is free; refused and cancelled leave hold no days", () => {
    const others = [existing("a", "SICK", "2024-03-01", "2024-03-07"), existing("b", "SICK", "2024-03-10", "2024-03-12", "REJECTED"), existing("c", "SICK", "2024-03-13", "2024-03-14", "CANCELLED")];
    expect(leaveRefusals(dispatch, { kind: "PERSONAL", startDate: "2024-03-08", endDate: "2024-03-14" }, others, seed001)).toEqual([]);
  });

  it("home leave and spouse visits combined once per service year (seed 000)", () => {
    const others = [existing("a", "HOME_LEAVE", "2024-06-01", "2024-06-20")];
    expect(leaveRefusals(dispatch, { kind: "HOME_LEAVE", startDate: "2025-01-01", endDate: "2025-01-10" }, others, seed000)).toEqual([
      { code: "homeLeavesPerYear", field: "kind", limit: 1, year: 1, first: "2024-02-15", last: "2025-02-14" },
    ]);
    expect(leaveRefusals(dispatch, { kind: "SPOUSE_VISIT", startDate: "2025-01-01", endDate: "2025-01-10" }, others, seed000)[0]?.code).toBe("homeLeavesPerYear");
    // The next service year begins on the anniversary of the first day.
    expect(leaveRefusals(dispatch, { kind: "HOME_LEAVE", startDate: "2025-02-15", endDate: "2025-02-25" }, others, seed000)).toEqual([]);
    // Sick and personal leave are not counted.
    expect(leaveRefusals(dispatch, { kind: "SICK", startDate: "2025-01-01", endDate: "2025-01-10" }, others, seed000)).toEqual([]);
    // A refused home leave does not use the year's one.
    expect(leaveRefusals(dispatch, { kind: "HOME_LEAVE", startDate: "2025-01-01", endDate: "2025-01-10" }, [existing("a", "HOME_LEAVE", "2024-06-01", "2024-06-20", "REJECTED")], seed000)).toEqual([]);
  });

  it("the spouse visits once (seed 000)", () => {
    const others = [existing("a", "SPOUSE_VISIT", "2024-06-01", "2024-06-20")];
    const refusals = leaveRefusals(dispatch, { kind: "SPOUSE_VISIT", startDate: "2025-06-01", endDate: "2025-06-10" }, others, seed000);
    expect(refusals).toEqual([{ code: "spouseVisitsMax", field: "kind", limit: 1 }]);
  });

  it.each([
    ["2024-03-01", "2024-03-31", true],
    ["2024-03-01", "2024-04-01", false],
    ["2024-01-31", "2024-02-29", true], // no 31 February: the month's last day
    ["2024-01-31", "2024-03-01", false],
    ["2024-12-15", "2025-01-14", true],
    ["2024-12-15", "2025-01-15", false],
  ])("a spouse visit %s to %s is within one month: %s", (startDate, endDate, ok) => {
    const refusals = leaveRefusals({ startDate: "2024-01-01", lastDay: "2025-12-31" }, { kind: "SPOUSE_VISIT", startDate, endDate }, [], seed000);
    expect(refusals.length === 0).toBe(ok);
    if (!ok) expect(refusals[0]).toMatchObject({ code: "spouseVisitTooLong", field: "endDate", months: 1 });
  });

  it("gives every refusal at once", () => {
    const others = [existing("a", "SPOUSE_VISIT", "2025-08-01", "2025-08-10")];
    const codes = leaveRefusals(dispatch, { kind: "SPOUSE_VISIT", startDate: "2025-08-05", endDate: "2025-09-30" }, others, seed000).map((r) => r.code);
    expect(codes).toEqual(["outsideDispatch", "overlapsLeave", "homeLeavesPerYear", "spouseVisitsMax", "spouseVisitTooLong"]);
  });
});

describe("statusAfterDecision", () => {
  it.each([
    ["PENDING_SUPERVISOR", false, true, "APPROVED"],
    ["PENDING_SUPERVISOR", true, true, "PENDING_BUREAU"],
    ["PENDING_SUPERVISOR", true, false, "REJECTED"],
    ["PENDING_BUREAU", true, true, "APPROVED"],
    ["PENDING_BUREAU", true, false, "REJECTED"],
    ["APPROVED", true, true, null],
    ["REJECTED", false, true, null],
    ["CANCELLED", false, false, null],
  ] as const)("%s (extends: %s), approve %s → %s", (status, ext, approve, after) => {
    expect(statusAfterDecision(status, ext, approve)).toBe(after);
  });
});
