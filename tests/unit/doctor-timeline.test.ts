import { describe, expect, it } from "vitest";
import { compareTimeline, foldByMonth, monthKeyOf, monthStart, timelineYear } from "@/lib/domain/doctor-timeline";

const day = (s: string) => new Date(`${s}T00:00:00Z`);

describe("doctor timeline: months", () => {
  it("names the calendar month of a calendar day", () => {
    expect(monthKeyOf(day("2026-01-31"))).toBe("2026-01");
    expect(monthKeyOf(day("2026-12-01"))).toBe("2026-12");
    expect(monthStart("2026-02").toISOString()).toBe("2026-02-01T00:00:00.000Z");
  });

  it("folds daily payments into one line per dispatch and month, money in integer fen", () => {
    const folded = foldByMonth([
      { dispatchId: "b", day: day("2026-05-10"), count: 1, amountFen: 50_00 },
      { dispatchId: "a", day: day("2026-05-31"), count: 2, amountFen: 1_000_00 },
      { dispatchId: "a", day: day("2026-05-01"), count: 1, amountFen: 333 },
      { dispatchId: "a", day: day("2026-06-01"), count: 1, amountFen: -100 },
    ]);
    expect(folded).toEqual([
      { dispatchId: "a", month: "2026-05", count: 3, amountFen: 100_333 },
      { dispatchId: "b", month: "2026-05", count: 1, amountFen: 5_000 },
      { dispatchId: "a", month: "2026-06", count: 1, amountFen: -100 },
    ]);
  });
});

describe("doctor timeline: order", () => {
  it("reads oldest first; on the same moment a nomination comes before its decision; ties break on the key", () => {
    const at = day("2026-03-01");
    const events = [
      { at, kind: "decision" as const, key: "d1" },
      { at: day("2025-01-01"), kind: "payment" as const, key: "p" },
      { at, kind: "application" as const, key: "a2" },
      { at, kind: "application" as const, key: "a1" },
    ];
    expect([...events].sort(compareTimeline).map((e) => e.key)).toEqual(["p", "a1", "a2", "d1"]);
  });

  it("lists a moment under its Beijing year and a calendar day under its own", () => {
    // 2025-12-31 17:00 UTC is 2026-01-01 01:00 in Beijing.
    expect(timelineYear(new Date("2025-12-31T17:00:00Z"), false)).toBe(2026);
    expect(timelineYear(day("2025-12-31"), true)).toBe(2025);
  });
});
