import { describe, expect, it } from "vitest";
import { createUserSchema, updateUserSchema } from "@/lib/schemas/users";

// Accounts carry an e-mail address (for e-mail notifications) and a phone, each checked for format
// (issue 15); blank is none.
const base = { username: "li.na", displayName: "李娜", role: "BUREAU_STAFF", organizationId: "org-1" };
const issues = (input: Record<string, unknown>) => {
  const r = createUserSchema.safeParse({ ...base, ...input });
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}:${i.message}`);
};

describe("account e-mail and phone", () => {
  it.each([
    [{ email: "Li.Na@SX-Health.gov.cn", phone: "13812345678" }, { email: "li.na@sx-health.gov.cn", phone: "13812345678" }],
    [{ email: "", phone: "" }, { email: null, phone: null }],
    [{}, { email: null, phone: null }],
    [{ phone: "0575-85123456" }, { phone: "0575-85123456" }],
    [{ phone: "(0575) 8512 3456" }, { phone: "057585123456" }],
  ])("%j is accepted as %j", (input, expected) => {
    expect(createUserSchema.parse({ ...base, ...input })).toMatchObject(expected);
  });

  it.each([
    [{ email: "li.na@" }, ["email:emailInvalid"]],
    [{ email: "not an address" }, ["email:emailInvalid"]],
    [{ phone: "12345" }, ["phone:phoneInvalid"]],
    [{ phone: "23812345678" }, ["phone:phoneInvalid"]],
    [{ phone: "138-1234-5678x" }, ["phone:phoneInvalid"]],
  ])("%j is refused", (input, expected) => {
    expect(issues(input)).toEqual(expected);
  });

  it("the edit form checks them the same way", () => {
    const edit = { id: "u1", displayName: "李娜", role: "BUREAU_STAFF", organizationId: "org-1", version: 1 };
    expect(updateUserSchema.safeParse({ ...edit, email: "x@y" }).success).toBe(false);
    expect(updateUserSchema.parse({ ...edit, email: "a@b.cn", phone: "13900000000" })).toMatchObject({ email: "a@b.cn", phone: "13900000000" });
  });
});
