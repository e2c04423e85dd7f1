// Workforce indicators and targeted students (seed 002) on real PostgreSQL, per role, against a small
// county made for the test whose figures are counted by hand:
//
//   测试县卫生健康局 (under Shaoxing's city bureau) ─ 测试县人民医院 (hospital), 测试县中心卫生院 (centre)
//   Doctors of the hospital:
//     甲 BACHELOR, hired 2010, 中级 since 2020-06-01; full-time grassroots 2019-01-01..2019-06-30 (181 days),
//        part-time 2020 (not counted)                      → 181 served, 184 left
//     乙 TECHNICAL_SECONDARY, hired 2015, 初级 2015; full-time 2016-01-01..2016-12-31 (366 days) → met
//     丙 MASTER, hired 2023-07-01, no title, no service      → 0 served, 365 left
//     丁 BACHELOR, hired 2005, 副高 2018                     → past promotion: not listed
//   Registry counts: 2022 — staff 甲乙丁 = 3, college 甲丁 = 2 (66.67 %), mid-title 甲丁 = 2 (66.67 %);
//                    2024 — staff 4, college 甲丙丁 = 3 (75 %), mid-title 2 (50 %).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Scope } from "@/lib/auth/policy";
import { composeIdNumber } from "@/lib/domain/id-number";
import { buildScope } from "@/lib/server/organization-tree";
import { createContract, createFigure, saveContract, updateContract, updateFigure } from "@/lib/server/workforce";
import { promotionService, targetedContracts, workforceIndicators } from "@/lib/server/workforce-queries";
import { seedDemoData } from "@/prisma/seed";
import { createTestDatabase, type TestDatabase } from "./setup/db";

let db: TestDatabase;
const s: Record<string, Scope> = {};
const ids: Record<string, string> = {};
const NOW = new Date("2026-12-04T04:00:00Z");
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function doctor(name: string, n: number, data: { education: "BACHELOR" | "TECHNICAL_SECONDARY" | "MASTER"; hireDate: string; titles?: { level: "JUNIOR" | "INTERMEDIATE" | "ASSOCIATE_SENIOR"; on: string }[]; service?: { from: string; to: string; fullTime: boolean }[] }) {
  const d = await db.prisma.doctor.create({
    data: {
      name,
      sex: "MALE",
      ethnicity: "汉族",
      birthDate: day("1985-03-03"),
      idNumber: composeIdNumber("330624", "1985-03-03", n),
      education: data.education,
      hireDate: day(data.hireDate),
      employerId: ids.hospital!,
      department: "内科",
      specialty: "内科",
      titles: { create: (data.titles ?? []).map((t) => ({ level: t.level, name: t.level, specialty: "内科", obtainedOn: day(t.on) })) },
      grassrootsServices: { create: (data.service ?? []).map((g) => ({ organizationName: "测试县某镇卫生院", startDate: day(g.from), endDate: day(g.to), isFullTime: g.fullTime })) },
    },
  });
  return d.id;
}

async function user(username: string, role: "BUREAU_STAFF" | "AUDITOR" | "HOSPITAL_NOMINATOR" | "DOCTOR", organizationId: string) {
  return buildScope(db.prisma, await db.prisma.user.create({ data: { username, displayName: username, role, organizationId, passwordHash: "x" } }));
}

beforeAll(async () => {
  db = await createTestDatabase();
  (globalThis as { prisma?: unknown }).prisma = db.prisma;
  await seedDemoData(db.prisma);
  const city = await db.prisma.organization.findFirstOrThrow({ where: { name: "浙江省绍兴市卫生健康委员会" } });
  ids.city = city.id;
  ids.county = (await db.prisma.organization.create({ data: { name: "测试县卫生健康局", kind: "BUREAU", level: "COUNTY", region: "浙江省绍兴市测试县", parentId: city.id } })).id;
  ids.hospital = (await db.prisma.organization.create({ data: { name: "测试县人民医院", kind: "HOSPITAL", level: "COUNTY", region: "浙江省绍兴市测试县", parentId: ids.county } })).id;
  ids.centre = (await db.prisma.organization.create({ data: { name: "测试县中心卫生院", kind: "TOWNSHIP_CENTRE", level: "TOWNSHIP", region: "浙江省绍兴市测试县", parentId: ids.county } })).id;
  ids.sxrm = (await db.prisma.organization.findFirstOrThrow({ where: { name: "绍兴市人民医院" } })).id;
  await doctor("甲", 11, { education: "BACHELOR", hireDate: "2010-08-01", titles: [{ level: "INTERMEDIATE", on: "2020-06-01" }], service: [{ from: "2019-01-01", to: "2019-06-30", fullTime: true }, { from: "2020-03-01", to: "2020-12-31", fullTime: false }] });
  await doctor("乙", 13, { education: "TECHNICAL_SECONDARY", hireDate: "2015-08-01", titles: [{ level: "JUNIOR", on: "2015-12-01" }], service: [{ from: "2016-01-01", to: "2016-12-31", fullTime: true }] });
  await doctor("丙", 15, { education: "MASTER", hireDate: "2023-07-01" });
  await doctor("丁", 17, { education: "BACHELOR", hireDate: "2005-08-01", titles: [{ level: "INTERMEDIATE", on: "2011-01-01" }, { level: "ASSOCIATE_SENIOR", on: "2018-01-01" }] });
  for (const username of ["admin", "staff", "nominator", "wz-admin", "doctor", "auditor"]) s[username] = await buildScope(db.prisma, await db.prisma.user.findUniqueOrThrow({ where: { username } }));
  s.county = await user("test-county-staff", "BUREAU_STAFF", ids.county);
  s.countyAuditor = await user("test-county-auditor", "AUDITOR", ids.county);
  s.hospital = await user("test-hospital-nominator", "HOSPITAL_NOMINATOR", ids.hospital);
  const indicators = await db.prisma.workforceIndicator.findMany({ select: { id: true, code: true } });
  for (const i of indicators) ids[i.code] = i.id;
}, 180_000);

afterAll(async () => {
  await db?.drop();
});

describe("indicators: entered and counted, with the gap to target", () => {
  it("the county's staff enter their own region's figures; registry actuals are counted in SQL", async () => {
    const entered = await createFigure(db.prisma, s.county!, { indicatorId: ids.GRASSROOTS_STAFF_PER_1000, regionId: ids.county, year: 2024, target: 3.5, numerator: 1900, denominator: 500_000 }, NOW);
    expect(entered).toMatchObject({ year: 2024, target: 3.5, numerator: 1900, denominator: 500_000, version: 1 });
    await createFigure(db.prisma, s.county!, { indicatorId: ids.COLLEGE_DEGREE_SHARE, regionId: ids.county, year: 2022, target: 70 }, NOW);
    await createFigure(db.prisma, s.county!, { indicatorId: ids.COLLEGE_DEGREE_SHARE, regionId: ids.county, year: 2024, target: 70 }, NOW);

    const view = await workforceIndicators(db.prisma, s.county!);
    expect(view.region.id).toBe(ids.county);
    expect(view.years).toEqual([2022, 2024]);
    const per1000 = view.indicators.find((i) => i.code === "GRASSROOTS_STAFF_PER_1000")!;
    expect(per1000.years.find((y) => y.year === 2024)).toMatchObject({ actual: 3.8, target: 3.5, gap: 0.3, hasMet: true, enteredBy: "test-county-staff" });
    const college = view.indicators.find((i) => i.code === "COLLEGE_DEGREE_SHARE")!;
    expect(college.years.map((y) => [y.year, y.numerator, y.denominator, y.actual, y.gap, y.hasMet])).toEqual([
      [2022, 2, 3, 66.67, -3.33, false],
      [2024, 3, 4, 75, 5, true],
    ]);
    const mid = view.indicators.find((i) => i.code === "MID_TITLE_SHARE")!;
    expect(mid.years.map((y) => [y.year, y.numerator, y.denominator, y.actual, y.target])).toEqual([
      [2022, 2, 3, 66.67, null],
      [2024, 2, 4, 50, null],
    ]);

    // Who entered it is in the audit, in words.
    const row = await db.prisma.auditLog.findFirstOrThrow({ where: { action: "workforce.figure_create", entityId: entered.id } });
    expect(row.actorName).toBe("test-county-staff");
    expect(row.after).toMatchObject({ indicator: "每千常住人口基层卫生人员数", region: "测试县卫生健康局", year: 2024, numerator: 1900 });
  });

  it("the city bureau reads the county below it; the county reads neither its parent nor another bureau's; Wanzhou reads nothing of Shaoxing", async () => {
    const fromCity = await workforceIndicators(db.prisma, s.admin!, { regionId: ids.county });
    expect(fromCity.indicators.find((i) => i.code === "GRASSROOTS_STAFF_PER_1000")!.years.find((y) => y.year === 2024)!.actual).toBe(3.8);
    await expect(workforceIndicators(db.prisma, s.county!, { regionId: ids.city })).rejects.toMatchObject({ code: "notFound" });
    await expect(workforceIndicators(db.prisma, s["wz-admin"]!, { regionId: ids.county })).rejects.toMatchObject({ code: "notFound" });
    // The auditor reads; hospitals and doctors are refused the region's indicators.
    expect((await workforceIndicators(db.prisma, s.countyAuditor!)).years).toEqual([2022, 2024]);
    await expect(workforceIndicators(db.prisma, s.hospital!)).rejects.toMatchObject({ code: "forbidden" });
    await expect(workforceIndicators(db.prisma, s.doctor!)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("writes are refused out of scope, by role, for registry actuals, twice for a year and from a stale version — nothing written", async () => {
    const before = await db.prisma.workforceFigure.count();
    const figure = { indicatorId: ids.GP_PER_10000, year: 2024, target: 4, numerator: 200, denominator: 500_000 };
    await expect(createFigure(db.prisma, s.county!, { ...figure, regionId: ids.city })).rejects.toMatchObject({ code: "validation", fieldErrors: { regionId: ["regionOutOfScope"] } });
    await expect(createFigure(db.prisma, s["wz-admin"]!, { ...figure, regionId: ids.county })).rejects.toMatchObject({ fieldErrors: { regionId: ["regionOutOfScope"] } });
    await expect(createFigure(db.prisma, s.countyAuditor!, { ...figure, regionId: ids.county })).rejects.toMatchObject({ code: "forbidden" });
    await expect(createFigure(db.prisma, s.hospital!, { ...figure, regionId: ids.county })).rejects.toMatchObject({ code: "forbidden" });
    await expect(createFigure(db.prisma, s.county!, { indicatorId: ids.MID_TITLE_SHARE, regionId: ids.county, year: 2024, target: 50, numerator: 1, denominator: 2 })).rejects.toMatchObject({ fieldErrors: { numerator: ["countedFromRegistry"] } });
    await expect(createFigure(db.prisma, s.county!, { indicatorId: ids.GRASSROOTS_STAFF_PER_1000, regionId: ids.county, year: 2024, target: 3 })).rejects.toMatchObject({ fieldErrors: { year: ["figureExists"] } });
    await expect(createFigure(db.prisma, s.county!, { ...figure, regionId: ids.county, numerator: 5, denominator: null })).rejects.toMatchObject({ fieldErrors: { denominator: ["countsTogether"] } });
    expect(await db.prisma.workforceFigure.count()).toBe(before);

    // A correction from the version read; a second one from the same version is stale.
    const existing = await db.prisma.workforceFigure.findFirstOrThrow({ where: { organizationId: ids.county, indicatorId: ids.GRASSROOTS_STAFF_PER_1000, year: 2024 } });
    const updated = await updateFigure(db.prisma, s.admin!, { figureId: existing.id, version: 1, target: 4, numerator: 1900, denominator: 500_000 }, NOW);
    expect(updated).toMatchObject({ target: 4, version: 2 });
    await expect(updateFigure(db.prisma, s.county!, { figureId: existing.id, version: 1, target: 3, numerator: null, denominator: null })).rejects.toMatchObject({ code: "conflict", message: "staleEdit" });
    await expect(updateFigure(db.prisma, s["wz-admin"]!, { figureId: existing.id, version: 2, target: 3, numerator: null, denominator: null })).rejects.toMatchObject({ code: "notFound" });
    const gap = (await workforceIndicators(db.prisma, s.county!)).indicators.find((i) => i.code === "GRASSROOTS_STAFF_PER_1000")!.years.find((y) => y.year === 2024)!;
    expect(gap).toMatchObject({ actual: 3.8, target: 4, gap: -0.2, hasMet: false, version: 2 });
    expect(await db.prisma.auditLog.count({ where: { action: "workforce.figure_update", entityId: existing.id } })).toBe(1);
  });
});

describe("targeted students' contracts", () => {
  it("the county records one at its centre; days left counted to today; the hospital sees only its own; others nothing", async () => {
    const centre = await createContract(db.prisma, s.county!, { name: "测试生甲", school: "温州医科大学", graduationYear: 2021, serviceYears: 6, serviceStartDate: "2021-09-01", serviceOrgId: ids.centre });
    await createContract(db.prisma, s.county!, { name: "测试生乙", school: "杭州医学院", graduationYear: 2023, serviceYears: 3, serviceStartDate: "2023-08-01", serviceOrgId: ids.hospital });
    await expect(createContract(db.prisma, s.county!, { name: "测试生丙", school: "杭州医学院", graduationYear: 2023, serviceYears: 6, serviceStartDate: "2023-08-01", serviceOrgId: ids.sxrm })).rejects.toMatchObject({ fieldErrors: { serviceOrgId: ["serviceOrgOutOfScope"] } });
    await expect(createContract(db.prisma, s.hospital!, { name: "测试生丁", school: "杭州医学院", graduationYear: 2023, serviceYears: 6, serviceStartDate: "2023-08-01", serviceOrgId: ids.hospital })).rejects.toMatchObject({ code: "forbidden" });

    const county = await targetedContracts(db.prisma, s.county!, {}, NOW);
    expect(county.rows.map((r) => [r.name, r.lastDay, r.servedDays, r.remainingDays, r.isFulfilled])).toEqual([
      ["测试生乙", "2026-07-31", 1096, 0, true],
      ["测试生甲", "2027-08-31", 1921, 270, false],
    ]);
    expect((await targetedContracts(db.prisma, s.county!, { status: "serving" }, NOW)).rows.map((r) => r.name)).toEqual(["测试生甲"]);
    // The hospital: the student serving with it, not the centre's.
    expect((await targetedContracts(db.prisma, s.hospital!, {}, NOW)).rows.map((r) => r.name)).toEqual(["测试生乙"]);
    // The city sees the county's two beside Shaoxing's demo students; Wanzhou none of them.
    const city = await targetedContracts(db.prisma, s.admin!, { regionId: ids.county }, NOW);
    expect(city.rows.map((r) => r.name).sort()).toEqual(["测试生乙", "测试生甲"].sort());
    expect((await targetedContracts(db.prisma, s["wz-admin"]!, {}, NOW)).rows).toEqual([]);
    await expect(targetedContracts(db.prisma, s.doctor!)).rejects.toMatchObject({ code: "forbidden" });

    const corrected = await updateContract(db.prisma, s.county!, { contractId: centre.id, version: 1, name: "测试生甲", school: "温州医科大学", graduationYear: 2021, serviceYears: 5, serviceStartDate: "2021-09-01", serviceOrgId: ids.centre });
    expect(corrected).toMatchObject({ serviceYears: 5, version: 2 });
    await expect(updateContract(db.prisma, s["wz-admin"]!, { contractId: centre.id, version: 2, name: "x", school: "y", graduationYear: 2021, serviceYears: 5, serviceStartDate: "2021-09-01", serviceOrgId: ids.centre })).rejects.toMatchObject({ code: "notFound" });
    expect(await db.prisma.auditLog.count({ where: { entity: "TargetedStudent", entityId: centre.id } })).toBe(2);
  });

  it("the page's correction: offered to the bureau over the place of service, not the hospital; from the version read, else 409 and nothing changed", async () => {
    const student = await createContract(db.prisma, s.county!, { name: "测试生戊", school: "温州医科大学", graduationYear: 2022, serviceYears: 6, serviceStartDate: "2022-09-01", serviceOrgId: ids.hospital });
    const row = async (who: string) => (await targetedContracts(db.prisma, s[who]!, {}, NOW)).rows.find((r) => r.id === student.id);
    expect((await row("county"))?.can).toEqual({ correct: true });
    // The hospital sees the student serving with it, and may not correct the contract.
    expect((await row("hospital"))?.can).toEqual({ correct: false });
    const fields = { contractId: student.id, name: "测试生戊", school: "温州医科大学", graduationYear: 2022, serviceStartDate: "2022-09-01", serviceOrgId: ids.hospital };
    await expect(saveContract(db.prisma, s.hospital!, { ...fields, version: 1, serviceYears: 3 })).rejects.toMatchObject({ code: "forbidden" });
    // The form's one action corrects when it carries the id and version.
    expect(await saveContract(db.prisma, s.county!, { ...fields, version: 1, serviceYears: 5, note: "按协议原件更正" })).toMatchObject({ id: student.id, serviceYears: 5, note: "按协议原件更正", version: 2 });
    // A second editor who read version 1 is refused, and the contract stays as corrected.
    await expect(saveContract(db.prisma, s.county!, { ...fields, version: 1, serviceYears: 2 })).rejects.toMatchObject({ code: "conflict", message: "staleEdit" });
    expect(await db.prisma.targetedStudent.findUniqueOrThrow({ where: { id: student.id }, select: { serviceYears: true, version: true } })).toEqual({ serviceYears: 5, version: 2 });
    const audits = await db.prisma.auditLog.findMany({ where: { entity: "TargetedStudent", entityId: student.id }, orderBy: { id: "asc" }, select: { action: true, before: true, after: true } });
    expect(audits.map((a) => a.action)).toEqual(["workforce.contract_create", "workforce.contract_update"]);
    expect(audits[1]).toMatchObject({ before: { serviceYears: 6, version: 1 }, after: { serviceYears: 5, version: 2, note: "按协议原件更正" } });
  });
});

describe("grassroots service before promotion", () => {
  it("the county and the hospital see the hospital's three doctors below 副高, counted from full-time records; the city likewise for the county; Wanzhou none", async () => {
    const expected = [
      ["丙", null, 0, 365, false],
      ["甲", "INTERMEDIATE", 181, 184, false],
      ["乙", "JUNIOR", 366, 0, true],
    ];
    const rows = (r: Awaited<ReturnType<typeof promotionService>>) => r.rows.map((d) => [d.name, d.titleLevel, d.servedDays, d.remainingDays, d.hasMet]);
    const county = await promotionService(db.prisma, s.county!, {}, NOW);
    expect(rows(county)).toEqual(expected);
    expect([county.met, county.notMet, county.total]).toEqual([1, 2, 3]);
    expect(rows(await promotionService(db.prisma, s.hospital!, {}, NOW))).toEqual(expected);
    expect(rows(await promotionService(db.prisma, s.admin!, { regionId: ids.county }, NOW))).toEqual(expected);
    // Shaoxing's city hospital nominator sees none of the county's doctors.
    expect((await promotionService(db.prisma, s.nominator!, {}, NOW)).rows.some((d) => ["甲", "乙", "丙"].includes(d.name))).toBe(false);
    expect((await promotionService(db.prisma, s["wz-admin"]!, {}, NOW)).rows.some((d) => ["甲", "乙", "丙"].includes(d.name))).toBe(false);
    await expect(promotionService(db.prisma, s.hospital!, { regionId: ids.county })).rejects.toMatchObject({ code: "notFound" });
  });
});

describe("the demo's Shaoxing figures", () => {
  it("seed 002's six indicators, the city and its six counties over 2022–2025, the city's 2025 count of grassroots staff left to enter", async () => {
    const view = await workforceIndicators(db.prisma, s.staff!);
    expect(view.region.name).toBe("浙江省绍兴市卫生健康委员会");
    expect(view.years).toEqual([2022, 2023, 2024, 2025]);
    expect(view.indicators.map((i) => i.name)).toContain("每千常住人口基层卫生人员数");
    const staff2025 = view.indicators.find((i) => i.code === "GRASSROOTS_STAFF_PER_1000")!.years.at(-1)!;
    expect(staff2025).toMatchObject({ target: 3.8, actual: null, gap: null });
  });
});
