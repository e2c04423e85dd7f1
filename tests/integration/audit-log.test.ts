// The audit log against real data: scoping (two bureaus side by side, unattributed events), filters
// (action, Asia/Shanghai day boundaries, text), who may read it, the export equals the page's rows,
// logins are audited, and the database itself refuses to change or delete a row.
import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { createTranslator } from "next-intl";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { can, type Scope } from "@/lib/auth/policy";
import { auditFilterSchema, type AuditFilters } from "@/lib/schemas/audit";
import { authenticate } from "@/lib/server/authentication";
import { auditExportRows, auditFilterOptions, buildAuditExport, getAuditEntry, listAuditLog, type AuditRow, type Translate } from "@/lib/server/audit-log";
import { buildScope } from "@/lib/server/organization-tree";
import { DEMO_PASSWORD, seedDemoData } from "@/prisma/seed";
import { createTestDatabase, type TestDatabase } from "./setup/db";

let db: TestDatabase;
const scopes: Record<string, Scope> = {};
let countyScope: Scope;
const ids: Record<string, string> = {};

function messages(locale: string, file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(process.cwd(), "messages", locale, `${file}.json`), "utf8")) as Record<string, unknown>;
}
const zh = Object.assign({}, ...["audit", "common", "programs", "doctors", "organizations"].map((f) => messages("zh-CN", f))) as Record<string, unknown>;
const labels = {
  t: createTranslator({ locale: "zh-CN", messages: zh, namespace: "audit" }) as unknown as Translate,
  tAll: createTranslator({ locale: "zh-CN", messages: zh }) as unknown as Translate,
  tRoles: createTranslator({ locale: "zh-CN", messages: zh, namespace: "roles" }) as unknown as Translate,
};

const filters = (input: Record<string, string>): AuditFilters => auditFilterSchema.parse(input);
const all = async (scope: Scope, f: AuditFilters = {}): Promise<AuditRow[]> => (await auditExportRows(db.prisma, scope, f)).rows;

// Instants around the Asia/Shanghai day 2026-03-15 (UTC+8): its first and last millisecond and its neighbours.
const BEFORE_DAY = new Date("2026-03-14T15:59:59.999Z"); // 14 Mar 23:59:59.999 in Shanghai
const DAY_START = new Date("2026-03-14T16:00:00.000Z"); // 15 Mar 00:00
const DAY_END = new Date("2026-03-15T15:59:59.999Z"); // 15 Mar 23:59:59.999
const AFTER_DAY = new Date("2026-03-15T16:00:00.000Z"); // 16 Mar 00:00

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemoData(db.prisma);
  for (const name of ["admin", "staff", "auditor", "nominator", "nominator2", "receiver", "doctor", "wz-admin"]) {
    const user = await db.prisma.user.findUniqueOrThrow({ where: { username: name }, include: { organization: true } });
    scopes[name] = await buildScope(db.prisma, user);
    ids[name] = user.id;
    ids[`${name}Org`] = user.organizationId;
  }
  // A county bureau's admin (柯桥区, under Shaoxing): a scope built for a user of that organisation.
  const county = await db.prisma.organization.findUniqueOrThrow({ where: { name: "绍兴市柯桥区卫生健康局" } });
  ids.countyOrg = county.id;
  countyScope = await buildScope(db.prisma, { id: "county-admin", role: "BUREAU_ADMIN", organizationId: county.id, doctorId: null });

  const row = (username: string, at: Date, action: string, extra: Record<string, unknown> = {}) => ({
    at,
    actorId: ids[username]!,
    actorName: username,
    actorRole: scopes[username]!.user.role,
    actorOrgId: ids[`${username}Org`]!,
    action,
    entity: "Organization",
    entityId: `org-${username}-${at.getTime()}`,
    ...extra,
  });
  await db.prisma.auditLog.createMany({
    data: [
      row("admin", BEFORE_DAY, "organization.update", { before: { name: "旧名", region: "浙江" }, after: { name: "新名", region: "浙江" } }),
      row("admin", DAY_START, "organization.create"),
      row("nominator", DAY_END, "user.locale_changed", { entity: "User", before: { locale: "zh-CN" }, after: { locale: "en" } }),
      row("admin", AFTER_DAY, "user.create", { entity: "User", after: { username: "new-user", note: 'a "quoted", comma\nline' } }),
      row("wz-admin", DAY_START, "organization.update", { after: { name: "万州的单位" } }),
      row("wz-admin", DAY_END, "user.create", { entity: "User" }),
      { at: DAY_END, action: "auth.login_failed", entity: "User", after: { username: "=cmd|' /C calc'!A0", reason: "unknown" }, ip: "203.0.113.9" },
    ],
  });
});

afterAll(async () => {
  await db?.drop();
});

describe("who may read the audit log", () => {
  it.each([
    ["admin", true],
    ["auditor", true],
    ["wz-admin", true],
    ["staff", false],
    ["nominator", false],
    ["nominator2", false],
    ["receiver", false],
    ["doctor", false],
  ])("%s → %s", async (name, allowed) => {
    expect(can(scopes[name]!, "audit.read")).toBe(allowed);
    // And even if a refused role reached the query, its scope selects nothing.
    if (!allowed) expect((await listAuditLog(db.prisma, scopes[name]!, {}, { page: 1 })).total).toBe(0);
  });
});

describe("scope", () => {
  it("a Wanzhou admin never sees Shaoxing rows, and Shaoxing never sees Wanzhou's", async () => {
    const wz = await all(scopes["wz-admin"]!);
    const wzOrgs = new Set(scopes["wz-admin"]!.subtreeIds);
    expect(wz.filter((r) => r.actorOrgId !== null).length).toBe(2);
    expect(wz.every((r) => r.actorOrgId === null || wzOrgs.has(r.actorOrgId))).toBe(true);
    expect(wz.some((r) => r.actorName === "admin" || r.actorName === "nominator")).toBe(false);

    for (const name of ["admin", "auditor"]) {
      const sx = await all(scopes[name]!);
      expect(sx.some((r) => r.actorName === "wz-admin")).toBe(false);
      // The bureau's own rows and those of a hospital below it.
      expect(sx.filter((r) => r.actorOrgId !== null).map((r) => r.actorName).sort()).toEqual(["admin", "admin", "admin", "nominator"]);
    }
  });

  it("one entry's own page reads it within the same scope: another bureau's entry, a forged number and a reader without the right get nothing", async () => {
    const [shaoxing] = await all(scopes.admin!, { action: "organization.update", actor: "admin" });
    expect(shaoxing).toBeDefined();
    expect(await getAuditEntry(db.prisma, scopes.auditor!, shaoxing!.id)).toMatchObject({ id: shaoxing!.id, action: "organization.update", before: { name: "旧名" } });
    expect(await getAuditEntry(db.prisma, scopes["wz-admin"]!, shaoxing!.id)).toBeNull();
    expect(await getAuditEntry(db.prisma, scopes.staff!, shaoxing!.id)).toBeNull();
    for (const forged of ["abc", "-1", "1e3", "99999999999999999999", ""]) expect(await getAuditEntry(db.prisma, scopes.admin!, forged)).toBeNull();
  });

  it("unattributed events (unknown user names, the seed) are seen by top-level bureaus, not by a county bureau", async () => {
    const unattributed = (rows: AuditRow[]) => rows.filter((r) => r.actorOrgId === null).map((r) => r.action).sort();
    expect(unattributed(await all(scopes.admin!))).toEqual(["auth.login_failed", "seed.demo"]);
    expect(unattributed(await all(scopes.auditor!))).toEqual(["auth.login_failed", "seed.demo"]);
    const county = await all(countyScope);
    expect(county).toEqual([]);
  });

  it("the filter choices come from the user's scope only", async () => {
    const wz = await auditFilterOptions(db.prisma, scopes["wz-admin"]!);
    expect(wz.actions).not.toContain("user.locale_changed");
    const sx = await auditFilterOptions(db.prisma, scopes.admin!);
    expect(sx.actions).toEqual(["auth.login_failed", "organization.create", "organization.update", "seed.demo", "user.create", "user.locale_changed"]);
    expect(sx.entities).toEqual(["Organization", "System", "User"]);
  });
});

describe("filters", () => {
  const admin = () => scopes.admin!;

  it("by action, exact or a whole family", async () => {
    expect((await all(admin(), filters({ action: "organization.update" }))).map((r) => r.at)).toEqual([BEFORE_DAY]);
    expect((await all(admin(), filters({ action: "organization.*" }))).map((r) => r.action)).toEqual(["organization.create", "organization.update"]);
    expect((await all(admin(), filters({ action: "user.*" }))).map((r) => r.action).sort()).toEqual(["user.create", "user.locale_changed"]);
  });

  it("by a day in Asia/Shanghai: its first and last millisecond are in, the neighbours out", async () => {
    const day = await all(admin(), filters({ from: "2026-03-15", to: "2026-03-15" }));
    expect(day.map((r) => r.at.toISOString()).sort()).toEqual([DAY_START, DAY_END, DAY_END].map((d) => d.toISOString()).sort());
    const fromOnly = await all(admin(), filters({ from: "2026-03-16", to: "2026-03-31" }));
    expect(fromOnly.filter((r) => r.actorName === "admin").map((r) => r.at)).toEqual([AFTER_DAY]);
    const toOnly = await all(admin(), filters({ to: "2026-03-14" }));
    expect(toOnly.filter((r) => r.actorName === "admin").map((r) => r.at)).toEqual([BEFORE_DAY]);
  });

  it("by text: actor name, entity id, action, and the user name of a failed login", async () => {
    expect((await all(admin(), filters({ q: "NOMINATOR" }))).map((r) => r.action)).toEqual(["user.locale_changed"]);
    expect((await all(admin(), filters({ q: `org-admin-${DAY_START.getTime()}` }))).map((r) => r.action)).toEqual(["organization.create"]);
    expect((await all(admin(), filters({ q: "locale_changed" }))).length).toBe(1);
    expect((await all(admin(), filters({ q: "cmd|" }))).map((r) => r.action)).toEqual(["auth.login_failed"]);
    expect(await all(scopes["wz-admin"]!, filters({ q: "nominator" }))).toEqual([]);
  });

  it("by entity and actor, combined with the others", async () => {
    expect((await all(admin(), filters({ entity: "User", actor: "admin" }))).map((r) => r.action)).toEqual(["user.create"]);
    expect((await all(admin(), filters({ actor: ids.nominator! }))).map((r) => r.action)).toEqual(["user.locale_changed"]);
  });

  it("rejects bad filters instead of ignoring them", () => {
    const bad = (input: Record<string, string>) => auditFilterSchema.safeParse(input).success;
    expect(bad({ from: "2026-02-30" })).toBe(false);
    expect(bad({ from: "23/11/2026" })).toBe(false);
    expect(bad({ from: "2026-11-24", to: "2026-11-23" })).toBe(false);
    expect(bad({ action: "auth.login'; DROP TABLE" })).toBe(false);
    expect(bad({ entity: "User<script>" })).toBe(false);
    expect(bad({ q: "x".repeat(101) })).toBe(false);
    expect(bad({ q: "", from: "", action: "" })).toBe(true);
  });

  it("pages newest first", async () => {
    const page = await listAuditLog(db.prisma, admin(), {}, { page: 1 });
    expect(page.total).toBe(6);
    const times = page.rows.map((r) => r.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect((await listAuditLog(db.prisma, admin(), {}, { page: 2 })).rows).toEqual([]);
  });
});

describe("export", () => {
  const cellText = (v: ExcelJS.CellValue): string | null => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString() : String(v));

  it("the workbook's rows are the query's rows, in order, with Chinese headers and Shanghai times", async () => {
    const f = filters({ action: "user.*" });
    const expected = await all(scopes.admin!, f);
    const result = await buildAuditExport(db.prisma, scopes.admin!, f, "xlsx", labels);
    expect(result).toMatchObject({ rowCount: expected.length, total: expected.length, isCapped: false });

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(result.body as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe("审计日志");
    const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1);
    expect(header.slice(0, 5)).toEqual(["时间", "经过", "操作人", "角色", "操作"]);
    expect(sheet.rowCount).toBe(1 + expected.length);
    const idColumn = header.indexOf("记录号") + 1;
    const actionColumn = header.indexOf("操作代码") + 1;
    for (const [i, row] of expected.entries()) {
      const line = sheet.getRow(i + 2);
      expect(line.getCell(idColumn).value).toBe(row.id);
      expect(line.getCell(actionColumn).value).toBe(row.action);
      // Excel shows the wall clock in Shanghai: the stored date is the instant plus eight hours.
      expect((line.getCell(1).value as Date).getTime()).toBe(Math.floor(row.at.getTime() / 1000) * 1000 + 8 * 3600_000);
    }
    expect(sheet.getRow(2).getCell(5).value).toBe("创建账户");
    expect(sheet.getRow(2).getCell(4).value).toBe("卫健委管理员");
  });

  it("CSV: BOM, the same rows, quoting of commas, quotes and line breaks, and no formula injection", async () => {
    const expected = await all(scopes.admin!);
    const result = await buildAuditExport(db.prisma, scopes.admin!, {}, "csv", labels);
    expect([...result.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = result.body.toString("utf8");
    expect(text.startsWith("\uFEFF时间,经过,操作人,角色,操作,")).toBe(true);
    // The user.create row's data, in words, carries a quote, a comma and a line break, quoted as CSV does.
    expect(text).toContain('"备注：a ""quoted"", comma\nline；用户名：new-user"');
    // No raw JSON anywhere.
    expect(text).not.toMatch(/[{[]"/);
    // The failed login's user name starts with "=": its cell is defused (a leading apostrophe); no cell starts with "=".
    expect(text.split("\r\n").some((line) => /(^|,)=/.test(line))).toBe(false);
    const dataLines = text.split("\r\n").filter(Boolean).length - 1;
    // Every row is one logical line (CRLF-separated; the note's line break inside its quoted cell is a bare LF).
    expect(dataLines).toBe(expected.length);
    expect(text).toContain("2026-03-16 00:00:00,admin 创建账户：new-user,admin,卫健委管理员,创建账户,账户,new-user,"); // AFTER_DAY in Shanghai
  });

  it("follows the page's order: sorted by action, A to Z and back, the same rows as the sorted page", async () => {
    const codesOf = async (dir: "asc" | "desc") => {
      const result = await buildAuditExport(db.prisma, scopes.admin!, {}, "xlsx", labels, undefined, { sort: "action", dir });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(result.body as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0]!;
      const column = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).indexOf("操作代码") + 1;
      return Array.from({ length: sheet.rowCount - 1 }, (_, i) => String(sheet.getRow(i + 2).getCell(column).value));
    };
    const asc = await codesOf("asc");
    expect(asc.length).toBeGreaterThan(2);
    expect(asc).toEqual([...asc].sort());
    expect(asc).not.toEqual((await all(scopes.admin!)).map((r) => r.action)); // not the default newest-first order
    expect(await codesOf("desc")).toEqual([...asc].sort().reverse());
    const page = await listAuditLog(db.prisma, scopes.admin!, {}, { page: 1, size: 100, sort: "action", dir: "asc" });
    expect(page.rows.map((r) => r.action)).toEqual(asc);
  });

  it("is capped, and says so in a last row", async () => {
    const result = await buildAuditExport(db.prisma, scopes.admin!, {}, "xlsx", labels, 2);
    expect(result).toMatchObject({ rowCount: 2, total: 6, isCapped: true });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(result.body as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(1 + 2 + 1);
    expect(cellText(sheet.getRow(4).getCell(1).value)).toContain("仅导出了最新的 2 条记录，共有 6 条");
  });
});

describe("logins are audited", () => {
  it("failures, the lock-out, a refusal while locked and a success each leave a row the admin can find", async () => {
    const now = new Date();
    for (let i = 0; i < 5; i++) await authenticate(db.prisma, { username: "staff", password: "wrong-password" }, "198.51.100.7", now);
    await authenticate(db.prisma, { username: "staff", password: DEMO_PASSWORD }, "198.51.100.7", now);
    expect((await authenticate(db.prisma, { username: "nominator2", password: DEMO_PASSWORD }, "198.51.100.8", now)).ok).toBe(true);

    const auth = await all(scopes.admin!, filters({ action: "auth.*", q: "198.51.100" }));
    const count = (action: string) => auth.filter((r) => r.action === action).length;
    expect(count("auth.login_failed")).toBe(5);
    expect(count("auth.lockout")).toBe(1);
    expect(count("auth.login_refused_locked")).toBe(1);
    expect(count("auth.login")).toBe(1);
    expect(auth.every((r) => r.ip?.startsWith("198.51.100."))).toBe(true);
    // Wanzhou sees none of Shaoxing's logins.
    expect(await all(scopes["wz-admin"]!, filters({ q: "198.51.100" }))).toEqual([]);
  });
});

describe("the database keeps the log append-only", () => {
  it.each([
    ["UPDATE", `UPDATE "AuditLog" SET "action" = 'tampered'`],
    ["DELETE", `DELETE FROM "AuditLog"`],
    ["TRUNCATE", `TRUNCATE "AuditLog"`],
  ])("refuses %s, even in raw SQL", async (op, sql) => {
    const before = await db.prisma.auditLog.count();
    await expect(db.prisma.$executeRawUnsafe(sql)).rejects.toThrow(new RegExp(`AuditLog is append-only: ${op} is not allowed`));
    expect(await db.prisma.auditLog.count()).toBe(before);
    expect(await db.prisma.auditLog.count({ where: { action: "tampered" } })).toBe(0);
  });

  it("refuses it through the client too", async () => {
    const row = await db.prisma.auditLog.findFirstOrThrow();
    await expect(db.prisma.auditLog.update({ where: { id: row.id }, data: { action: "tampered" } })).rejects.toThrow(/append-only/);
    await expect(db.prisma.auditLog.deleteMany({})).rejects.toThrow(/append-only/);
  });
});
