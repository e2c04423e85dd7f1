import { describe, expect, it } from "vitest";
import { KIND_SHORT_NAMES, programShortName, registrationNumber } from "@/lib/domain/registration-number";

describe("registration numbers", () => {
  it("year, short name, sequence padded to three digits (more past 999)", () => {
    const xj = { year: 2013, name: "绍兴市第八批援疆医生选派", kind: "LONG_TERM_AID" as const };
    expect(registrationNumber(xj, 1)).toBe("2013-援疆-001");
    expect(registrationNumber(xj, 42)).toBe("2013-援疆-042");
    expect(registrationNumber(xj, 999)).toBe("2013-援疆-999");
    expect(registrationNumber(xj, 1000)).toBe("2013-援疆-1000");
    for (const bad of [0, -1, 1.5]) expect(() => registrationNumber(xj, bad)).toThrow();
  });

  it("the short name comes from the programme's name, else from its kind", () => {
    expect(programShortName("西藏那曲援藏医疗队", "LONG_TERM_AID")).toBe("援藏");
    expect(programShortName("万州区2023年“县聘乡用”医生招聘", "COUNTY_HIRE_TOWNSHIP_USE")).toBe("县聘乡用");
    expect(programShortName("长期派驻", "LONG_TERM_AID")).toBe(KIND_SHORT_NAMES.LONG_TERM_AID);
    expect(programShortName("传帮带", "COUNTERPART_SUPPORT")).toBe("对口支援");
    expect(programShortName("巡回医疗", "OTHER")).toBe("项目");
  });
});
