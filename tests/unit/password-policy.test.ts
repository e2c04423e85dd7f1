import { describe, expect, it } from "vitest";
import { COMMON_PASSWORDS } from "@/lib/domain/common-passwords";
import {
  characterClassCount,
  isAcceptablePassword,
  isCommonPassword,
  PASSWORD_MIN_LENGTH,
  passwordProblems,
} from "@/lib/domain/password-policy";
import { changePasswordSchema, makeChangePasswordSchema } from "@/lib/schemas/users";

const GOOD = "Lu-Xin#2026ab"; // 13 chars, four classes

describe("length", () => {
  it.each([
    ["Abcdefg1!", 9, ["passwordTooShort"]],
    ["Abcdefgh1!", 10, []],
    ["Abcdefghi1!", 11, []],
  ])("%s (%i characters)", (password, length, problems) => {
    expect(password).toHaveLength(length);
    expect(passwordProblems(password)).toEqual(problems);
  });
  it("counts characters, not UTF-16 units: nine CJK characters plus a digit make ten", () => {
    expect(passwordProblems("医生援疆八批次绍兴A1")).toEqual([]); // 9 CJK + A + 1 = 11 → fine
    expect(passwordProblems("援疆医生八批A1")).toContain("passwordTooShort"); // 8 characters
  });
  it("refuses more than 72 bytes (bcrypt would silently ignore the rest)", () => {
    expect(passwordProblems(`Aa1!${"x".repeat(68)}`)).toEqual([]); // 72 bytes
    expect(passwordProblems(`Aa1!${"x".repeat(69)}`)).toEqual(["passwordTooLong"]); // 73 bytes
    expect(passwordProblems(`Aa1${"医".repeat(24)}`)).toEqual(["passwordTooLong"]); // 3 + 72 bytes
  });
  it("the minimum is 10", () => {
    expect(PASSWORD_MIN_LENGTH).toBe(10);
  });
});

describe("character classes: at least three of four", () => {
  it.each([
    ["abcdefghij", 1],
    ["abcdeFGHIJ", 2],
    ["abcde12345", 2],
    ["abcdeFGH12", 3],
    ["abcdeFGH!!", 3],
    ["abcde123!!", 3],
    ["ABCDE123!!", 3],
    ["abcDE123!!", 4],
    ["中文密码中文密码ab", 2], // CJK counts as "other"
  ])("%s has %i classes", (password, classes) => {
    expect(characterClassCount(password)).toBe(classes);
    expect(passwordProblems(password).includes("passwordTooFewClasses")).toBe(classes < 3);
  });
});

describe("user name", () => {
  it("may not appear in the password, in any case", () => {
    expect(passwordProblems("Nominator#2026", { username: "nominator" })).toEqual(["passwordContainsUsername"]);
    expect(passwordProblems("x9!NOMINATORx", { username: "nominator" })).toEqual(["passwordContainsUsername"]);
    expect(passwordProblems("Nominat0r#2026", { username: "nominator" })).toEqual([]);
  });
  it("is only looked for from three characters on", () => {
    expect(passwordProblems("Wz-pass-2026", { username: "wz" })).toEqual([]);
    expect(passwordProblems("Wzh-pass-2026", { username: "wzh" })).toEqual(["passwordContainsUsername"]);
  });
  it("is ignored when absent", () => {
    expect(passwordProblems(GOOD, { username: null })).toEqual([]);
  });
});

describe("common passwords", () => {
  it("ships a list of about 200, Chinese favourites included", () => {
    expect(COMMON_PASSWORDS.length).toBeGreaterThanOrEqual(200);
    for (const p of ["123456", "password", "qwerty123", "woaini1314", "Aa123456!"]) expect(isCommonPassword(p)).toBe(true);
  });
  it("refuses a long common password that passes every other rule, whatever its case", () => {
    expect(passwordProblems("Admin@123456")).toEqual(["passwordTooCommon"]);
    expect(passwordProblems("P@ssw0rd123")).toEqual(["passwordTooCommon"]);
    expect(passwordProblems("1QAZ@wsx3edc")).toEqual(["passwordTooCommon"]);
  });
  it("a variant that is not on the list is not refused for that", () => {
    expect(passwordProblems("Admin@1234567")).toEqual([]);
  });
});

describe("current password", () => {
  it("the new password may not equal it", () => {
    expect(passwordProblems(GOOD, { currentPassword: GOOD })).toEqual(["passwordSameAsCurrent"]);
  });
  it("differing in one character is enough", () => {
    expect(passwordProblems(GOOD, { currentPassword: `${GOOD}x` })).toEqual([]);
  });
});

describe("several problems at once", () => {
  it("are all reported, each with its own key", () => {
    expect(passwordProblems("admin123", { username: "admin", currentPassword: "admin123" })).toEqual([
      "passwordTooShort",
      "passwordTooFewClasses",
      "passwordContainsUsername",
      "passwordTooCommon",
      "passwordSameAsCurrent",
    ]);
    expect(isAcceptablePassword("admin123")).toBe(false);
    expect(isAcceptablePassword(GOOD)).toBe(true);
  });
});

describe("the change-password schema uses the rule", () => {
  const base = { currentPassword: "Demo@2026", newPassword: GOOD, confirmPassword: GOOD };
  it("accepts a good change", () => {
    expect(changePasswordSchema.safeParse(base).success).toBe(true);
  });
  it("puts each problem on newPassword, and a mismatch on confirmPassword", () => {
    const result = changePasswordSchema.safeParse({ ...base, newPassword: "short", confirmPassword: "other" });
    expect(result.success).toBe(false);
    const issues = result.error!.issues.map((i) => [i.path.join("."), i.message]);
    expect(issues).toContainEqual(["newPassword", "passwordTooShort"]);
    expect(issues).toContainEqual(["confirmPassword", "passwordMismatch"]);
  });
  it("refuses the current password as the new one", () => {
    const same = changePasswordSchema.safeParse({ currentPassword: GOOD, newPassword: GOOD, confirmPassword: GOOD });
    expect(same.error?.issues.map((i) => i.message)).toEqual(["passwordSameAsCurrent"]);
  });
  it("with a user name, refuses a password containing it", () => {
    const r = makeChangePasswordSchema("doctor").safeParse({ ...base, newPassword: "Doctor#2026x", confirmPassword: "Doctor#2026x" });
    expect(r.error?.issues.map((i) => i.message)).toEqual(["passwordContainsUsername"]);
  });
});
