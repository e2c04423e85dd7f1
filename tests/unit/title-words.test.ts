import { readFileSync } from "node:fs";
import path from "node:path";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { titleInWords, titleName, type DoctorsTranslate } from "@/lib/title-words";

// A title in each locale's own words (issue 15): English pages said 主任医师（senior）.
function tDoctors(locale: "zh-CN" | "en") {
  const messages = JSON.parse(readFileSync(path.join(process.cwd(), "messages", locale, "doctors.json"), "utf8")) as Record<string, unknown>;
  return createTranslator({ locale, messages, namespace: "doctors" }) as unknown as DoctorsTranslate;
}

describe("titles in words", () => {
  it("Chinese reads the recorded name with the level in Chinese", () => {
    expect(titleInWords(tDoctors("zh-CN"), { name: "主任医师", level: "SENIOR" })).toBe("主任医师（正高）");
  });
  it("English reads the standard name and the level in English, with no Chinese in it", () => {
    const en = tDoctors("en");
    expect(titleInWords(en, { name: "主任医师", level: "SENIOR" })).toBe("Chief physician (Senior)");
    for (const name of ["住院医师", "主治医师", "副主任医师", "中医师", "主治中医师", "副主任中医师", "主任中医师", "主管护师"]) {
      expect(titleName(en, name)).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });
  it("a name outside the standard list is shown as recorded, never dropped", () => {
    expect(titleName(tDoctors("en"), "特级专家")).toBe("特级专家");
    expect(titleName(tDoctors("en"), "a.b")).toBe("a.b");
  });
});
