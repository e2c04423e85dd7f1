// Programmes and posts against real PostgreSQL: the use cases of lib/server/{programs,posts,
// program-duplicate}.ts, called as the server actions call them, for every role, two bureaus side by side.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Scope } from "@/lib/auth/policy";
import { buildScope } from "@/lib/server/organization-tree";
import { createPost, deletePost, listNominatingUnits, listPosts, listReceivingOrganizations, setQuotas, updatePost } from "@/lib/server/posts";
import { duplicateProgram } from "@/lib/server/program-duplicate";
import { changeProgramStatus, createProgram, getProgram, listPrograms, shiftProgramTimeline, updateProgram, updateTimeline } from "@/lib/server/programs";
import { programListQuerySchema } from "@/lib/schemas/programs";
import { seedDemoData } from "@/prisma/seed";
import { createTestDatabase, type TestDatabase } from "./setup/db";

let db: TestDatabase;
const scopes: Record<string, Scope> = {};
const ids: Record<string, string> = {};
const query = (q: Record<string, string> = {}) => programListQuerySchema.parse(q);

/** Everything a refused mutation must leave alone. */
async function state() {
  const [programs, stages, cutoffs, posts, quotas, rules, auditRows] = await Promise.all([
    db.prisma.program.findMany({ orderBy: { id: "asc" } }),
    db.prisma.programStage.findMany({ orderBy: { id: "asc" } }),
    db.prisma.cutoffDate.findMany({ orderBy: { id: "asc" } }),
    db.prisma.post.findMany({ orderBy: { id: "asc" } }),
    db.prisma.nominationQuota.findMany({ orderBy: { id: "asc" } }),
    db.prisma.eligibilityRule.count(),
    db.prisma.auditLog.count(),
  ]);
  return { programs, stages, cutoffs, posts, quotas, rules, auditRows };
}

const newProgram = (overrides: Record<string, unknown> = {}) => ({
  template: "longTermAid",
  kind: "LONG_TERM_AID",
  name: "绍兴市第九批援疆医生选派",
  year: 2014,
  batchNumber: 9,
  serviceMonths: 18,
  rotationBatches: 2,
  description: "",
  startDate: "2014-11-08",
  ...overrides,
});

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemoData(db.prisma);
  ids.XJ = (await db.prisma.program.findFirstOrThrow({ where: { name: "绍兴市第八批援疆医生选派" } })).id;
  ids.WZ = (await db.prisma.program.findFirstOrThrow({ where: { name: { contains: "县聘乡用" } } })).id;
  for (const [key, name] of Object.entries({ SX_BUREAU: "浙江省绍兴市卫生健康委员会", AWT_HOSP: "阿瓦提县人民医院", SXRM: "绍兴市人民医院", WZ_FS: "重庆市万州区分水镇中心卫生院", WZ_BUREAU: "重庆市万州区卫生健康委员会" })) {
    ids[key] = (await db.prisma.organization.findUniqueOrThrow({ where: { name } })).id;
  }
  for (const username of ["admin", "staff", "auditor", "nominator", "receiver", "doctor", "wz-admin"]) {
    scopes[username] = await buildScope(db.prisma, await db.prisma.user.findUniqueOrThrow({ where: { username } }));
  }
});

afterAll(async () => {
  await db?.drop();
});

describe("reading", () => {
  it("each role lists what the policy lets it see, with posts, places and the current stage", async () => {
    const admin = await listPrograms(db.prisma, scopes.admin!, query(), new Date("2013-11-09T00:00:00Z"));
    expect(admin.rows.map((r) => r.id)).toEqual([ids.XJ]);
    expect(admin.rows[0]).toMatchObject({ postCount: 14, headcount: 14, status: "OPEN", phase: { key: "registrationOpen", detail: { kind: "stageOpen", stage: { kind: "REGISTRATION" } } } });
    for (const name of ["staff", "auditor", "nominator", "doctor", "receiver"]) {
      expect((await listPrograms(db.prisma, scopes[name]!, query())).rows.map((r) => r.id)).toEqual([ids.XJ]);
    }
    // Wanzhou's draft is seen by its own admin only.
    expect((await listPrograms(db.prisma, scopes["wz-admin"]!, query())).rows.map((r) => r.id)).toEqual([ids.WZ]);
    expect(await getProgram(db.prisma, scopes["wz-admin"]!, ids.XJ!)).toBeNull();
    expect(await getProgram(db.prisma, scopes.admin!, ids.WZ!)).toBeNull();
    // search and status filter in SQL
    expect((await listPrograms(db.prisma, scopes.admin!, query({ q: "援疆" }))).total).toBe(1);
    expect((await listPrograms(db.prisma, scopes.admin!, query({ q: "no such" }))).total).toBe(0);
    expect((await listPrograms(db.prisma, scopes.admin!, query({ status: "DRAFT" }))).total).toBe(0);
    expect((await listPosts(db.prisma, scopes.receiver!, ids.XJ!)).length).toBe(14);
  });

  it("receiving organisations come from any bureau; quota units from the programme's bureau's tree", async () => {
    const receiving = await listReceivingOrganizations(db.prisma, scopes.admin!, "阿瓦提");
    expect(receiving.map((o) => o.id)).toContain(ids.AWT_HOSP);
    const units = await listNominatingUnits(db.prisma, scopes.admin!, ids.XJ!);
    expect(units.map((u) => u.id)).toContain(ids.SXRM);
    expect(units.map((u) => u.id)).not.toContain(ids.SX_BUREAU);
    expect(units.map((u) => u.id)).not.toContain(ids.WZ_FS);
  });
});

describe("creating and editing", () => {
  it("admin and staff create from a template in their own bureau, with its timeline, audited", async () => {
    const before = await db.prisma.auditLog.count();
    const created = await createProgram(db.prisma, scopes.staff!, newProgram({ bureauId: ids.WZ_BUREAU }));
    expect(created).toMatchObject({ bureauId: ids.SX_BUREAU, status: "DRAFT", year: 2014, batchNumber: 9, serviceMonths: 18, rotationBatches: 2, description: null });
    const stages = await db.prisma.programStage.findMany({ where: { programId: created.id }, orderBy: { sequence: "asc" } });
    expect(stages).toHaveLength(7);
    expect(stages[0]!.closesAt.toISOString()).toBe("2014-11-11T04:00:00.000Z");
    expect(await db.prisma.cutoffDate.count({ where: { programId: created.id } })).toBe(2);
    const rows = await db.prisma.auditLog.findMany({ where: { id: { gt: BigInt(before) } } });
    expect(rows.map((r) => [r.action, r.entityId])).toEqual([["program.create", created.id]]);

    const blank = await createProgram(db.prisma, scopes.admin!, newProgram({ template: "blank", kind: "OTHER", name: "空白项目", batchNumber: "" }));
    expect(blank.batchNumber).toBeNull();
    expect(await db.prisma.programStage.count({ where: { programId: blank.id } })).toBe(0);
  });

  it("bad input is a field error and writes nothing", async () => {
    const before = await state();
    for (const bad of [newProgram({ name: "" }), newProgram({ year: "abc" }), newProgram({ template: "nope" }), newProgram({ serviceMonths: 0 }), newProgram({ serviceMonths: "18" }), newProgram({ rotationBatches: true }), newProgram({ name: "x".repeat(5000) })]) {
      await expect(createProgram(db.prisma, scopes.admin!, bad)).rejects.toMatchObject({ code: "validation" });
    }
    expect(await state()).toEqual(before);
  });

  it("nominator, receiver, doctor and auditor are refused; Wanzhou cannot touch Shaoxing's programme", async () => {
    const before = await state();
    const edit = { id: ids.XJ, kind: "LONG_TERM_AID", name: "改名", year: 2013, batchNumber: 8, serviceMonths: 18, rotationBatches: 2 };
    for (const name of ["nominator", "receiver", "doctor", "auditor", "wz-admin"]) {
      const scope = scopes[name]!;
      if (name !== "wz-admin") await expect(createProgram(db.prisma, scope, newProgram())).rejects.toMatchObject({ code: "forbidden" });
      // Roles without the permission: 403; Wanzhou's administrator holds it, and Shaoxing's programme is as missing to her (404, issue 12).
      const code = name === "wz-admin" ? "notFound" : "forbidden";
      await expect(updateProgram(db.prisma, scope, edit)).rejects.toMatchObject({ code });
      await expect(changeProgramStatus(db.prisma, scope, { id: ids.XJ, target: "VETTING" })).rejects.toMatchObject({ code });
      await expect(duplicateProgram(db.prisma, scope, { id: ids.XJ })).rejects.toMatchObject({ code });
      await expect(updateTimeline(db.prisma, scope, { id: ids.XJ, stages: [], cutoffs: [] })).rejects.toMatchObject({ code });
      await expect(createPost(db.prisma, scope, { programId: ids.XJ, receivingOrgId: ids.AWT_HOSP, title: "x", specialty: "y", headcount: 1, rotationBatch: 1 })).rejects.toMatchObject({ code });
    }
    expect(await state()).toEqual(before);
  });

  it("edits are audited with before and after; an edit that changes nothing writes nothing", async () => {
    const wz = await db.prisma.program.findUniqueOrThrow({ where: { id: ids.WZ } });
    const values = { id: wz.id, kind: wz.kind, name: wz.name, year: wz.year, batchNumber: "", serviceMonths: wz.serviceMonths, rotationBatches: wz.rotationBatches, description: wz.description ?? "" };
    const before = await db.prisma.auditLog.count();
    await updateProgram(db.prisma, scopes["wz-admin"]!, values);
    expect(await db.prisma.auditLog.count()).toBe(before);
    const after = await updateProgram(db.prisma, scopes["wz-admin"]!, { ...values, serviceMonths: 13 });
    expect(after.serviceMonths).toBe(13);
    const row = await db.prisma.auditLog.findFirstOrThrow({ where: { action: "program.update", entityId: wz.id } });
    expect(row.before).toMatchObject({ serviceMonths: 12 });
    expect(row.after).toMatchObject({ serviceMonths: 13 });
    // rotation batches may not fall below a post's batch
    await expect(updateProgram(db.prisma, scopes.admin!, { id: ids.XJ, kind: "LONG_TERM_AID", name: "绍兴市第八批援疆医生选派", year: 2013, batchNumber: 8, serviceMonths: 18, rotationBatches: 1 })).rejects.toMatchObject({ fieldErrors: { rotationBatches: ["postsInLaterBatch"] } });
  });

  it("the timeline is stored as UTC instants from Beijing wall-clock and validated", async () => {
    const stages = [
      { kind: "REGISTRATION", opensAt: "2022-12-01T00:00", closesAt: "2022-12-21T12:00", ratio: "" },
      { kind: "APPROVAL", opensAt: "2023-01-01T00:00", closesAt: "2023-01-16T00:00", ratio: "" },
    ];
    const before = await state();
    await expect(updateTimeline(db.prisma, scopes["wz-admin"]!, { id: ids.WZ, stages: [stages[1], stages[0]], cutoffs: [] })).rejects.toMatchObject({ fieldErrors: { "stages.1.opensAt": ["opensBeforePrevious"] } });
    await expect(updateTimeline(db.prisma, scopes["wz-admin"]!, { id: ids.WZ, stages: [{ ...stages[0], closesAt: "2022-11-30T00:00" }], cutoffs: [] })).rejects.toMatchObject({ code: "validation" });
    expect(await state()).toEqual(before);
    await updateTimeline(db.prisma, scopes["wz-admin"]!, { id: ids.WZ, stages, cutoffs: [{ code: "HIRE", label: "招聘年限计算截止日", date: "2022-12-31" }] });
    const saved = await db.prisma.programStage.findMany({ where: { programId: ids.WZ }, orderBy: { sequence: "asc" } });
    expect(saved.map((s) => [s.kind, s.sequence, s.closesAt.toISOString()])).toEqual([["REGISTRATION", 1, "2022-12-21T04:00:00.000Z"], ["APPROVAL", 2, "2023-01-15T16:00:00.000Z"]]);
    expect(await db.prisma.auditLog.count({ where: { action: "program.timeline_updated", entityId: ids.WZ } })).toBe(1);
  });
});

describe("template start date", () => {
  const stagesOf = (programId: string) => db.prisma.programStage.findMany({ where: { programId }, orderBy: { sequence: "asc" } });
  const cutoffsOf = async (programId: string) => (await db.prisma.cutoffDate.findMany({ where: { programId }, orderBy: { code: "asc" } })).map((c) => [c.code, c.date.toISOString().slice(0, 10)]);

  it("lays the timeline out from the chosen day; left out, from the next day the template opens", async () => {
    const chosen = await createProgram(db.prisma, scopes.admin!, newProgram({ name: "起始日测试", startDate: "2026-12-05" }));
    const stages = await stagesOf(chosen.id);
    expect(stages[0]!.opensAt.toISOString()).toBe("2026-12-04T16:00:00.000Z"); // 5 Dec 00:00 Beijing
    expect(stages[0]!.closesAt.toISOString()).toBe("2026-12-08T04:00:00.000Z"); // 8 Dec 12:00
    expect(await cutoffsOf(chosen.id)).toEqual([["AGE", "2027-01-27"], ["TITLE_TENURE", "2026-11-27"]]);
    const row = await db.prisma.auditLog.findFirstOrThrow({ where: { action: "program.create", entityId: chosen.id } });
    expect(row.after).toMatchObject({ template: "longTermAid", startDate: "2026-12-05" });

    // Created on 5 Dec 2026 with no start date: next year's 8 November, not this year's.
    const { startDate: _omitted, ...withoutStart } = newProgram({ name: "默认起始日测试" });
    const defaulted = await createProgram(db.prisma, scopes.admin!, withoutStart, new Date("2026-12-05T02:00:00Z"));
    expect((await stagesOf(defaulted.id))[0]!.opensAt.toISOString()).toBe("2027-11-07T16:00:00.000Z");
    await expect(createProgram(db.prisma, scopes.admin!, newProgram({ startDate: "2026-02-30" }))).rejects.toMatchObject({ code: "validation", fieldErrors: { startDate: ["invalidDate"] } });
  });

  it("opening after the registration window is refused unless shifted or confirmed; the shift keeps every interval, audited", async () => {
    const now = new Date("2014-12-05T02:00:00Z"); // 5 Dec 10:00 Beijing, 27 days after registration opened
    const draft = await createProgram(db.prisma, scopes.admin!, newProgram({ name: "顺延测试" }));
    await createPost(db.prisma, scopes.admin!, { programId: draft.id, receivingOrgId: ids.AWT_HOSP, title: "眼科医生", specialty: "眼科", headcount: 1, rotationBatch: 1 });
    const detail = (await getProgram(db.prisma, scopes.admin!, draft.id, now))!;
    expect([detail.isRegistrationPast, detail.registrationShiftDays]).toEqual([true, 27]);
    const original = await stagesOf(draft.id);
    const before = await state();
    await expect(changeProgramStatus(db.prisma, scopes.admin!, { id: draft.id, target: "OPEN" }, now)).rejects.toMatchObject({ code: "conflict", message: "registrationWindowPast" });
    expect(await state()).toEqual(before);

    const auditFrom = await db.prisma.auditLog.count();
    expect((await changeProgramStatus(db.prisma, scopes.staff!, { id: draft.id, target: "OPEN", shiftTimeline: true }, now)).status).toBe("OPEN");
    const moved = await stagesOf(draft.id);
    expect(moved[0]!.opensAt.toISOString()).toBe("2014-12-04T16:00:00.000Z"); // today 00:00 Beijing
    moved.forEach((s, i) => {
      expect(s.opensAt.getTime() - original[i]!.opensAt.getTime()).toBe(27 * 86_400_000);
      expect(s.closesAt.getTime() - original[i]!.closesAt.getTime()).toBe(27 * 86_400_000);
    });
    expect(await cutoffsOf(draft.id)).toEqual([["AGE", "2015-01-27"], ["TITLE_TENURE", "2014-11-27"]]);
    const rows = await db.prisma.auditLog.findMany({ where: { id: { gt: BigInt(auditFrom) } }, orderBy: { id: "asc" } });
    expect(rows.map((r) => r.action)).toEqual(["program.timeline_shifted", "program.status_changed"]);
    expect(rows[0]!.after).toMatchObject({ shiftDays: 27 });

    // Confirmed: opened with its dates as they are, nothing moved.
    const asIs = await createProgram(db.prisma, scopes.admin!, newProgram({ name: "原时间开始测试" }));
    await createPost(db.prisma, scopes.admin!, { programId: asIs.id, receivingOrgId: ids.AWT_HOSP, title: "眼科医生", specialty: "眼科", headcount: 1, rotationBatch: 1 });
    const asIsStages = await stagesOf(asIs.id);
    expect((await changeProgramStatus(db.prisma, scopes.admin!, { id: asIs.id, target: "OPEN", confirmed: true }, now)).status).toBe("OPEN");
    expect(await stagesOf(asIs.id)).toEqual(asIsStages);
    expect(await db.prisma.auditLog.count({ where: { action: "program.timeline_shifted", entityId: asIs.id } })).toBe(0);
  });

  it("the shift on its own: to a day given or today, not once vetting has begun, not by other roles or bureaus", async () => {
    const draft = await createProgram(db.prisma, scopes.admin!, newProgram({ name: "单独顺延测试" }));
    const shifted = await shiftProgramTimeline(db.prisma, scopes.staff!, { id: draft.id, opensOn: "2015-01-10" });
    expect(shifted.stages[0]!.opensAt.toISOString()).toBe("2015-01-09T16:00:00.000Z");
    expect(shifted.cutoffs.map((c) => [c.code, c.date.toISOString().slice(0, 10)])).toEqual([["AGE", "2015-03-04"], ["TITLE_TENURE", "2015-01-02"]]); // 63 days later
    // already there: nothing to do, nothing audited
    const audited = await db.prisma.auditLog.count({ where: { action: "program.timeline_shifted", entityId: draft.id } });
    await shiftProgramTimeline(db.prisma, scopes.staff!, { id: draft.id, opensOn: "2015-01-10" });
    expect(await db.prisma.auditLog.count({ where: { action: "program.timeline_shifted", entityId: draft.id } })).toBe(audited);
    expect(audited).toBe(1);

    const before = await state();
    await expect(shiftProgramTimeline(db.prisma, scopes.nominator!, { id: draft.id })).rejects.toMatchObject({ code: "forbidden" });
    await expect(shiftProgramTimeline(db.prisma, scopes["wz-admin"]!, { id: draft.id })).rejects.toMatchObject({ code: "notFound" });
    await expect(shiftProgramTimeline(db.prisma, scopes.admin!, { id: draft.id, opensOn: "soon" })).rejects.toMatchObject({ code: "validation" });
    const blank = await createProgram(db.prisma, scopes.admin!, newProgram({ template: "blank", kind: "OTHER", name: "无阶段顺延测试" }));
    await expect(shiftProgramTimeline(db.prisma, scopes.admin!, { id: blank.id })).rejects.toMatchObject({ message: "noRegistrationStage" });
    await db.prisma.program.update({ where: { id: draft.id }, data: { status: "VETTING" } });
    await expect(shiftProgramTimeline(db.prisma, scopes.admin!, { id: draft.id })).rejects.toMatchObject({ message: "shiftOnlyBeforeVetting" });
    const after = await state();
    expect(after.stages).toEqual(before.stages.concat(after.stages.filter((s) => s.programId === blank.id)));
  });
});

describe("status", () => {
  it("guards refuse in words with the database unchanged", async () => {
    const draft = await createProgram(db.prisma, scopes.admin!, newProgram({ template: "blank", kind: "OTHER", name: "守卫测试" }));
    const before = await state();
    await expect(changeProgramStatus(db.prisma, scopes.admin!, { id: draft.id, target: "OPEN" })).rejects.toMatchObject({ code: "conflict", message: "noPosts" });
    await expect(changeProgramStatus(db.prisma, scopes.admin!, { id: draft.id, target: "VETTING" })).rejects.toMatchObject({ message: "mustGoInOrder" });
    await expect(changeProgramStatus(db.prisma, scopes.admin!, { id: draft.id, target: "CLOSED" })).rejects.toMatchObject({ message: "closeNeedsConfirmation" });
    await expect(changeProgramStatus(db.prisma, scopes.admin!, { id: ids.XJ, target: "DRAFT" })).rejects.toMatchObject({ message: "cannotGoBack" });
    expect(await state()).toEqual(before);

    await createPost(db.prisma, scopes.admin!, { programId: draft.id, receivingOrgId: ids.AWT_HOSP, title: "眼科医生", specialty: "眼科", headcount: 1, rotationBatch: 1 });
    await expect(changeProgramStatus(db.prisma, scopes.admin!, { id: draft.id, target: "OPEN" })).rejects.toMatchObject({ message: "noRegistrationStage" });
    await updateTimeline(db.prisma, scopes.admin!, { id: draft.id, stages: [{ kind: "REGISTRATION", opensAt: "2014-11-08T00:00", closesAt: "2014-11-11T12:00" }], cutoffs: [] });
    // A post with 0 places cannot exist: the database's check refuses it too (the guard is unit-tested).
    await expect(db.prisma.post.updateMany({ where: { programId: draft.id }, data: { headcount: 0 } })).rejects.toThrow();

    const opened = await changeProgramStatus(db.prisma, scopes.staff!, { id: draft.id, target: "OPEN" }, new Date("2014-11-01T00:00:00Z"));
    expect(opened.status).toBe("OPEN");
    const row = await db.prisma.auditLog.findFirstOrThrow({ where: { action: "program.status_changed", entityId: draft.id } });
    expect([row.before, row.after]).toEqual([{ status: "DRAFT" }, { status: "OPEN" }]);
    await expect(changeProgramStatus(db.prisma, scopes.admin!, { id: draft.id, target: "VETTING" }, new Date("2014-11-11T03:59:59Z"))).rejects.toMatchObject({ message: "registrationStillOpen" });
    expect((await changeProgramStatus(db.prisma, scopes.admin!, { id: draft.id, target: "VETTING" }, new Date("2014-11-11T04:00:00Z"))).status).toBe("VETTING");
    await expect(changeProgramStatus(db.prisma, scopes.admin!, { id: draft.id, target: "DISPATCHING" })).rejects.toMatchObject({ message: "noApprovedApplications" });
    expect((await changeProgramStatus(db.prisma, scopes.admin!, { id: draft.id, target: "CLOSED", confirmed: true })).status).toBe("CLOSED");
    await expect(changeProgramStatus(db.prisma, scopes.admin!, { id: draft.id, target: "CLOSED", confirmed: true })).rejects.toMatchObject({ message: "alreadyClosed" });
    await expect(updateProgram(db.prisma, scopes.admin!, { id: draft.id, kind: "OTHER", name: "改名测试", year: 2014, serviceMonths: 1, rotationBatches: 1 })).rejects.toMatchObject({ message: "programClosed" });
  });
});

describe("posts and quotas", () => {
  it("create, edit, quotas and delete in a draft, audited; refusals leave the database unchanged", async () => {
    const program = await createProgram(db.prisma, scopes.admin!, newProgram({ template: "countyHireTownshipUse", kind: "COUNTY_HIRE_TOWNSHIP_USE", name: "岗位测试", rotationBatches: 1 }));
    // A receiving hospital in Xinjiang, outside the Shaoxing tree, is a valid receiving organisation.
    const post = await createPost(db.prisma, scopes.staff!, { programId: program.id, receivingOrgId: ids.AWT_HOSP, title: "麻醉科医生", specialty: "麻醉科", headcount: 2, rotationBatch: 1, description: "" });
    const before = await state();
    for (const bad of [
      { programId: program.id, receivingOrgId: ids.AWT_HOSP, title: "x", specialty: "y", headcount: 0, rotationBatch: 1 },
      { programId: program.id, receivingOrgId: ids.AWT_HOSP, title: "x", specialty: "y", headcount: 1, rotationBatch: 2 },
      { programId: program.id, receivingOrgId: ids.SX_BUREAU, title: "x", specialty: "y", headcount: 1, rotationBatch: 1 },
      { programId: program.id, receivingOrgId: "forged-id", title: "x", specialty: "y", headcount: 1, rotationBatch: 1 },
    ]) {
      await expect(createPost(db.prisma, scopes.admin!, bad)).rejects.toMatchObject({ code: "validation" });
    }
    await expect(setQuotas(db.prisma, scopes.admin!, { postId: post.id, quotas: [{ nominatingOrgId: ids.WZ_FS, minimum: 1 }] })).rejects.toMatchObject({ fieldErrors: { "quotas.0.nominatingOrgId": ["unitOutsideBureau"] } });
    await expect(setQuotas(db.prisma, scopes.admin!, { postId: post.id, quotas: [{ nominatingOrgId: ids.SXRM, minimum: -1 }] })).rejects.toMatchObject({ code: "validation" });
    // Another bureau's post is as missing (issue 12).
    await expect(setQuotas(db.prisma, scopes["wz-admin"]!, { postId: post.id, quotas: [] })).rejects.toMatchObject({ code: "notFound" });
    await expect(deletePost(db.prisma, scopes["wz-admin"]!, { id: post.id })).rejects.toMatchObject({ code: "notFound" });
    expect(await state()).toEqual(before);

    await updatePost(db.prisma, scopes.admin!, { id: post.id, receivingOrgId: ids.AWT_HOSP, title: "麻醉科医生", specialty: "麻醉科", headcount: 3, rotationBatch: 1 });
    await setQuotas(db.prisma, scopes.admin!, { postId: post.id, quotas: [{ nominatingOrgId: ids.SXRM, minimum: 2 }] });
    expect(await db.prisma.nominationQuota.findMany({ where: { postId: post.id }, select: { nominatingOrgId: true, minimum: true } })).toEqual([{ nominatingOrgId: ids.SXRM, minimum: 2 }]);

    // A post with an application cannot be deleted.
    const doctor = await db.prisma.doctor.findFirstOrThrow({ where: { employerId: ids.SXRM } });
    const user = await db.prisma.user.findUniqueOrThrow({ where: { username: "nominator" } });
    const application = await db.prisma.application.create({ data: { postId: post.id, doctorId: doctor.id, nominatingOrgId: ids.SXRM!, source: "UNIT", createdById: user.id } });
    await expect(deletePost(db.prisma, scopes.admin!, { id: post.id })).rejects.toMatchObject({ code: "conflict", message: "postHasApplications" });
    await db.prisma.application.delete({ where: { id: application.id } });
    await deletePost(db.prisma, scopes.admin!, { id: post.id });
    expect(await db.prisma.post.count({ where: { id: post.id } })).toBe(0);
    const actions = (await db.prisma.auditLog.findMany({ where: { entity: "Post", entityId: post.id }, orderBy: { id: "asc" } })).map((r) => r.action);
    expect(actions).toEqual(["post.create", "post.update", "post.quotas_updated", "post.delete"]);
  });

  it("posts of an open programme cannot be deleted", async () => {
    const post = await db.prisma.post.findFirstOrThrow({ where: { programId: ids.XJ } });
    await expect(deletePost(db.prisma, scopes.admin!, { id: post.id })).rejects.toMatchObject({ message: "deleteOnlyInDraft" });
  });
});

describe("duplicate", () => {
  it("copies posts, quotas, rules, cut-offs and stages a year later, as a draft named for the new year", async () => {
    const copy = await duplicateProgram(db.prisma, scopes.staff!, { id: ids.XJ });
    expect(copy).toMatchObject({ bureauId: ids.SX_BUREAU, status: "DRAFT", year: 2014, name: "绍兴市第八批援疆医生选派（2014）", serviceMonths: 18, rotationBatches: 2 });
    const [source, copied] = await Promise.all(
      [ids.XJ!, copy.id].map((id) =>
        db.prisma.program.findUniqueOrThrow({
          where: { id },
          include: { stages: { orderBy: { sequence: "asc" } }, cutoffDates: { orderBy: { code: "asc" } }, posts: { orderBy: [{ rotationBatch: "asc" }, { title: "asc" }], include: { nominationQuotas: { orderBy: { nominatingOrgId: "asc" } }, eligibilityRules: true } }, eligibilityRules: true },
        }),
      ),
    );
    expect(copied!.stages.map((s) => [s.kind, s.ratio, s.closesAt.toISOString()])[0]).toEqual(["REGISTRATION", null, "2014-11-11T04:00:00.000Z"]);
    expect(copied!.stages.map((s) => s.kind)).toEqual(source!.stages.map((s) => s.kind));
    expect(copied!.stages.map((s) => s.ratio)).toEqual(source!.stages.map((s) => s.ratio));
    expect(copied!.cutoffDates.map((c) => [c.code, c.date.toISOString().slice(0, 10)])).toEqual([["AGE", "2014-12-31"], ["TITLE_TENURE", "2014-10-31"]]);
    expect(copied!.posts).toHaveLength(14);
    type PostWithChildren = { title: string; rotationBatch: number; receivingOrgId: string; headcount: number; nominationQuotas: { nominatingOrgId: string; minimum: number }[]; eligibilityRules: { tree: unknown }[] };
    const shape = (p: PostWithChildren) => ({ title: p.title, batch: p.rotationBatch, org: p.receivingOrgId, headcount: p.headcount, quotas: p.nominationQuotas.map((q) => [q.nominatingOrgId, q.minimum]), rules: p.eligibilityRules.map((r) => r.tree) });
    expect(copied!.posts.map(shape)).toEqual(source!.posts.map(shape));
    expect(copied!.eligibilityRules.length).toBe(source!.eligibilityRules.length);
    expect(copied!.eligibilityRules.filter((r) => r.postId === null).map((r) => r.tree)).toEqual(source!.eligibilityRules.filter((r) => r.postId === null).map((r) => r.tree));
    expect(await db.prisma.auditLog.count({ where: { action: "program.duplicate", entityId: copy.id } })).toBe(1);
    // the copy of the copy is named for 2015
    expect((await duplicateProgram(db.prisma, scopes.admin!, { id: copy.id })).name).toBe("绍兴市第八批援疆医生选派（2015）");
  });
});
