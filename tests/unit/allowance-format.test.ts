import { readFileSync } from "node:fs";
import path from "node:path";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { asDate, dayOptions, isoOf, ruleText } from "@/components/allowances/format";
import { periodText } from "@/components/allowances/line-view";
import { MAX_AMOUNT_FEN } from "@/lib/domain/money";
import { yuanCell } from "@/lib/server/allowance-export";

// The allowance figures at the edges (issue 13): the rule written beside a line's amount, in both
// languages from the real catalogues, and whole fen written into a payment sheet's yuan cell.
type Translate = Parameters<typeof ruleText>[0];
const translator = (locale: "zh-CN" | "en"): Translate => {
  const messages = JSON.parse(readFileSync(path.join(process.cwd(), "messages", locale, "allowances.json"), "utf8")) as Record<string, unknown>;
  return createTranslator({ locale, messages, namespace: "allowances" as never }) as unknown as Translate;
};
const zh = translator("zh-CN");
const en = translator("en");

const line = { kind: "SCHEDULED", daysServed: null as number | null, monthDays: null as number | null, rateFen: 200_000, reason: null as string | null, paidBeforeFen: null as number | null, isGenerated: true };

describe("ruleText: what a line's amount is made of, beside the figure", () => {
  it("a part month: days served over the month's days × the month's rate (a 31-day month, February in a leap year)", () => {
    expect(ruleText(zh, { ...line, daysServed: 17, monthDays: 31 })).toBe("17/31天 × 2,000.00元");
    expect(ruleText(en, { ...line, daysServed: 17, monthDays: 31 })).toBe("17/31 days × ¥2,000.00");
    expect(ruleText(zh, { ...line, daysServed: 15, monthDays: 29, rateFen: 100_000 })).toBe("15/29天 × 1,000.00元");
  });

  it("a full month names the month's rate, not a fraction", () => {
    expect(ruleText(zh, { ...line, daysServed: 30, monthDays: 30 })).toBe("整月 · 2,000.00元");
    expect(ruleText(en, { ...line, daysServed: 28, monthDays: 28 })).toBe("Full month · ¥2,000.00");
  });

  it("a one-time item (no days) is one-time", () => {
    expect(ruleText(zh, { ...line, rateFen: 1_000_000 })).toBe("一次性");
    expect(ruleText(en, { ...line, rateFen: 1_000_000 })).toBe("One-time");
  });

  it("an event and an adjustment carry their reason, the adjustment also what had been paid (to the fen, negative too)", () => {
    expect(ruleText(zh, { ...line, kind: "EVENT", reason: "年度考核优秀", isGenerated: false })).toBe("事项：年度考核优秀");
    expect(ruleText(en, { ...line, kind: "EVENT", reason: "Excellent annual grade", isGenerated: false })).toBe("Event: Excellent annual grade");
    expect(ruleText(zh, { ...line, kind: "ADJUSTMENT", reason: "提前结束", paidBeforeFen: 200_000 })).toBe("调整：提前结束（原已发 2,000.00元）");
    expect(ruleText(en, { ...line, kind: "ADJUSTMENT", reason: "ended early", paidBeforeFen: 66_667 })).toBe("Adjustment: ended early (paid before ¥666.67)");
    expect(ruleText(zh, { ...line, kind: "ADJUSTMENT", reason: "更正", paidBeforeFen: null })).toBe("调整：更正（原已发 0.00元）");
  });

  it("refuses a rate that is not whole fen (a float in the money path is a defect)", () => {
    expect(() => ruleText(zh, { ...line, daysServed: 1, monthDays: 3, rateFen: 333.33 })).toThrow(RangeError);
  });
});

describe("yuanCell: whole fen as the payment sheet's yuan number, through the decimal text", () => {
  it.each([
    [0, 0],
    [1, 0.01],
    [10, 0.1],
    [29, 0.29],
    [33_333, 333.33],
    [66_667, 666.67],
    [109_677, 1096.77],
    [1_000_000, 10000],
    [-150_000, -1500],
    [-33, -0.33],
    [MAX_AMOUNT_FEN, 1_000_000],
    // a programme's total, far above one line's cap, still exact to the fen
    [1_440_000_007, 14_400_000.07],
  ])("%i fen → %d", (fen, yuan) => {
    expect(yuanCell(fen)).toBe(yuan);
    // Written back with two decimals (the cell's #,##0.00), it is the same fen.
    expect(Math.round(yuanCell(fen) * 100)).toBe(fen);
  });

  it("refuses anything but whole fen", () => {
    expect(() => yuanCell(0.5)).toThrow(RangeError);
    expect(() => yuanCell(Number.NaN)).toThrow(RangeError);
  });
});

describe("a line's days as shown", () => {
  const day = (d: Date) => new Intl.DateTimeFormat("zh-CN", dayOptions).format(d);
  it("a period is its first and last day, or the one day; dates are calendar days (UTC midnight)", () => {
    expect(isoOf(asDate("2028-02-29"))).toBe("2028-02-29");
    expect(periodText(asDate("2026-12-05"), asDate("2026-12-31"), day)).toBe("2026/12/5–2026/12/31");
    expect(periodText(asDate("2027-01-18"), asDate("2027-01-18"), day)).toBe("2027/1/18");
  });
});
