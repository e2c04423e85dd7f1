import { describe, expect, it } from "vitest";
import { addDays, daysFrom, daysInclusive, daysInMonth, lastDayOfService, overlap } from "@/lib/domain/service-period";

describe("lastDayOfService", () => {
  it.each([
    // The example: 18 months from 15 Feb end on 14 Aug of the next year.
    ["2024-02-15", 18, "2025-08-14"],
    ["2013-12-20", 18, "2015-06-19"],
    ["2024-01-01", 12, "2024-12-31"],
    ["2024-03-01", 1, "2024-03-31"],
    ["2023-03-01", 12, "2024-02-29"],
    ["2024-12-31", 1, "2025-01-30"],
    // No corresponding day: the month's last day.
    ["2024-01-31", 1, "2024-02-29"],
    ["2023-01-31", 1, "2023-02-28"],
    ["2023-01-30", 1, "2023-02-28"],
    ["2023-01-29", 1, "2023-02-28"],
    ["2023-01-28", 1, "2023-02-27"],
    ["2024-08-31", 18, "2026-02-28"],
    ["2024-02-29", 12, "2025-02-28"],
    ["2024-02-29", 48, "2028-02-28"],
    ["2024-05-31", 1, "2024-06-30"],
  ])("from %s for %i months ends on %s", (first, months, last) => {
    expect(lastDayOfService(first, months)).toBe(last);
  });

  it("accepts a Date at UTC midnight as @db.Date reads", () => {
    expect(lastDayOfService(new Date(Date.UTC(2024, 1, 15)), 18)).toBe("2025-08-14");
  });

  it("refuses a period that is not a whole number of months", () => {
    expect(() => lastDayOfService("2024-01-01", 0)).toThrow(RangeError);
    expect(() => lastDayOfService("2024-01-01", 1.5)).toThrow(RangeError);
  });
});

describe("day arithmetic", () => {
  it("counts both ends of a period", () => {
    expect(daysInclusive("2024-02-15", "2024-02-15")).toBe(1);
    expect(daysInclusive("2024-02-28", "2024-03-01")).toBe(3);
    expect(daysInclusive("2023-02-28", "2023-03-01")).toBe(2);
    expect(daysInclusive("2024-12-30", "2025-01-02")).toBe(4);
    expect(daysInclusive("2024-03-02", "2024-03-01")).toBe(0);
  });

  it("moves by days across months and years", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2023-02-28", 1)).toBe("2023-03-01");
    expect(addDays("2025-01-01", -1)).toBe("2024-12-31");
    expect(daysFrom("2024-01-01", "2025-01-01")).toBe(366);
  });

  it("knows each month's length", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2024, m))).toEqual([31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
  });

  it("finds the shared days of two periods", () => {
    expect(overlap({ first: "2024-01-01", last: "2024-01-10" }, { first: "2024-01-08", last: "2024-02-01" })).toEqual({ first: "2024-01-08", last: "2024-01-10" });
    expect(overlap({ first: "2024-01-01", last: "2024-01-10" }, { first: "2024-01-10", last: "2024-01-10" })).toEqual({ first: "2024-01-10", last: "2024-01-10" });
    expect(overlap({ first: "2024-01-01", last: "2024-01-10" }, { first: "2024-01-11", last: "2024-01-20" })).toBeNull();
  });
});
