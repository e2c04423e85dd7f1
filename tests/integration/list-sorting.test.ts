// Every list's server-side sort (a whitelisted key per list; a forged one is the default order, never
// an error), its page sizes and pages that never overlap, on real PostgreSQL with the demo seed; and
// the screening list's Excel export (the page's filters and order, values in words, nobody refused).
import { randomBytes } from "node:crypto";
import ExcelJS from "exceljs";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Page } from "@/lib/schemas/list-query";
import { auditPageSchema } from "@/lib/schemas/audit";
import { doctorListQuerySchema } from "@/lib/schemas/doctors";
import { organizationListQuerySchema } from "@/lib/schemas/organizations";
import { programListQuerySchema } from "@/lib/schemas/programs";
import { userListQuerySchema } from "@/lib/schemas/users";
import { hashToken } from "@/lib/server/api-tokens";
import { listAuditLog } from "@/lib/server/audit-log";
import { listDoctors } from "@/lib/server/doctors";
import { screenPost, screenPostForExport } from "@/lib/server/eligibility";
import { listOrganizations } from "@/lib/server/organizations";
import { listPrograms } from "@/lib/server/programs";
import { listUsers } from "@/lib/server/users";
import { demoWorld } from "./setup/vetting-fixtures";

vi.mock("next-intl/server", () => import("../support/next-intl-server"));

const w = demoWorld();
// The route handler reads lib/db's client: this file's database (bound once it exists).
vi.mock("@/lib/db", () => ({
  get prisma() {
    return w.db.prisma;
  },
}));
type Query = Record<string, string>;
type Value = string | number | boolean | null;

/** Code-point order, as the database's collation sorts these columns (the application list's test does the same). */
const cmp = (a: Value, b: Value) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1);

/**
 * One list's contract: `key` sorts by `value` both ways (ties aside), a forged key gives the default
 * order, size 20 gives pages of 20 that together are the first rows of size 100, and 7 is not a size.
 */
async function checkList<R extends { id: string }>(list: (query: Query) => Promise<Page<R>>, key: string, value: (row: R) => Value) {
  const asc = (await list({ size: "100", sort: key, dir: "asc" })).rows.map(value);
  expect(asc.length, `${key}: enough rows to sort`).toBeGreaterThan(2);
  expect(asc, `${key} ascending`).toEqual([...asc].sort(cmp));
  const desc = (await list({ size: "100", sort: key, dir: "desc" })).rows.map(value);
  expect(desc, `${key} descending`).toEqual([...desc].sort((a, b) => cmp(b, a)));
  expect(new Set(desc)).toEqual(new Set(asc));

  const ids = async (query: Query) => (await list(query)).rows.map((r) => r.id);
  const byDefault = await ids({ size: "100" });
  for (const forged of ["id", "password", 'name"; DROP TABLE "User"; --', "__proto__"]) {
    expect(await ids({ size: "100", sort: forged, dir: "desc" }), `forged sort key ${forged}`).toEqual(byDefault);
  }

  const all = await list({ size: "100", sort: key, dir: "desc" });
  const first = await list({ size: "20", sort: key, dir: "desc" });
  expect(first.rows.length).toBe(Math.min(20, all.total));
  expect(first.pageCount).toBe(Math.max(1, Math.ceil(all.total / 20)));
  const second = await list({ size: "20", sort: key, dir: "desc", page: "2" });
  expect([...first.rows, ...second.rows].map((r) => r.id)).toEqual(all.rows.slice(0, 40).map((r) => r.id));
  expect((await list({ size: "7" })).rows.length).toBe(Math.min(20, all.total));
}

describe("every list sorts on the server by its own keys only, in pages of 20, 50 or 100", () => {
  it("doctors: name, sex, birth date, employer, department", async () => {
    const list = (q: Query) => listDoctors(w.db.prisma, w.s.staff, doctorListQuerySchema.parse(q));
    await checkList(list, "name", (d) => d.name);
    await checkList(list, "birthDate", (d) => d.birthDate?.toISOString() ?? null);
    await checkList(list, "employer", (d) => d.employer.name);
    await checkList(list, "department", (d) => d.department);
  });

  it("organisations: name, kind, level, region, status", async () => {
    const list = (q: Query) => listOrganizations(w.db.prisma, w.s.admin, organizationListQuerySchema.parse(q));
    await checkList(list, "name", (o) => o.name);
    await checkList(list, "region", (o) => o.region);
    // Active (启用) first when ascending.
    await checkList(list, "status", (o) => (o.isActive ? 0 : 1));
  });

  it("programmes: name, year, status", async () => {
    const list = (q: Query) => listPrograms(w.db.prisma, w.s.admin, programListQuerySchema.parse(q));
    for (const [i, year] of [2011, 2012, 2015].entries()) {
      await w.db.prisma.program.create({ data: { bureauId: w.s.admin.user.organizationId, kind: "OTHER", name: `排序测试项目${i}`, year, status: "DRAFT", serviceMonths: 12 } });
    }
    await checkList(list, "name", (p) => p.name);
    await checkList(list, "year", (p) => p.year);
  });

  it("accounts: user name, display name, organisation, last sign-in", async () => {
    const list = (q: Query) => listUsers(w.db.prisma, w.s.admin, userListQuerySchema.parse(q));
    await checkList(list, "username", (u) => u.username);
    await checkList(list, "organization", (u) => u.organizationName);
    const signedIn = await list({ size: "100", sort: "lastLogin", dir: "desc" });
    const times = signedIn.rows.map((u) => u.lastLoginAt?.getTime() ?? null);
    // Most recent first; never signed in last.
    expect(times).toEqual([...times].sort((a, b) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : b - a)));
  });

  it("audit log: time, actor, action, entity", async () => {
    const admin = w.s.admin.user;
    await w.db.prisma.auditLog.createMany({
      data: Array.from({ length: 45 }, (_, i) => ({
        at: new Date(Date.UTC(2013, 10, 1 + (i % 28), i % 24)),
        actorId: admin.id,
        actorName: `审计测试${String.fromCharCode(65 + (i % 7))}`,
        actorRole: admin.role,
        actorOrgId: admin.organizationId,
        action: ["auth.login", "doctor.create", "program.update"][i % 3]!,
        entity: ["User", "Doctor", "Program"][i % 3]!,
      })),
    });
    const list = (q: Query) => listAuditLog(w.db.prisma, w.s.auditor, {}, auditPageSchema.parse(q));
    await checkList(list, "at", (r) => r.at.toISOString());
    await checkList(list, "action", (r) => r.action);
    await checkList(list, "entity", (r) => r.entity);
  });
});

describe("the screening list as Excel", () => {
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    const admin = await w.db.prisma.user.findUniqueOrThrow({ where: { username: "admin" } });
    for (const username of ["staff", "nominator", "doctor"]) {
      const user = await w.db.prisma.user.findUniqueOrThrow({ where: { username } });
      const token = `mdt_${randomBytes(24).toString("base64url")}`;
      await w.db.prisma.apiToken.create({ data: { userId: user.id, name: "test", prefix: token.slice(0, 8), tokenHash: hashToken(token), createdById: admin.id } });
      tokens[username] = token;
    }
  });
  async function call(username: string, postId: string, query: string) {
    const { GET } = await import("@/app/api/v1/posts/[postId]/screening/export/route");
    const request = new NextRequest(`http://localhost/api/v1/posts/${postId}/screening/export?${query}`, { headers: { authorization: `Bearer ${tokens[username]}` } });
    return GET(request, { params: Promise.resolve({ postId }) });
  }

  it("holds the page's doctors in the page's order, every value in words", async () => {
    const postId = w.demo.post("眼科医生");
    const query = { verdict: "INELIGIBLE", size: "100" };
    const shown = await screenPost(w.db.prisma, w.s.staff, { ...query, postId });
    expect(shown.page.total).toBeGreaterThan(0);
    const response = await call("staff", postId, "verdict=INELIGIBLE");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("spreadsheetml");
    expect(decodeURIComponent(response.headers.get("content-disposition")!.split("UTF-8''")[1]!)).toContain("资格筛查");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    const row = (n: number) => (sheet.getRow(n).values as ExcelJS.CellValue[]).slice(1);
    expect(row(1)).toEqual(["姓名", "单位", "专业", "职称", "结果", "原因"]);
    const names = Array.from({ length: shown.page.total }, (_, i) => row(i + 2)[0]);
    expect(names).toEqual(shown.page.rows.slice(0, shown.page.total).map((r) => r.name));
    for (let n = 2; n < 2 + shown.page.total; n += 1) {
      const [, employer, , , verdict, reasons] = row(n);
      expect(verdict).toBe("不符合");
      expect(typeof employer).toBe("string");
      // Reasons are sentences, never the engine's keys or ids.
      expect(String(reasons)).toMatch(/[\u4e00-\u9fff]/);
      expect(String(reasons)).not.toMatch(/\b[a-z]+[A-Z][A-Za-z]*\b|\bc[a-z0-9]{20,}\b/);
    }
    // A unit exports only its own doctors, as its page shows them.
    const unitRows = await screenPostForExport(w.db.prisma, w.s.nominator, { postId, verdict: "INELIGIBLE" });
    expect(unitRows.rows.every((r) => r.employerName === unitRows.rows[0]!.employerName)).toBe(true);
  });

  it("refuses, in words, to export nobody; refuses whoever may not screen", async () => {
    const postId = w.demo.post("眼科医生");
    const none = await call("staff", postId, "verdict=all&q=查无此人");
    expect(none.status).toBe(409);
    expect((await none.json()).error).toMatchObject({ code: "conflict", key: "nothingToExportScreening", message: "筛查结果中没有符合筛选条件的医生，无可导出。" });
    expect((await call("doctor", postId, "verdict=all")).status).toBe(403);
  });
});
