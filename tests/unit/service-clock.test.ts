import { describe, expect, it } from "vitest";
import { leaveRefusals } from "@/lib/domain/leave-rules";
import { exceedsAbsenceLimit, movedLastDay, serviceClock, type ClockAttendance, type ClockLeave } from "@/lib/domain/service-clock";
import { lastDayOfService } from "@/lib/domain/service-period";

// A seed 001 dispatch: one year from 1 March 2024 (a leap year), 3 absences allowed (旷工超过3次).
const planned = { startDate: "2024-03-01", plannedLastDay: "2025-02-28", lastDay: "2025-02-28" };

function clock(today: string, leaves: ClockLeave[] = [], attendance: ClockAttendance[] = [], dispatch = planned, absenceLimit: number | null = 3) {
  return serviceClock({ dispatch, leaves, attendance, absenceLimit, today });
}
const absent = (startDate: string, endDate = startDate): ClockAttendance => ({ startDate, endDate, isPresent: false });
const present = (day: string): ClockAttendance => ({ startDate: day, endDate: day, isPresent: true });
const leave = (startDate: string, endDate: string, status: ClockLeave["status"] = "APPROVED", extendsService = true): ClockLeave => ({ startDate, endDate, status, extendsService });

describe("days served", () => {
  it.each([
    ["2024-02-29", 0, 365], // the day before the first day
    ["2024-03-01", 1, 364], // the first day counts
    ["2024-03-31", 31, 334], // a month end
    ["2024-04-30", 61, 304],
    ["2025-02-27", 364, 1],
    ["2025-02-28", 365, 0], // the last day
    ["2025-06-01", 365, 0], // after the end: no more than the service
  ])("on %s: %i days elapsed, %i left", (today, elapsed, left) => {
    const c = clock(today);
    expect(c.totalDays).toBe(365);
    expect(c.elapsedDays).toBe(elapsed);
    expect(c.daysServed).toBe(elapsed);
    expect(c.daysLeft).toBe(left);
    expect(c.creditedDays).toBe(elapsed);
  });

  it("counts 29 February in a leap year", () => {
    const d = { startDate: "2024-02-01", plannedLastDay: lastDayOfService("2024-02-01", 1), lastDay: lastDayOfService("2024-02-01", 1) };
    expect(d.lastDay).toBe("2024-02-29");
    expect(clock("2024-02-29", [], [], d).elapsedDays).toBe(29);
    const e = { startDate: "2023-02-01", plannedLastDay: "2023-02-28", lastDay: "2023-02-28" };
    expect(clock("2023-03-01", [], [], e).elapsedDays).toBe(28);
  });

  it("an 18-month service from 15 Feb 2024 ends on 14 Aug 2025 after 547 days", () => {
    const d = { startDate: "2024-02-15", plannedLastDay: "2025-08-14", lastDay: "2025-08-14" };
    expect(clock("2030-01-01", [], [], d).totalDays).toBe(547);
  });
});

describe("leave", () => {
  it("leave that moves the last day is not served; it is made up at the end", () => {
    const moved = { ...planned, lastDay: movedLastDay(planned.lastDay, 7) };
    expect(moved.lastDay).toBe("2025-03-07");
    const c = clock("2024-06-30", [leave("2024-06-10", "2024-06-16")], [], moved);
    expect(c.lastDayMovedBy).toBe(7);
    expect(c.elapsedDays).toBe(122);
    expect(c.extendingLeaveDaysTaken).toBe(7);
    expect(c.daysServed).toBe(115);
    expect(c.creditedDays).toBe(115);
    // At the end, the days served are the planned service again.
    expect(clock("2025-03-07", [leave("2024-06-10", "2024-06-16")], [], moved).daysServed).toBe(365);
  });

  it("shorter approved leave counts as served", () => {
    const c = clock("2024-06-30", [leave("2024-06-10", "2024-06-13", "APPROVED", false)]);
    expect(c.approvedLeaveDays).toBe(4);
    expect(c.daysServed).toBe(122);
  });

  it("leave spanning months and years: only the days taken by today", () => {
    const moved = { ...planned, lastDay: movedLastDay(planned.lastDay, 10) };
    const l = [leave("2024-12-27", "2025-01-05")]; // across the new year, 10 days
    expect(clock("2024-12-31", l, [], moved)).toMatchObject({ approvedLeaveDays: 10, approvedLeaveDaysTaken: 5, extendingLeaveDaysTaken: 5 });
    expect(clock("2025-01-31", l, [], moved)).toMatchObject({ approvedLeaveDaysTaken: 10, extendingLeaveDaysTaken: 10 });
    const m = [leave("2024-02-27", "2024-03-03")]; // begins before the dispatch (not possible when filed), clipped
    expect(clock("2024-03-31", m).approvedLeaveDays).toBe(3);
  });

  it("pending, refused and cancelled leave neither moves nor removes days", () => {
    const l = [leave("2024-05-01", "2024-05-07", "PENDING_BUREAU"), leave("2024-05-10", "2024-05-16", "REJECTED"), leave("2024-05-20", "2024-05-26", "CANCELLED")];
    const c = clock("2024-06-30", l);
    expect(c.daysServed).toBe(122);
    expect(c.pendingExtendingDays).toBe(7);
    expect(c.approvedLeaveDays).toBe(0);
  });

  it("overlapping leave is refused at filing", () => {
    const others = [{ id: "a", kind: "SICK" as const, startDate: "2024-06-10", endDate: "2024-06-16", status: "APPROVED" as const }];
    expect(leaveRefusals(planned, { kind: "PERSONAL", startDate: "2024-06-16", endDate: "2024-06-20" }, others, { leaveFilingThresholdDays: 5, homeLeavesPerYear: null, spouseVisitsMax: null, spouseVisitMaxMonths: null })[0]?.code).toBe("overlapsLeave");
  });

  it("leave outside the dispatch is refused at filing", () => {
    const rules = { leaveFilingThresholdDays: 5, homeLeavesPerYear: null, spouseVisitsMax: null, spouseVisitMaxMonths: null };
    expect(leaveRefusals(planned, { kind: "PERSONAL", startDate: "2025-02-25", endDate: "2025-03-01" }, [], rules)[0]?.code).toBe("outsideDispatch");
    expect(leaveRefusals(planned, { kind: "PERSONAL", startDate: "2024-02-29", endDate: "2024-03-02" }, [], rules)[0]?.code).toBe("outsideDispatch");
  });
});

describe("absences (旷工超过3次: 4 or more)", () => {
  it.each([
    [0, 3, false],
    [3, 3, false],
    [4, 3, true],
    [5, 3, true],
    [100, null, false],
    [1, 0, true],
  ])("%i absences with a limit of %s exceed it: %s", (count, limit, expected) => {
    expect(exceedsAbsenceLimit(count, limit)).toBe(expected);
  });

  it("three absences: their days are taken off the service credited", () => {
    const c = clock("2024-06-30", [], [absent("2024-04-01"), absent("2024-05-06", "2024-05-08"), absent("2024-06-03"), present("2024-06-10")]);
    expect(c.absenceCount).toBe(3);
    expect(c.absenceDays).toBe(5);
    expect(c.exceedsAbsenceLimit).toBe(false);
    expect(c.creditedDays).toBe(122 - 5);
  });

  it("a fourth absence: nothing is credited", () => {
    const c = clock("2024-06-30", [], [absent("2024-04-01"), absent("2024-05-06"), absent("2024-06-03"), absent("2024-06-20")]);
    expect(c.absenceCount).toBe(4);
    expect(c.exceedsAbsenceLimit).toBe(true);
    expect(c.daysServed).toBe(122);
    expect(c.creditedDays).toBe(0);
  });

  it("the same day recorded twice is one day off but two absences", () => {
    const c = clock("2024-06-30", [], [absent("2024-04-01"), absent("2024-04-01")]);
    expect(c.absenceCount).toBe(2);
    expect(c.absenceDays).toBe(1);
  });

  it("a programme without a limit never zeroes the service", () => {
    const c = clock("2024-06-30", [], [absent("2024-04-01"), absent("2024-04-02"), absent("2024-04-03"), absent("2024-04-04"), absent("2024-04-05")], planned, null);
    expect(c.exceedsAbsenceLimit).toBe(false);
    expect(c.creditedDays).toBe(117);
  });

  it("absence days across a month end and 29 February", () => {
    const c = clock("2024-06-30", [], [absent("2024-03-30", "2024-04-02")]);
    expect(c.absenceDays).toBe(4);
    const d = { startDate: "2024-02-01", plannedLastDay: "2024-07-31", lastDay: "2024-07-31" };
    expect(clock("2024-03-31", [], [absent("2024-02-28", "2024-03-01")], d).absenceDays).toBe(3);
  });
});
