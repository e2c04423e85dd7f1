import { readFileSync } from "node:fs";
import path from "node:path";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { auditChangeLine, auditFieldLines, auditSummary, auditValuesText, nameKey, valueInWords, type Translate } from "@/lib/audit-labels";

// Audit entries in words (issue 15): enums by their catalogue per entity, ids by the record's name,
// dates in Beijing time, internal ids and hashes left out; the export's cell text has no JSON.
function words(locale: "zh-CN" | "en") {
  const dir = path.join(process.cwd(), "messages", locale);
  const messages = Object.assign({}, ...["audit", "common", "programs", "doctors", "organizations", "dispatches"].map((f) => JSON.parse(readFileSync(path.join(dir, `${f}.json`), "utf8")))) as Record<string, unknown>;
  return { t: createTranslator({ locale, messages, namespace: "audit" }) as unknown as Translate, tAll: createTranslator({ locale, messages }) as unknown as Translate };
}
const zh = words("zh-CN");
const names = new Map([[nameKey("Post", "p1"), "口腔科医生·第1批"], [nameKey("Organization", "o1"), "绍兴市人民医院"]]);

describe("values in words", () => {
  it.each([
    ["Application", "status", "IN_PROGRESS", "审核中"],
    ["Program", "status", "OPEN", "报名中"],
    ["Dispatch", "status", "ACTIVE", "在岗服务"],
    ["Application", "currentStage", "REPORT_LIST", "上报名单"],
    ["Doctor", "positionRank", "DEPARTMENT_HEAD", "科主任"],
    ["Organization", "kind", "HOSPITAL", "医院"],
    ["Application", "postId", "p1", "口腔科医生·第1批"],
    ["Application", "nominatingOrgId", "o1", "绍兴市人民医院"],
    ["User", "isActive", false, "否"],
    ["User", "lockedUntil", "2026-03-15T02:20:00.000Z", "2026-03-15 10:20"],
    ["Doctor", "birthDate", "1980-05-05T00:00:00.000Z", "1980-05-05"],
    ["Doctor", "phone", null, "（空）"],
  ])("%s.%s %j → %s", (entity, field, value, expected) => {
    expect(valueInWords(zh, entity, field, value, names)).toBe(expected);
  });

  it("an id that cannot be resolved stays as it is; a status of an entity without its own enum too", () => {
    expect(valueInWords(zh, "Application", "postId", "gone", names)).toBe("gone");
    expect(valueInWords(zh, "Attachment", "status", "X", names)).toBe("X");
  });
});

describe("field lines and the export's text", () => {
  const before = { id: "a1", postId: "p1", status: "IN_PROGRESS", currentStage: "INSPECTION" };
  const after = { id: "a1", postId: "p1", status: "APPROVED", currentStage: "REPORT_LIST", decision: { id: "d1", stage: "INSPECTION", outcome: "PASS" }, tokenHash: "x" };
  const lines = auditFieldLines(zh, "Application", before, after, names);

  it("labels every field, leaves out ids and hashes, keeps the code as the secondary value", () => {
    expect(lines.map((l) => l.label)).toEqual(["岗位", "状态", "当前阶段", "审核决定·阶段", "审核决定·结果"]);
    expect(lines.find((l) => l.path === "status")).toMatchObject({ before: "审核中", after: "已确定", beforeRaw: "IN_PROGRESS", afterRaw: "APPROVED", isChanged: true });
    expect(lines.find((l) => l.path === "postId")).toMatchObject({ isChanged: false, afterRaw: "p1" });
  });

  it("the export cell is label：value pairs, no JSON", () => {
    expect(auditValuesText(zh, lines, "after")).toBe("岗位：口腔科医生·第1批；状态：已确定；当前阶段：上报名单；审核决定·阶段：考察；审核决定·结果：通过");
    expect(auditValuesText(words("en"), auditFieldLines(words("en"), "Application", null, { status: "REJECTED" }, names), "after")).toBe("Status: Not selected");
  });

  it("a decision reads as a sentence; other actions name their record", () => {
    const row = { actorName: "沈佳怡", action: "application.decide", entity: "Application", entityId: "a1", before, after };
    expect(auditSummary(zh, row, new Map([[nameKey("Application", "a1"), "张三（口腔科医生·第1批）"]]))).toBe("沈佳怡 将 张三（口腔科医生·第1批）在「考察」阶段标为通过");
    expect(auditSummary(zh, { ...row, action: "doctor.update", entity: "Doctor", entityId: "x", after: { name: "李四" } }, names)).toBe("沈佳怡 修改医生信息：李四");
    expect(auditSummary(zh, { ...row, actorName: null, action: "auth.login_failed", entity: "User", entityId: null, after: { username: "ghost" } }, names)).toBe("未知用户 登录失败：ghost");
  });
});

describe("an entry's change in one line (the list; the whole table is on the entry's page)", () => {
  const en = words("en");
  const lines = (w: typeof zh, before: unknown, after: unknown) => auditFieldLines(w, "Application", before, after, names);

  it("names the changed fields, three at most", () => {
    const before = { status: "IN_PROGRESS", currentStage: "INSPECTION", rank: 2, postId: "p1" };
    expect(auditChangeLine(zh, lines(zh, before, { ...before, status: "APPROVED", currentStage: "REPORT_LIST" }))).toBe("变更 2 项：状态、当前阶段");
    expect(auditChangeLine(en, lines(en, before, { ...before, status: "APPROVED" }))).toBe("1 change: Status");
    const four = { status: "APPROVED", currentStage: "REPORT_LIST", rank: 1, postId: "p2" };
    expect(auditChangeLine(zh, lines(zh, before, four))).toBe("变更 4 项：状态、当前阶段、排序 等");
  });

  it("counts what a creation recorded or a removal held; says when nothing changed or nothing came with it", () => {
    expect(auditChangeLine(zh, lines(zh, null, { status: "IN_PROGRESS", postId: "p1" }))).toBe("记录了 2 项内容");
    expect(auditChangeLine(en, lines(en, { status: "IN_PROGRESS" }, null))).toBe("1 value before removal");
    expect(auditChangeLine(zh, lines(zh, { status: "IN_PROGRESS" }, { status: "IN_PROGRESS" }))).toBe("没有字段变化");
    expect(auditChangeLine(zh, [])).toBe("此记录没有附带数据。");
  });
});
