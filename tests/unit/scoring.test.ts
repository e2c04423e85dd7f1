import { describe, expect, it } from "vitest";
import {
  checkPoints,
  checkTopQuota,
  DEFAULT_BANDS,
  daysServedInYear,
  formatHundredths,
  formatTenths,
  gradeFor,
  isAssessed,
  monthsServed,
  parseTenths,
  rankByTotal,
  schemeProblems,
  topGradeQuota,
  weightedTotal,
} from "@/lib/domain/scoring";

const seed001Parties = [
  { kind: "RECEIVING_UNIT", weight: 60 },
  { kind: "BUREAU", weight: 30 },
  { kind: "DISPATCHING_UNIT", weight: 10 },
];
const seed001Aspects = [{ maxPoints: 20 }, { maxPoints: 20 }, { maxPoints: 20 }, { maxPoints: 20 }, { maxPoints: 20 }];

describe("points as typed", () => {
  it.each([
    ["18.5", 185],
    ["20", 200],
    ["0", 0],
    ["0.1", 1],
    [" 7 ", 70],
    ["100.0", 1000],
  ])("%s is %i tenths", (text, tenths) => expect(parseTenths(text)).toBe(tenths));

  it.each(["18.55", "-1", "1e1", "", "abc", "1,5", "18.", ".5", "1000"])("%s is refused (wrong precision or not a number)", (text) => {
    expect(parseTenths(text)).toBeNull();
  });

  it("formats tenths and hundredths", () => {
    expect(formatTenths(185)).toBe("18.5");
    expect(formatTenths(200)).toBe("20");
    expect(formatHundredths(8805)).toBe("88.05");
    expect(formatHundredths(0)).toBe("0.00");
  });
});

describe("checkPoints", () => {
  it("accepts each aspect from 0 to its maximum", () => {
    expect(checkPoints(seed001Aspects, [0, 200, 199, 1, 100])).toEqual([]);
  });
  it("refuses above the maximum, below zero, fractions of a tenth and a wrong count", () => {
    expect(checkPoints(seed001Aspects, [201, 0, 0, 0, 0])).toEqual([{ aspect: 0, problem: "outOfRange" }]);
    expect(checkPoints(seed001Aspects, [0, -1, 0, 0, 0])).toEqual([{ aspect: 1, problem: "outOfRange" }]);
    expect(checkPoints(seed001Aspects, [0, 0, 10.5, 0, 0])).toEqual([{ aspect: 2, problem: "notWhole" }]);
    expect(checkPoints(seed001Aspects, [0, 0, 0, 0])).toEqual([{ aspect: -1, problem: "count" }]);
  });
});

describe("weightedTotal (hundredths, half up)", () => {
  it("seed 001's 60:30:10", () => {
    // 0.6 × 88.5 + 0.3 × 90 + 0.1 × 79.5 = 53.1 + 27 + 7.95 = 88.05
    expect(weightedTotal(seed001Parties, { RECEIVING_UNIT: 885, BUREAU: 900, DISPATCHING_UNIT: 795 })).toBe(8805);
  });
  it("rounds the thousandth half up", () => {
    // 0.6 × 0.1 + 0.3 × 0 + 0.1 × 0.1 = 0.07 exactly
    expect(weightedTotal(seed001Parties, { RECEIVING_UNIT: 1, BUREAU: 0, DISPATCHING_UNIT: 1 })).toBe(7);
    // 0.15 × 0.1 = 0.015 → 0.02 (half up); 0.15 × 0.3 = 0.045 → 0.05; 0.15 × 0.7 = 0.105 → 0.11
    const six = [{ kind: "A", weight: 15 }, { kind: "B", weight: 85 }];
    expect(weightedTotal(six, { A: 1, B: 0 })).toBe(2);
    expect(weightedTotal(six, { A: 3, B: 0 })).toBe(5);
    expect(weightedTotal(six, { A: 7, B: 0 })).toBe(11);
    // 0.15 × 0.2 = 0.03 exactly; 0.15 × 0.9 = 0.135 → 0.14
    expect(weightedTotal(six, { A: 2, B: 0 })).toBe(3);
    expect(weightedTotal(six, { A: 9, B: 0 })).toBe(14);
  });
  it("full marks from every party is 100.00, none is 0.00", () => {
    expect(weightedTotal(seed001Parties, { RECEIVING_UNIT: 1000, BUREAU: 1000, DISPATCHING_UNIT: 1000 })).toBe(10000);
    expect(weightedTotal(seed001Parties, { RECEIVING_UNIT: 0, BUREAU: 0, DISPATCHING_UNIT: 0 })).toBe(0);
  });
  it("is null until every party has scored", () => {
    expect(weightedTotal(seed001Parties, { RECEIVING_UNIT: 900, BUREAU: 900 })).toBeNull();
  });
  it("never drifts like floating point would (every sum of tenths, two parties)", () => {
    const two = [{ kind: "A", weight: 60 }, { kind: "B", weight: 40 }];
    for (let a = 0; a <= 1000; a += 7) {
      for (let b = 0; b <= 1000; b += 13) {
        const exactThousandths = 60 * a + 40 * b; // always a multiple of 10: no rounding at all
        expect(weightedTotal(two, { A: a, B: b })).toBe(exactThousandths / 10);
      }
    }
  });
});

describe("gradeFor (default bands: 优秀 ≥ 90, 合格 ≥ 70, 基本合格 ≥ 60, else 不合格)", () => {
  it.each([
    [10000, "EXCELLENT"],
    [9000, "EXCELLENT"],
    [8999, "COMPETENT"],
    [7000, "COMPETENT"],
    [6999, "BASICALLY_COMPETENT"],
    [6000, "BASICALLY_COMPETENT"],
    [5999, "INCOMPETENT"],
    [0, "INCOMPETENT"],
  ])("%i hundredths is %s", (total, grade) => expect(gradeFor(DEFAULT_BANDS, total)).toBe(grade));

  it("takes a scheme's own bands in any order", () => {
    const bands = [
      { grade: "INCOMPETENT" as const, minTotal: 0 },
      { grade: "EXCELLENT" as const, minTotal: 8500 },
      { grade: "BASICALLY_COMPETENT" as const, minTotal: 5000 },
      { grade: "COMPETENT" as const, minTotal: 6500 },
    ];
    expect(gradeFor(bands, 8500)).toBe("EXCELLENT");
    expect(gradeFor(bands, 6499)).toBe("BASICALLY_COMPETENT");
  });
});

describe("topGradeQuota: 15% of the cohort, rounded down", () => {
  const expected: Record<number, number> = {};
  for (let n = 1; n <= 40; n++) expected[n] = n < 7 ? 0 : n < 14 ? 1 : n < 20 ? 2 : n < 27 ? 3 : n < 34 ? 4 : n < 40 ? 5 : 6;
  it.each(Object.entries(expected).map(([n, q]) => [Number(n), q]))("a cohort of %i may have %i 优秀", (n, q) => {
    expect(topGradeQuota(n, 15)).toBe(q);
    // and it is the floor: q ≤ 15% of n < q + 1
    expect(q * 100).toBeLessThanOrEqual(n * 15);
    expect((q + 1) * 100).toBeGreaterThan(n * 15);
  });
  it("15% of 7 is 1; of 6 is 0 (no 优秀 at all)", () => {
    expect(topGradeQuota(7, 15)).toBe(1);
    expect(topGradeQuota(6, 15)).toBe(0);
    expect(topGradeQuota(0, 15)).toBe(0);
    expect(topGradeQuota(20, 15)).toBe(3);
  });
  it("refuses nonsense", () => {
    expect(() => topGradeQuota(-1, 15)).toThrow(RangeError);
    expect(() => topGradeQuota(3.5, 15)).toThrow(RangeError);
    expect(() => topGradeQuota(10, 101)).toThrow(RangeError);
  });
});

describe("checkTopQuota names who is over, by the ranking", () => {
  it("a cohort of 7 may have one: the second-best is over", () => {
    const verdict = checkTopQuota(7, 15, [
      { id: "b", name: "王五", total: 9100 },
      { id: "a", name: "张三", total: 9400 },
    ]);
    expect(verdict.quota).toBe(1);
    expect(verdict.top.map((s) => s.name)).toEqual(["张三", "王五"]);
    expect(verdict.over.map((s) => s.name)).toEqual(["王五"]);
  });
  it("within the quota, nobody is over", () => {
    expect(checkTopQuota(14, 15, [{ id: "a", name: "甲", total: 9000 }, { id: "b", name: "乙", total: 9500 }]).over).toEqual([]);
  });
  it("ties rank by name, stably", () => {
    const ranked = rankByTotal([
      { id: "2", name: "乙", total: 9000 },
      { id: "1", name: "甲", total: 9000 },
      { id: "3", name: "丙", total: 9100 },
    ]);
    // 甲 (jiǎ) before 乙 (yǐ) in pinyin order
    expect(ranked.map((s) => s.id)).toEqual(["3", "1", "2"]);
  });
});

describe("who is assessed: 半年以上 in the year (以上 includes the half)", () => {
  it("2026 has 365 days: 183 days served is assessed, 182 is not", () => {
    expect(isAssessed(183, 2026)).toBe(true);
    expect(isAssessed(182, 2026)).toBe(false);
    expect(isAssessed(365, 2026)).toBe(true);
    expect(isAssessed(0, 2026)).toBe(false);
  });
  it("2024 has 366 days: exactly half, 183, is assessed; 182 is not", () => {
    expect(isAssessed(183, 2024)).toBe(true);
    expect(isAssessed(182, 2024)).toBe(false);
  });
  it("a scheme's own share: three quarters of 2026 is 273.75 days, so 274 is assessed and 273 is not", () => {
    expect(isAssessed(274, 2026, 75)).toBe(true);
    expect(isAssessed(273, 2026, 75)).toBe(false);
    expect(isAssessed(0, 2026, 0)).toBe(true);
  });
  it("counts only the days within the year, both ends included", () => {
    // Arrived 1 July 2026: 1 Jul – 31 Dec = 184 days → assessed.
    expect(daysServedInYear([{ first: "2026-07-01", last: "2027-06-30" }], 2026)).toBe(184);
    // Arrived 2 July 2026: 183 days → assessed (the half included).
    expect(daysServedInYear([{ first: "2026-07-02", last: "2027-07-01" }], 2026)).toBe(183);
    expect(isAssessed(daysServedInYear([{ first: "2026-07-02", last: "2027-07-01" }], 2026), 2026)).toBe(true);
    // Arrived 3 July 2026: 182 days → not.
    expect(isAssessed(daysServedInYear([{ first: "2026-07-03", last: "2027-07-02" }], 2026), 2026)).toBe(false);
    // Left on 30 June 2026 after a year: 181 days in 2026 → not.
    expect(daysServedInYear([{ first: "2025-07-01", last: "2026-06-30" }], 2026)).toBe(181);
    // Two dispatches in the year add up.
    expect(daysServedInYear([{ first: "2026-01-01", last: "2026-03-31" }, { first: "2026-09-01", last: "2026-12-31" }], 2026)).toBe(90 + 122);
    // A dispatch outside the year counts nothing.
    expect(daysServedInYear([{ first: "2027-01-01", last: "2027-12-31" }], 2026)).toBe(0);
  });
  it("shows served days as months to one decimal", () => {
    expect(monthsServed(365, 2026)).toBe("12.0");
    expect(monthsServed(182, 2026)).toBe("6.0");
    expect(monthsServed(150, 2026)).toBe("4.9");
    expect(monthsServed(0, 2026)).toBe("0.0");
  });
});

describe("schemeProblems", () => {
  const bands = DEFAULT_BANDS;
  it("seed 001's scheme is sound", () => {
    expect(schemeProblems({ parties: seed001Parties, aspects: seed001Aspects, bands })).toEqual([]);
  });
  it("weights not summing to 100, aspects not summing to 100, a party twice", () => {
    expect(schemeProblems({ parties: [{ kind: "A", weight: 60 }, { kind: "A", weight: 30 }], aspects: [{ maxPoints: 50 }], bands })).toEqual(
      expect.arrayContaining(["weightsNot100", "partyTwice", "aspectsNot100"]),
    );
  });
  it("bands must cover every grade, descend and start at 0", () => {
    expect(schemeProblems({ parties: seed001Parties, aspects: seed001Aspects, bands: bands.slice(0, 3) })).toContain("bandsIncomplete");
    expect(
      schemeProblems({
        parties: seed001Parties,
        aspects: seed001Aspects,
        bands: [
          { grade: "EXCELLENT", minTotal: 6000 },
          { grade: "COMPETENT", minTotal: 7000 },
          { grade: "BASICALLY_COMPETENT", minTotal: 5000 },
          { grade: "INCOMPETENT", minTotal: 100 },
        ],
      }),
    ).toEqual(expect.arrayContaining(["bandsNotDescending", "lowestBandNotZero"]));
  });
});
