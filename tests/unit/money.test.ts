import { describe, expect, it } from "vitest";
import { MAX_AMOUNT_FEN, formatYuan, isFen, parseYuan, prorateFen, sumFen, yuanInputValue } from "@/lib/domain/money";

describe("parseYuan: what a person types, read as text into whole fen", () => {
  it.each([
    ["10000", 1_000_000],
    ["10 000", 1_000_000],
    ["10,000", 1_000_000],
    ["10，000.5", 1_000_050],
    ["¥1 500.00", 150_000],
    ["￥2000元", 200_000],
    ["0.01", 1],
    ["0.1", 10],
    ["-200", -20_000],
    ["+3", 300],
    // 0.1 + 0.2 is 0.30000000000000004 in floating point; read as text it is exactly 30 fen.
    ["0.3", 30],
    ["1.10", 110],
    ["333.33", 33_333],
  ])("%s → %i fen", (text, fen) => {
    expect(parseYuan(text)).toBe(fen);
  });

  it.each(["", "abc", "1.234", "1e3", "1.2.3", "--1", "12a", "1000000000", ".5", "NaN", "Infinity", "1/3"])("refuses %j", (text) => {
    expect(parseYuan(text)).toBeNull();
  });
});

describe("formatYuan: whole fen to two decimals", () => {
  it.each([
    [0, "0.00"],
    [1, "0.01"],
    [10, "0.10"],
    [99, "0.99"],
    [100, "1.00"],
    [1_000_000, "10,000.00"],
    [66_667, "666.67"],
    [-33, "-0.33"],
    [-150_000, "-1,500.00"],
    [123_456_789, "1,234,567.89"],
  ])("%i → %s", (fen, text) => {
    expect(formatYuan(fen)).toBe(text);
  });

  it("round-trips through parseYuan", () => {
    for (const fen of [0, 1, 99, 100, 33_333, 1_000_000, -4_567, MAX_AMOUNT_FEN]) expect(parseYuan(formatYuan(fen))).toBe(fen);
    expect(yuanInputValue(1_050_000)).toBe("10500.00");
  });

  it("refuses anything but a whole number of fen (a float in the money path is a defect)", () => {
    expect(() => formatYuan(0.5)).toThrow(RangeError);
    expect(() => formatYuan(Number.NaN)).toThrow(RangeError);
  });
});

describe("prorateFen: amount × part ÷ whole, half up to the fen, in integers", () => {
  it.each([
    // thirds: 1 000.00 × 1/3 = 333.333… → 333.33; × 2/3 = 666.666… → 666.67
    [100_000, 1, 3, 33_333],
    [100_000, 2, 3, 66_667],
    // a 31-day month: 2 000 yuan × 17/31 = 1 096.774… → 1 096.77; × 16/31 = 1 032.258… → 1 032.26
    [200_000, 17, 31, 109_677],
    [200_000, 16, 31, 103_226],
    [200_000, 1, 31, 6_452],
    [200_000, 31, 31, 200_000],
    // February: 29 days in a leap year, 28 in a common one
    [200_000, 15, 29, 103_448],
    [200_000, 14, 29, 96_552],
    [200_000, 14, 28, 100_000],
    [100_000, 1, 28, 3_571],
    [100_000, 1, 29, 3_448],
    // 30-day months, and a month with one day served
    [100_000, 1, 30, 3_333],
    [100_000, 29, 30, 96_667],
    // exact halves go up: 1 fen × 1/2 = 0.5 → 1; 3 fen × 1/2 = 1.5 → 2; 5 fen × 3/10 = 1.5 → 2
    [1, 1, 2, 1],
    [3, 1, 2, 2],
    [5, 3, 10, 2],
    // just below a half stays down: 1 fen × 14/29 = 0.4827… → 0
    [1, 14, 29, 0],
    [0, 5, 31, 0],
    [MAX_AMOUNT_FEN, 30, 31, 96_774_194],
  ])("%i × %i/%i = %i", (amount, part, whole, expected) => {
    expect(prorateFen(amount, part, whole)).toBe(expected);
    expect(Number.isInteger(prorateFen(amount, part, whole))).toBe(true);
  });

  it("equals the exact rational rounded half up, checked with BigInt over every day of every month length", () => {
    for (const whole of [28, 29, 30, 31]) {
      for (let part = 0; part <= whole; part++) {
        for (const amount of [1, 99, 100_000, 150_000, 200_000, 333_333, 1_000_000, 99_999_999]) {
          const exact = (BigInt(amount) * BigInt(part) * 2n + BigInt(whole)) / (2n * BigInt(whole));
          expect(BigInt(prorateFen(amount, part, whole))).toBe(exact);
        }
      }
    }
  });

  it("refuses fractions and amounts that are not money", () => {
    expect(() => prorateFen(100, 4, 3)).toThrow(RangeError);
    expect(() => prorateFen(100, 1, 0)).toThrow(RangeError);
    expect(() => prorateFen(100.5, 1, 3)).toThrow(RangeError);
    expect(() => prorateFen(-100, 1, 3)).toThrow(RangeError);
    expect(() => prorateFen(MAX_AMOUNT_FEN + 1, 1, 3)).toThrow(RangeError);
  });
});

describe("sums and bounds", () => {
  it("sums whole fen exactly and refuses a fraction", () => {
    expect(sumFen([33_333, 33_333, 33_334])).toBe(100_000);
    expect(sumFen([])).toBe(0);
    expect(() => sumFen([1, 0.5])).toThrow(RangeError);
  });

  it("isFen: positive whole fen up to 1 000 000 yuan; zero and negatives only when asked", () => {
    expect(isFen(1)).toBe(true);
    expect(isFen(MAX_AMOUNT_FEN)).toBe(true);
    expect(isFen(MAX_AMOUNT_FEN + 1)).toBe(false);
    expect(isFen(0)).toBe(false);
    expect(isFen(0, { allowZero: true })).toBe(true);
    expect(isFen(-5)).toBe(false);
    expect(isFen(-5, { allowNegative: true })).toBe(true);
    expect(isFen(1.5)).toBe(false);
    expect(isFen("100")).toBe(false);
  });
});
