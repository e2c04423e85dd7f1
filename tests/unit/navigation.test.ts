// The menu per role: every item is one the policy lets the role open, each role sees its own work
// under its own words, and every label exists in both languages.
import { describe, expect, it } from "vitest";
import { permissions } from "@/lib/auth/policy";
import { Role } from "@/lib/generated/prisma/enums";
import { navFor, navItems, navLabelFor } from "@/lib/navigation";
import en from "@/messages/en/common.json";
import zh from "@/messages/zh-CN/common.json";

const labels = (role: Role) => navFor(role).map((item) => (zh.nav as Record<string, string>)[item.labelKey]);

describe("navFor", () => {
  it("lists only pages whose permission the role holds", () => {
    for (const role of Object.values(Role)) {
      for (const item of navFor(role)) expect(permissions[item.permission] as readonly Role[]).toContain(role);
    }
  });

  it("gives the doctor his own words and none of the bureau's work", () => {
    const doctor = labels("DOCTOR");
    expect(doctor).toContain("我的报名");
    expect(doctor).not.toContain("项目管理");
    expect(doctor).not.toContain("报名审核");
  });

  it("puts the receiving unit's incoming doctors in its menu, and no programme management", () => {
    const receiver = navFor("RECEIVING_SUPERVISOR");
    expect(receiver.map((i) => i.href)).toContain("/receiving");
    expect(labels("RECEIVING_SUPERVISOR")).toContain("在岗与拟接收人员");
    expect(labels("RECEIVING_SUPERVISOR")).not.toContain("项目管理");
  });

  it("keeps 项目管理 and 报名审核 for the bureau's staff", () => {
    expect(labels("BUREAU_STAFF")).toEqual(expect.arrayContaining(["项目管理", "报名审核"]));
  });

  it("names every label in both languages", () => {
    const keys = new Set(navItems.flatMap((item) => [item.labelKey, ...Object.values(item.labelFor ?? {})]));
    for (const key of keys) {
      expect((zh.nav as Record<string, string>)[key], key).toBeTruthy();
      expect((en.nav as Record<string, string>)[key], key).toBeTruthy();
    }
  });
});

describe("navLabelFor", () => {
  it("gives a page's breadcrumb the role's own menu words", () => {
    expect(navLabelFor("/doctors", "HOSPITAL_NOMINATOR")).toBe("ourDoctors");
    expect(navLabelFor("/doctors", "BUREAU_STAFF")).toBe("doctors");
    expect(navLabelFor("/applications", "DOCTOR")).toBe("myApplications");
    expect(() => navLabelFor("/nowhere", "DOCTOR")).toThrow();
  });
});
