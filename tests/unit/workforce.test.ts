import { describe, expect, it } from "vitest";
import { contractStatus, gapToTarget, indicatorValue } from "@/lib/domain/workforce";
import { grassrootsServiceDays, promotionServiceStatus } from "@/lib/domain/grassroots-service";

describe("indicator values: numerator ÷ denominator × base, two decimals", () => {
  it.each([
    // 1 900 grassroots staff among 500 000 residents: 3.8 per 1 000.
    [1900, 500_000, 1000, 3.8],
    // 173 GPs among 450 000 residents: 3.844… → 3.84 per 10 000.
    [173, 450_000, 10_000, 3.84],
    // 2 of 3 doctors: 66.67 %.
    [2, 3, 100, 66.67],
    [1, 3, 100, 33.33],
    [0, 10, 100, 0],
  ])("%i / %i × %i = %d", (n, d, base, value) => {
    expect(indicatorValue(n, d, base)).toBe(value);
  });
  it("no denominator, a zero one or no numerator: no value", () => {
    expect(indicatorValue(5, 0, 100)).toBeNull();
    expect(indicatorValue(5, null, 100)).toBeNull();
    expect(indicatorValue(null, 10, 100)).toBeNull();
  });
});

describe("the gap to an at-least target", () => {
  it("short of it: negative, not met", () => expect(gapToTarget(3.5, 3.8)).toEqual({ gap: -0.3, hasMet: false }));
  it("exactly on it: met", () => expect(gapToTarget(3.8, 3.8)).toEqual({ gap: 0, hasMet: true }));
  it("beyond it: positive, met", () => expect(gapToTarget(70.25, 70)).toEqual({ gap: 0.25, hasMet: true }));
  it("no target or no actual: nothing to say", () => {
    expect(gapToTarget(null, 3)).toEqual({ gap: null, hasMet: null });
    expect(gapToTarget(3, null)).toEqual({ gap: null, hasMet: null });
  });
});

describe("a targeted student's contract", () => {
  it("6 years from 2021-09-01 end on 2027-08-31; on 2026-12-04 1 921 days are served and 270 left (2024 a leap year)", () => {
    const s = contractStatus("2021-09-01", 6, "2026-12-04");
    expect(s.lastDay).toBe("2027-08-31");
    expect(s.totalDays).toBe(2191);
    expect(s.servedDays).toBe(1921);
    expect(s.remainingDays).toBe(270);
    expect(s.isFulfilled).toBe(false);
  });
  it("on its last day nothing is left, and after it the days stay whole", () => {
    expect(contractStatus("2020-09-01", 3, "2023-08-31")).toMatchObject({ remainingDays: 0, isFulfilled: true, servedDays: 1095 });
    expect(contractStatus("2020-09-01", 3, "2025-01-01")).toMatchObject({ remainingDays: 0, isFulfilled: true, servedDays: 1095 });
  });
  it("before its first day nothing is served (5 years over two leap days: 1 827)", () => {
    expect(contractStatus("2027-09-01", 5, "2026-12-04")).toMatchObject({ servedDays: 0, hasStarted: false, remainingDays: 1827 });
  });
});

describe("grassroots service before promotion", () => {
  it("counts full-time days only, both ends included, overlaps once, open records to today", () => {
    const records = [
      { startDate: "2024-01-01", endDate: "2024-01-10", isFullTime: true }, // 10 days
      { startDate: "2024-01-05", endDate: "2024-01-20", isFullTime: true }, // +10 (11–20)
      { startDate: "2024-03-01", endDate: "2024-06-30", isFullTime: false }, // part-time: none
      { startDate: "2024-12-01", endDate: null, isFullTime: true }, // 1–10 Dec to today: 10
      { startDate: "2025-01-01", endDate: "2025-02-01", isFullTime: true }, // after today: none
    ];
    expect(grassrootsServiceDays(records, "2024-12-10")).toBe(30);
  });
  it("a record inside another adds nothing", () => {
    expect(grassrootsServiceDays([{ startDate: "2023-01-01", endDate: "2023-12-31", isFullTime: true }, { startDate: "2023-03-01", endDate: "2023-03-31", isFullTime: true }], "2026-01-01")).toBe(365);
  });
  it("one year is 365 days: 364 leaves one, 365 meets it", () => {
    expect(promotionServiceStatus(364)).toEqual({ requiredDays: 365, servedDays: 364, hasMet: false, remainingDays: 1 });
    expect(promotionServiceStatus(365)).toMatchObject({ hasMet: true, remainingDays: 0 });
    expect(promotionServiceStatus(0)).toMatchObject({ hasMet: false, remainingDays: 365 });
  });
});
