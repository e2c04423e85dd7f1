// Organisation management against real PostgreSQL: the use cases of lib/server/organizations.ts,
// called as the server actions call them, for every role, with two bureaus side by side.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Scope } from "@/lib/auth/policy";
import { buildScope } from "@/lib/server/organization-tree";
import {
  createOrganization,
  deactivateOrganization,
  getOrganization,
  listOrganizations,
  listParentOptions,
  reactivateOrganization,
  updateOrganization,
} from "@/lib/server/organizations";
import { organizationListQuerySchema } from "@/lib/schemas/organizations";
import { seedDemoData } from "@/prisma/seed";
import { createTestDatabase, type TestDatabase } from "./setup/db";

let db: TestDatabase;
const scopes: Record<string, Scope> = {};
const ids: Record<string, string> = {};

const ORG_NAMES = {
  SX_BUREAU: "浙江省绍兴市卫生健康委员会",
  KQ_BUREAU: "绍兴市柯桥区卫生健康局",
  SY_BUREAU: "绍兴市上虞区卫生健康局",
  KQRM: "绍兴市柯桥区人民医院",
  KQZY: "绍兴市柯桥区中医医院",
  SXRM: "绍兴市人民医院",
  WZ_BUREAU: "重庆市万州区卫生健康委员会",
  WZRM: "重庆市万州区人民医院",
};

const query = (q: Record<string, string> = {}) => organizationListQuerySchema.parse(q);

/** Everything a refused mutation must leave alone. */
async function state() {
  const [orgs, auditRows] = await Promise.all([
    db.prisma.organization.findMany({ orderBy: { id: "asc" } }),
    db.prisma.auditLog.count(),
  ]);
  return { orgs, auditRows };
}

async function auditRowsFor(entityId: string) {
  return db.prisma.auditLog.findMany({ where: { entity: "Organization", entityId }, orderBy: { id: "asc" } });
}

const newHospital = (overrides: Record<string, unknown> = {}) => ({
  name: "绍兴市柯桥区第二人民医院",
  code: "KQ-2",
  kind: "HOSPITAL",
  level: "COUNTY",
  grade: "GRADE_2A",
  region: "浙江省绍兴市柯桥区",
  parentId: ids.KQ_BUREAU,
  ...overrides,
});

/** The edit form's payload for an existing organisation, with some fields changed. */
async function editOf(id: string, changes: Record<string, unknown>) {
  const o = await db.prisma.organization.findUniqueOrThrow({ where: { id } });
  return { id, name: o.name, code: o.code ?? "", kind: o.kind, level: o.level, grade: o.grade ?? "", region: o.region, parentId: o.parentId ?? undefined, ...changes };
}

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemoData(db.prisma);
  for (const [key, name] of Object.entries(ORG_NAMES)) ids[key] = (await db.prisma.organization.findUniqueOrThrow({ where: { name } })).id;
  for (const username of ["admin", "staff", "auditor", "nominator", "receiver", "doctor", "wz-admin"]) {
    const user = await db.prisma.user.findUniqueOrThrow({ where: { username } });
    scopes[username] = await buildScope(db.prisma, user);
  }
});

// The scope is loaded per request in the app: rebuild it per test, so that organisations created by
// an earlier test are inside it, as they would be on the next page load.
beforeEach(async () => {
  for (const name of Object.keys(scopes)) scopes[name] = await buildScope(db.prisma, scopes[name]!.user);
});

afterAll(async () => {
  await db?.drop();
});

describe("listing", () => {
  it("bureau admin, staff and auditor see their bureau's tree with counts, searched and filtered in SQL", async () => {
    const shaoxing = await db.prisma.organization.count({ where: { region: { startsWith: "浙江省绍兴市" } } });
    for (const name of ["admin", "staff", "auditor"]) {
      const page = await listOrganizations(db.prisma, scopes[name]!, query());
      expect(page.total).toBe(shaoxing);
      expect(page.rows.every((r) => r.region.startsWith("浙江省绍兴市"))).toBe(true);
    }
    const page = await listOrganizations(db.prisma, scopes.admin!, query());
    const city = page.rows.find((r) => r.id === ids.SX_BUREAU)!;
    expect(city.counts.users).toBe(await db.prisma.user.count({ where: { organizationId: ids.SX_BUREAU } }));
    expect(city.parent).toBeNull();
    const sxrm = page.rows.find((r) => r.id === ids.SXRM)!;
    expect(sxrm.counts.doctors).toBe(await db.prisma.doctor.count({ where: { employerId: ids.SXRM } }));
    expect(sxrm.counts.doctors).toBeGreaterThan(0);
    expect(sxrm.parent?.name).toBe(ORG_NAMES.SX_BUREAU);

    // name, code or region, case-insensitive
    const kq = await listOrganizations(db.prisma, scopes.admin!, query({ q: "柯桥区" }));
    expect(kq.rows.map((r) => r.name)).toEqual(expect.arrayContaining([ORG_NAMES.KQ_BUREAU, ORG_NAMES.KQRM, ORG_NAMES.KQZY]));
    expect(kq.rows.every((r) => r.name.includes("柯桥区") || r.region.includes("柯桥区"))).toBe(true);
    const bureaus = await listOrganizations(db.prisma, scopes.admin!, query({ kind: "BUREAU" }));
    expect(bureaus.rows.every((r) => r.kind === "BUREAU")).toBe(true);
    expect(bureaus.total).toBe(7);
    expect((await listOrganizations(db.prisma, scopes.admin!, query({ status: "inactive" }))).total).toBe(0);
    expect((await listOrganizations(db.prisma, scopes.admin!, query({ q: "no such place" }))).total).toBe(0);
  });

  it("pages through thousands of rows without fetching them all", async () => {
    const scope = scopes["wz-admin"]!;
    await db.prisma.organization.createMany({
      data: Array.from({ length: 45 }, (_, i) => ({ name: `万州测试卫生室${String(i).padStart(2, "0")}`, code: `WZT${i}`, kind: "TOWNSHIP_CENTRE" as const, level: "TOWNSHIP" as const, region: "重庆市万州区", parentId: ids.WZ_BUREAU })),
    });
    const fresh = await buildScope(db.prisma, scope.user);
    expect(fresh.subtreeIds.length).toBeGreaterThan(scope.subtreeIds.length);
    const first = await listOrganizations(db.prisma, fresh, query({ q: "wzt" }));
    expect(first.total).toBe(45);
    expect(first.rows).toHaveLength(20);
    expect(first.pageCount).toBe(3);
    const last = await listOrganizations(db.prisma, fresh, query({ q: "wzt", page: "3" }));
    expect(last.rows).toHaveLength(5);
    expect(new Set([...first.rows, ...last.rows].map((r) => r.id)).size).toBe(25);
  });

  it("hospital nominator, receiving supervisor and doctor may not even list", async () => {
    for (const name of ["nominator", "receiver", "doctor"]) {
      await expect(listOrganizations(db.prisma, scopes[name]!, query())).rejects.toMatchObject({ code: "forbidden" });
      await expect(getOrganization(db.prisma, scopes[name]!, ids.SXRM!)).rejects.toMatchObject({ code: "forbidden" });
    }
  });
});

describe("create", () => {
  it("an admin creates a hospital under a bureau of their tree, audited once with the new values", async () => {
    const before = await db.prisma.auditLog.count();
    const created = await createOrganization(db.prisma, scopes.admin!, newHospital());
    expect(created).toMatchObject({ name: "绍兴市柯桥区第二人民医院", code: "KQ-2", parentId: ids.KQ_BUREAU, isActive: true });
    expect(await db.prisma.auditLog.count()).toBe(before + 1);
    const [row] = await auditRowsFor(created.id);
    expect(row).toMatchObject({ action: "organization.create", actorId: scopes.admin!.user.id, actorName: "徐彤", before: null });
    expect(row!.after).toMatchObject({ name: "绍兴市柯桥区第二人民医院", code: "KQ-2", grade: "GRADE_2A" });
    ids.KQ2 = created.id;
  });

  it("a duplicate name (or code) is a validation error naming the field, and nothing is written", async () => {
    const snapshot = await state();
    await expect(createOrganization(db.prisma, scopes.admin!, newHospital({ code: "" }))).rejects.toMatchObject({ code: "validation", fieldErrors: { name: ["nameTaken"] } });
    await expect(createOrganization(db.prisma, scopes.admin!, newHospital({ name: ORG_NAMES.SXRM.replace("绍兴", "紹興") + "x", code: "kq-2" }))).rejects.toMatchObject({
      code: "validation",
      fieldErrors: { code: ["codeTaken"] },
    });
    // Another bureau's name counts too: names are unique across the deployment.
    await expect(createOrganization(db.prisma, scopes.admin!, newHospital({ name: ORG_NAMES.WZRM, code: "" }))).rejects.toMatchObject({ fieldErrors: { name: ["nameTaken"] } });
    expect(await state()).toEqual(snapshot);
  });

  it("two admins creating the same name at once: one wins, the other gets the field error", async () => {
    const auditBefore = await db.prisma.auditLog.count();
    const results = await Promise.allSettled([0, 1].map(() => createOrganization(db.prisma, scopes.admin!, newHospital({ name: "同时创建的医院", code: "", region: "浙江省绍兴市上虞区", parentId: ids.SY_BUREAU }))));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "validation", fieldErrors: { name: ["nameTaken"] } });
    expect(await db.prisma.organization.count({ where: { name: "同时创建的医院" } })).toBe(1);
    expect(await db.prisma.auditLog.count()).toBe(auditBefore + 1);
  });

  it("bad input and misplaced parents are refused with the field named", async () => {
    const snapshot = await state();
    await expect(createOrganization(db.prisma, scopes.admin!, newHospital({ name: "", kind: "CASTLE" }))).rejects.toMatchObject({
      code: "validation",
      fieldErrors: { name: ["nameRequired"], kind: ["kindRequired"] },
    });
    await expect(createOrganization(db.prisma, scopes.admin!, newHospital({ name: "新医院", parentId: undefined }))).rejects.toMatchObject({ fieldErrors: { parentId: ["parentRequired"] } });
    await expect(createOrganization(db.prisma, scopes.admin!, newHospital({ name: "新医院", code: "", parentId: ids.KQRM }))).rejects.toMatchObject({ fieldErrors: { parentId: ["parentNotBureau"] } });
    await expect(createOrganization(db.prisma, scopes.admin!, newHospital({ name: "新医院", code: "", level: "CITY" }))).rejects.toMatchObject({ fieldErrors: { parentId: ["parentLevel"] } });
    await expect(createOrganization(db.prisma, scopes.admin!, newHospital({ name: "新医院", code: "", parentId: "c".repeat(25) }))).rejects.toMatchObject({ fieldErrors: { parentId: ["parentNotFound"] } });
    await expect(createOrganization(db.prisma, scopes.admin!, newHospital({ name: "<script>alert(1)</script>".repeat(10), code: "" }))).rejects.toMatchObject({ fieldErrors: { name: ["tooLong"] } });
    // Out of scope: a Wanzhou bureau as parent.
    await expect(createOrganization(db.prisma, scopes.admin!, newHospital({ name: "新医院", code: "", parentId: ids.WZ_BUREAU }))).rejects.toMatchObject({ code: "forbidden" });
    expect(await state()).toEqual(snapshot);
  });
});

describe("edit and move", () => {
  it("an edit is audited as organization.update with before and after", async () => {
    const updated = await updateOrganization(db.prisma, scopes.admin!, await editOf(ids.KQ2!, { region: "浙江省绍兴市柯桥区柯岩街道", grade: "GRADE_2B" }));
    expect(updated).toMatchObject({ region: "浙江省绍兴市柯桥区柯岩街道", grade: "GRADE_2B" });
    const rows = await auditRowsFor(ids.KQ2!);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({ action: "organization.update", before: expect.objectContaining({ grade: "GRADE_2A", region: "浙江省绍兴市柯桥区" }), after: expect.objectContaining({ grade: "GRADE_2B" }) });
  });

  it("an edit that changes nothing writes nothing", async () => {
    const snapshot = await state();
    await updateOrganization(db.prisma, scopes.admin!, await editOf(ids.KQ2!, {}));
    expect(await state()).toEqual(snapshot);
  });

  it("renaming to a taken name is a field error", async () => {
    const snapshot = await state();
    await expect(updateOrganization(db.prisma, scopes.admin!, await editOf(ids.KQ2!, { name: ORG_NAMES.KQRM }))).rejects.toMatchObject({ code: "validation", fieldErrors: { name: ["nameTaken"] } });
    expect(await state()).toEqual(snapshot);
  });

  it("a move to another bureau of the tree is audited as organization.move", async () => {
    await updateOrganization(db.prisma, scopes.admin!, await editOf(ids.KQ2!, { parentId: ids.SY_BUREAU }));
    const rows = await auditRowsFor(ids.KQ2!);
    expect(rows).toHaveLength(3);
    expect(rows[2]).toMatchObject({ action: "organization.move", before: expect.objectContaining({ parentId: ids.KQ_BUREAU }), after: expect.objectContaining({ parentId: ids.SY_BUREAU }) });
  });

  it("refuses a cycle, an out-of-scope parent and moving one's own organisation, writing nothing", async () => {
    const snapshot = await state();
    await expect(updateOrganization(db.prisma, scopes.admin!, await editOf(ids.KQ_BUREAU!, { parentId: ids.KQ_BUREAU }))).rejects.toMatchObject({ fieldErrors: { parentId: ["moveUnderItself"] } });
    await expect(updateOrganization(db.prisma, scopes.admin!, await editOf(ids.KQ_BUREAU!, { parentId: ids.KQRM }))).rejects.toMatchObject({ fieldErrors: { parentId: ["moveUnderDescendant"] } });
    await expect(updateOrganization(db.prisma, scopes.admin!, await editOf(ids.KQRM!, { parentId: ids.WZ_BUREAU }))).rejects.toMatchObject({ code: "forbidden" });
    await expect(updateOrganization(db.prisma, scopes.admin!, await editOf(ids.SX_BUREAU!, { parentId: ids.KQ_BUREAU }))).rejects.toMatchObject({ code: "forbidden", message: "ownOrganizationMove" });
    // A bureau with hospitals under it cannot become a hospital.
    await expect(updateOrganization(db.prisma, scopes.admin!, await editOf(ids.KQ_BUREAU!, { kind: "HOSPITAL" }))).rejects.toMatchObject({ fieldErrors: { kind: ["childrenDoNotFit"] } });
    expect(await state()).toEqual(snapshot);
  });

  it("an admin may edit their own organisation's details, its parent left out", async () => {
    const updated = await updateOrganization(db.prisma, scopes.admin!, await editOf(ids.SX_BUREAU!, { code: "SXWJW", parentId: undefined }));
    expect(updated).toMatchObject({ code: "SXWJW", parentId: null });
  });

  it("the parent choices exclude the organisation itself, its descendants, non-bureaus and other bureaus' trees", async () => {
    const options = await listParentOptions(db.prisma, scopes.admin!, { editingId: ids.KQ_BUREAU });
    const optionIds = options.map((o) => o.id);
    expect(optionIds).toContain(ids.SX_BUREAU);
    expect(optionIds).toContain(ids.SY_BUREAU);
    expect(optionIds).not.toContain(ids.KQ_BUREAU);
    expect(optionIds).not.toContain(ids.KQRM);
    expect(optionIds).not.toContain(ids.WZ_BUREAU);
  });
});

describe("deactivate and reactivate", () => {
  it("refuses an organisation with active children, and one's own organisation", async () => {
    const snapshot = await state();
    await expect(deactivateOrganization(db.prisma, scopes.admin!, { id: ids.KQ_BUREAU })).rejects.toMatchObject({ code: "conflict", message: "hasActiveChildren" });
    await expect(deactivateOrganization(db.prisma, scopes.admin!, { id: ids.SX_BUREAU })).rejects.toMatchObject({ code: "forbidden", message: "ownOrganizationDeactivate" });
    await expect(deactivateOrganization(db.prisma, scopes.admin!, { id: "missing" })).rejects.toMatchObject({ code: "notFound" });
    expect(await state()).toEqual(snapshot);
  });

  it("deactivates a leaf without touching anything else, hides it from parent choices, and reactivates it", async () => {
    const users = await db.prisma.user.findMany({ orderBy: { id: "asc" } });
    const doctors = await db.prisma.doctor.count({ where: { employerId: ids.KQRM } });
    const after = await deactivateOrganization(db.prisma, scopes.admin!, { id: ids.KQRM });
    expect(after.isActive).toBe(false);
    const rows = await auditRowsFor(ids.KQRM!);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: "organization.deactivate", before: expect.objectContaining({ isActive: true }), after: expect.objectContaining({ isActive: false }) });
    expect(await db.prisma.user.findMany({ orderBy: { id: "asc" } })).toEqual(users);
    expect(await db.prisma.doctor.count({ where: { employerId: ids.KQRM } })).toBe(doctors);
    expect((await listOrganizations(db.prisma, scopes.admin!, query({ status: "inactive" }))).rows.map((r) => r.id)).toEqual([ids.KQRM]);

    await reactivateOrganization(db.prisma, scopes.admin!, { id: ids.KQRM });
    const again = await auditRowsFor(ids.KQRM!);
    expect(again).toHaveLength(2);
    expect(again[1]).toMatchObject({ action: "organization.reactivate", after: expect.objectContaining({ isActive: true }) });
  });

  it("a deactivated bureau is no longer offered as a parent, nor accepted as one", async () => {
    // Empty 柯桥: deactivate both hospitals, then the bureau.
    for (const key of ["KQRM", "KQZY", "KQ_BUREAU"] as const) await deactivateOrganization(db.prisma, scopes.admin!, { id: ids[key] });
    expect((await listParentOptions(db.prisma, scopes.admin!)).map((o) => o.id)).not.toContain(ids.KQ_BUREAU);
    await expect(createOrganization(db.prisma, scopes.admin!, newHospital({ name: "柯桥新医院", code: "" }))).rejects.toMatchObject({ fieldErrors: { parentId: ["parentInactive"] } });
    // A child cannot come back before its parent.
    await expect(reactivateOrganization(db.prisma, scopes.admin!, { id: ids.KQRM })).rejects.toMatchObject({ code: "conflict", message: "parentInactive" });
    for (const key of ["KQ_BUREAU", "KQZY", "KQRM"] as const) await reactivateOrganization(db.prisma, scopes.admin!, { id: ids[key] });
  });
});

describe("roles that may not manage", () => {
  it("bureau staff and auditor can read, but every mutation is forbidden and nothing is written", async () => {
    for (const name of ["staff", "auditor"]) {
      const scope = scopes[name]!;
      expect((await getOrganization(db.prisma, scope, ids.KQRM!))?.name).toBe(ORG_NAMES.KQRM);
      const snapshot = await state();
      await expect(createOrganization(db.prisma, scope, newHospital({ name: "越权医院", code: "" }))).rejects.toMatchObject({ code: "forbidden" });
      await expect(updateOrganization(db.prisma, scope, await editOf(ids.KQZY!, { name: "越权改名" }))).rejects.toMatchObject({ code: "forbidden" });
      await expect(updateOrganization(db.prisma, scope, await editOf(ids.KQZY!, { parentId: ids.SY_BUREAU }))).rejects.toMatchObject({ code: "forbidden" });
      await expect(deactivateOrganization(db.prisma, scope, { id: ids.KQ2 })).rejects.toMatchObject({ code: "forbidden" });
      await expect(reactivateOrganization(db.prisma, scope, { id: ids.KQ2 })).rejects.toMatchObject({ code: "forbidden" });
      await expect(listParentOptions(db.prisma, scope)).rejects.toMatchObject({ code: "forbidden" });
      expect(await state()).toEqual(snapshot);
    }
  });

  it("hospital nominator, receiving supervisor and doctor are refused every mutation", async () => {
    for (const name of ["nominator", "receiver", "doctor"]) {
      const scope = scopes[name]!;
      const snapshot = await state();
      await expect(createOrganization(db.prisma, scope, newHospital({ name: "越权医院", code: "" }))).rejects.toMatchObject({ code: "forbidden" });
      await expect(updateOrganization(db.prisma, scope, await editOf(scope.user.organizationId, { name: "越权改名" }))).rejects.toMatchObject({ code: "forbidden" });
      await expect(deactivateOrganization(db.prisma, scope, { id: scope.user.organizationId })).rejects.toMatchObject({ code: "forbidden" });
      expect(await state()).toEqual(snapshot);
    }
  });
});

describe("two bureaus side by side", () => {
  it("Wanzhou's admin neither sees nor touches Shaoxing's organisations", async () => {
    const wz = scopes["wz-admin"]!;
    const page = await listOrganizations(db.prisma, wz, query({ q: "绍兴" }));
    expect(page.total).toBe(0);
    const all = await listOrganizations(db.prisma, wz, query());
    expect(all.rows.every((r) => r.region.startsWith("重庆市万州区"))).toBe(true);
    expect(await getOrganization(db.prisma, wz, ids.SXRM!)).toBeNull();
    expect((await listParentOptions(db.prisma, wz)).map((o) => o.id)).toEqual([ids.WZ_BUREAU]);

    const snapshot = await state();
    await expect(updateOrganization(db.prisma, wz, await editOf(ids.SXRM!, { name: "被改名的医院" }))).rejects.toMatchObject({ code: "forbidden" });
    await expect(deactivateOrganization(db.prisma, wz, { id: ids.KQ2 })).rejects.toMatchObject({ code: "forbidden" });
    await expect(createOrganization(db.prisma, wz, newHospital({ name: "越界医院", code: "" }))).rejects.toMatchObject({ code: "forbidden" });
    // Nor pull a Shaoxing hospital into Wanzhou, nor push a Wanzhou one into Shaoxing.
    await expect(updateOrganization(db.prisma, wz, await editOf(ids.SXRM!, { parentId: ids.WZ_BUREAU }))).rejects.toMatchObject({ code: "forbidden" });
    await expect(updateOrganization(db.prisma, wz, await editOf(ids.WZRM!, { parentId: ids.SX_BUREAU, level: "CITY" }))).rejects.toMatchObject({ code: "forbidden" });
    expect(await state()).toEqual(snapshot);
  });

  it("the breadcrumb starts at the top of the viewer's tree", async () => {
    const detail = await getOrganization(db.prisma, scopes.admin!, ids.KQRM!);
    expect(detail?.breadcrumb.map((c) => c.name)).toEqual([ORG_NAMES.SX_BUREAU, ORG_NAMES.KQ_BUREAU]);
    expect(detail?.isOwnOrganization).toBe(false);
  });
});
