import { describe, expect, it } from "vitest";
import { defaultCutoffDate, isKnownCutoff, nextOtherCode } from "@/lib/domain/cutoff-kinds";

// Seed 000's cut-offs, in the order the programme page lists them (by date): tenure before age.
const seed000 = [
  { code: "TITLE_TENURE", date: "2013-10-31" },
  { code: "AGE", date: "2013-12-31" },
];

describe("defaultCutoffDate", () => {
  it("gives a new age condition the age cut-off, not the first one listed", () => {
    expect(defaultCutoffDate("ageAtMost", seed000)).toBe("2013-12-31");
  });
  it("gives a tenure condition the tenure cut-off", () => {
    expect(defaultCutoffDate("titleHeldYears", seed000)).toBe("2013-10-31");
  });
  it("gives a hiring condition the hiring cut-off, or the only cut-off there is", () => {
    expect(defaultCutoffDate("hiredWithinYears", [{ code: "HIRE", date: "2022-12-31" }, ...seed000])).toBe("2022-12-31");
    expect(defaultCutoffDate("hiredWithinYears", [{ code: "OTHER_1", date: "2022-06-30" }])).toBe("2022-06-30");
  });
  it("leaves the date empty when no cut-off fits (the user must choose, rather than get the wrong one)", () => {
    expect(defaultCutoffDate("hiredWithinYears", seed000)).toBe("");
    expect(defaultCutoffDate("ageAtMost", [])).toBe("");
  });
  it("gives undated conditions no date", () => {
    expect(defaultCutoffDate("educationAtLeast", seed000)).toBe("");
  });
});

describe("cut-off codes", () => {
  it("knows the seed's kinds", () => {
    expect(isKnownCutoff("AGE")).toBe(true);
    expect(isKnownCutoff("OTHER_1")).toBe(false);
  });
  it("numbers further cut-offs after those in use", () => {
    expect(nextOtherCode(["AGE"])).toBe("OTHER_1");
    expect(nextOtherCode(["OTHER_1", "AGE", "OTHER_3"])).toBe("OTHER_2");
  });
});
