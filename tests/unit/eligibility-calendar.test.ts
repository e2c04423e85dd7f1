import { describe, expect, it } from "vitest";
import { anniversary, fullYears, isLeapYear, isoDay, toCalendarDay } from "@/lib/domain/eligibility";

describe("full years between two calendar days", () => {
  it.each([
    // [start, on, full years]
    ["1958-12-31", "2013-12-31", 55], // birthday on the cut-off counts
    ["1958-12-31", "2013-12-30", 54], // the day before
    ["1959-01-01", "2013-12-31", 54], // born the day after
    ["1957-12-31", "2013-12-31", 56],
    ["2011-10-31", "2013-10-31", 2], // exactly two years to the day
    ["2011-11-01", "2013-10-31", 1], // one day short
    ["2011-10-30", "2013-10-31", 2],
    ["2013-10-31", "2013-10-31", 0],
    ["2013-11-01", "2013-10-31", -1], // after the day: not even zero
    // 29 February reaches its anniversary on 1 March in a common year
    ["2000-02-29", "2001-02-28", 0],
    ["2000-02-29", "2001-03-01", 1],
    ["2000-02-29", "2004-02-28", 3],
    ["2000-02-29", "2004-02-29", 4], // a leap year: on the day itself
    ["1999-03-01", "2000-02-29", 0],
    ["1999-02-28", "2000-02-28", 1],
    ["1999-02-28", "2000-02-27", 0],
  ])("from %s to %s: %i", (start, on, years) => {
    expect(fullYears(start, on)).toBe(years);
  });

  it("reads Dates as the UTC calendar day (@db.Date), whatever the server's zone", () => {
    expect(fullYears(new Date("1958-12-31T00:00:00Z"), new Date("2013-12-31T00:00:00Z"))).toBe(55);
    expect(toCalendarDay(new Date("2013-12-31T00:00:00Z"))).toEqual({ year: 2013, month: 12, day: 31 });
    expect(isoDay(new Date("2011-10-31T00:00:00Z"))).toBe("2011-10-31");
  });

  it("leap years and anniversaries", () => {
    expect([1900, 2000, 2012, 2013, 2100].map(isLeapYear)).toEqual([false, true, true, false, false]);
    expect(anniversary({ year: 2000, month: 2, day: 29 }, 1)).toEqual({ year: 2001, month: 3, day: 1 });
    expect(anniversary({ year: 2000, month: 2, day: 29 }, 4)).toEqual({ year: 2004, month: 2, day: 29 });
  });

  it("refuses what is not a calendar day", () => {
    expect(() => toCalendarDay("31/12/2013")).toThrow(RangeError);
    expect(() => toCalendarDay(new Date("nonsense"))).toThrow(RangeError);
  });
});
