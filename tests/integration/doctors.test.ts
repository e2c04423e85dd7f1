// The doctors' registry against real PostgreSQL: the use cases of lib/server/doctor*.ts, called as the
// server actions call them, for each role, on the seeded Shaoxing data.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Scope } from "@/lib/auth/policy";
import { IMPORT_COLUMNS, parseCsv, readSheet, validateRows } from "@/lib/domain/doctor-import";
import { composeIdNumber } from "@/lib/domain/id-number";
import { toCsv, toXlsx } from "@/lib/excel/sheet";
import { isAppError } from "@/lib/errors";
import { doctorListQuerySchema, MAX_IMPORT_BYTES, type DoctorFormValues } from "@/lib/schemas/doctors";
import { commitDoctorImport, previewDoctorImport } from "@/lib/server/doctor-import";
import { createDoctor, updateDoctor } from "@/lib/server/doctor-mutations";
import { doctorSheetColumns, getDoctor, listDoctors, listDoctorsForExport, listEmployerOptions } from "@/lib/server/doctors";
import { buildScope } from "@/lib/server/organization-tree";
import { seedDemoData } from "@/prisma/seed";
import { createTestDatabase, type TestDatabase } from "./setup/db";

let db: TestDatabase;
const scopes: Record<string, Scope> = {};
const orgs: Record<string, string> = {};
const ORG_NAMES = { SXRM: "绍兴市人民医院", ZJRM: "诸暨市人民医院", KQRM: "绍兴市柯桥区人民医院", WZRM: "重庆市万州区人民医院" };

const query = (q: Record<string, string> = {}) => doctorListQuerySchema.parse(q);

async function state() {
  const [doctors, titles, grassroots, auditRows] = await Promise.all([
    db.prisma.doctor.findMany({ orderBy: { id: "asc" } }),
    db.prisma.titleRecord.count(),
    db.prisma.grassrootsServiceRecord.count(),
    db.prisma.auditLog.count(),
  ]);
  return { doctors, titles, grassroots, auditRows };
}

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return { code: error.code, message: error.message, fieldErrors: error.fieldErrors };
    throw error;
  }
  throw new Error("expected a refusal");
}

let sequence = 100;
function newDoctor(employerKey: keyof typeof ORG_NAMES, overrides: Partial<DoctorFormValues> = {}): DoctorFormValues {
  const birthDate = overrides.birthDate ?? "1984-04-04";
  return {
    name: "测试医生", sex: "MALE", ethnicity: "汉族", birthDate, idNumber: composeIdNumber("330602", birthDate, (sequence += 2) + 1), education: "BACHELOR",
    degree: "学士", major: "临床医学", employerId: orgs[employerKey]!, department: "骨科", specialty: "骨科", practisingCategory: "CLINICAL",
    positionRank: "STAFF", positionTitle: "", hireDate: "2008-08-01", phone: "13800000001",
    titles: [{ level: "INTERMEDIATE", name: "主治医师", specialty: "骨科", obtainedOn: "2014-09-01" }],
    grassrootsServices: [{ organizationName: "柯桥区平水镇卫生院", startDate: "2010-01-01", endDate: "2010-12-31", isFullTime: true }],
    ...overrides,
  };
}

/** The edit form's payload for a stored doctor, with some fields changed. */
async function editOf(id: string, changes: Partial<DoctorFormValues> = {}) {
  const d = await db.prisma.doctor.findUniqueOrThrow({ where: { id }, include: { titles: true, grassrootsServices: true } });
  const ymd = (x: Date | null) => (x ? x.toISOString().slice(0, 10) : "");
  return {
    id, name: d.name, sex: d.sex, ethnicity: d.ethnicity, birthDate: ymd(d.birthDate), idNumber: d.idNumber, education: d.education, degree: d.degree ?? "", major: d.major ?? "",
    employerId: d.employerId, department: d.department, specialty: d.specialty, practisingCategory: d.practisingCategory ?? "", positionRank: d.positionRank,
    positionTitle: d.positionTitle ?? "", hireDate: ymd(d.hireDate), phone: d.phone ?? "",
    titles: d.titles.map((x) => ({ level: x.level, name: x.name, specialty: x.specialty, obtainedOn: ymd(x.obtainedOn) })),
    grassrootsServices: d.grassrootsServices.map((g) => ({ organizationName: g.organizationName, startDate: ymd(g.startDate), endDate: ymd(g.endDate), isFullTime: g.isFullTime })),
    ...changes,
  };
}

const csvFile = (lines: string[][], fileName = "医生.csv") => ({ fileName, contentBase64: Buffer.from("\uFEFF" + lines.map((l) => l.join(",")).join("\r\n"), "utf8").toString("base64") });
const HEADER = IMPORT_COLUMNS.map((c) => c.header);
function csvRow(values: Record<string, string>): string[] {
  return HEADER.map((h) => values[h] ?? "");
}
function goodRow(name: string, birth: string, seq: number, employer = ORG_NAMES.SXRM) {
  return csvRow({ 姓名: name, 性别: seq % 2 ? "男" : "女", 民族: "汉族", 出生日期: birth, 身份证号: composeIdNumber("330602", birth, seq), 学历: "本科", 工作单位: employer, 科室: "内科", 从事专业: "内科", 专业技术职务: "主治医师", 职称级别: "中级", 取得时间: "2015-09-01" });
}

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemoData(db.prisma);
  for (const [key, name] of Object.entries(ORG_NAMES)) orgs[key] = (await db.prisma.organization.findUniqueOrThrow({ where: { name } })).id;
  for (const username of ["admin", "staff", "auditor", "nominator", "nominator2", "doctor", "wz-admin", "receiver"]) {
    scopes[username] = await buildScope(db.prisma, await db.prisma.user.findUniqueOrThrow({ where: { username } }));
  }
});

afterAll(async () => {
  await db?.drop();
});

describe("reading the registry", () => {
  it("a nominator sees its own hospital's doctors only, with full ID numbers", async () => {
    const page = await listDoctors(db.prisma, scopes.nominator!, query());
    expect(page.total).toBe(await db.prisma.doctor.count({ where: { employerId: orgs.SXRM } }));
    // Mainland resident IDs in full; the demo's permit and passport holders keep their own numbers.
    expect(page.rows.every((r) => r.employer.id === orgs.SXRM && !r.isIdNumberMasked && (r.idType !== "MAINLAND_ID" || /^\d{17}[\dX]$/.test(r.idNumber)))).toBe(true);
  });

  it("an auditor reads the whole bureau with masked ID numbers, and cannot write", async () => {
    const page = await listDoctors(db.prisma, scopes.auditor!, query());
    const shaoxing = await db.prisma.doctor.count({ where: { employer: { name: { startsWith: "绍兴" } } } });
    expect(page.total).toBeGreaterThanOrEqual(shaoxing);
    expect(page.rows.every((r) => r.isIdNumberMasked && (r.idType !== "MAINLAND_ID" || /^\d{6}\*{8}[\dX]{4}$/.test(r.idNumber)))).toBe(true);
    expect(page.rows.filter((r) => r.idType !== "MAINLAND_ID").every((r) => r.idNumber.includes("*"))).toBe(true);
    const one = await getDoctor(db.prisma, scopes.auditor!, page.rows[0]!.id);
    expect(one?.isIdNumberMasked).toBe(true);
    expect(one?.canManage).toBe(false);
    const before = await state();
    expect((await refusal(createDoctor(db.prisma, scopes.auditor!, newDoctor("SXRM")))).code).toBe("forbidden");
    expect((await refusal(updateDoctor(db.prisma, scopes.auditor!, await editOf(page.rows[0]!.id, { phone: "1" })))).code).toBe("forbidden");
    expect(await state()).toEqual(before);
  });

  it("a doctor sees only their own record, with its full ID number", async () => {
    const own = scopes.doctor!.user.doctorId!;
    const page = await listDoctors(db.prisma, scopes.doctor!, query());
    expect(page.rows.map((r) => r.id)).toEqual([own]);
    expect(page.rows[0]!.isIdNumberMasked).toBe(false);
    const colleague = await db.prisma.doctor.findFirstOrThrow({ where: { employerId: orgs.SXRM, id: { not: own } } });
    expect(await getDoctor(db.prisma, scopes.doctor!, colleague.id)).toBeNull();
    expect((await getDoctor(db.prisma, scopes.doctor!, own))?.idNumber).toMatch(/^\d{17}[\dX]$/);
  });

  it("another bureau sees none of Shaoxing's doctors; search finds by last four digits and filters by title level", async () => {
    const sxDoctor = await db.prisma.doctor.findFirstOrThrow({ where: { employerId: orgs.SXRM } });
    expect(await getDoctor(db.prisma, scopes["wz-admin"]!, sxDoctor.id)).toBeNull();
    const byTail = await listDoctors(db.prisma, scopes.staff!, query({ q: sxDoctor.idNumber.slice(-4) }));
    expect(byTail.rows.map((r) => r.id)).toContain(sxDoctor.id);
    const seniors = await listDoctors(db.prisma, scopes.staff!, query({ titleLevel: "ASSOCIATE_SENIOR" }));
    expect(seniors.total).toBeGreaterThan(0);
    expect(seniors.rows.every((r) => r.currentTitle?.level === "ASSOCIATE_SENIOR")).toBe(true);
    expect((await listEmployerOptions(db.prisma, scopes.nominator!, {})).map((e) => e.id)).toEqual([orgs.SXRM]);
    // The list's employer picker: a few at a time, searched by name, the chosen one always offered; never outside the scope.
    const firstTwo = await listEmployerOptions(db.prisma, scopes.staff!, { take: 2 });
    expect(firstTwo).toHaveLength(2);
    expect((await listEmployerOptions(db.prisma, scopes.staff!, { q: "绍兴市人民", take: 2 })).map((e) => e.id)).toEqual([orgs.SXRM]);
    expect((await listEmployerOptions(db.prisma, scopes.staff!, { q: "没有这个单位", take: 2, includeId: orgs.SXRM })).map((e) => e.id)).toEqual([orgs.SXRM]);
    expect((await listEmployerOptions(db.prisma, scopes.nominator!, { q: "没有这个单位", take: 2, includeId: firstTwo.find((e) => e.id !== orgs.SXRM)!.id })).map((e) => e.id)).toEqual([]);
  });
});

describe("creating and editing", () => {
  it("a nominator creates and edits its own doctor, audited with the ID number masked", async () => {
    const input = newDoctor("SXRM");
    const { id } = await createDoctor(db.prisma, scopes.nominator!, input);
    const stored = await db.prisma.doctor.findUniqueOrThrow({ where: { id }, include: { titles: true, grassrootsServices: true } });
    expect(stored).toMatchObject({ idNumber: input.idNumber, employerId: orgs.SXRM, birthDate: new Date("1984-04-04T00:00:00Z") });
    expect(stored.titles).toHaveLength(1);
    expect(stored.grassrootsServices).toHaveLength(1);

    await updateDoctor(db.prisma, scopes.nominator!, await editOf(id, { department: "关节外科", titles: [...(input.titles ?? []), { level: "ASSOCIATE_SENIOR", name: "副主任医师", specialty: "骨科", obtainedOn: "2020-09-01" }] }));
    const rows = await db.prisma.auditLog.findMany({ where: { entity: "Doctor", entityId: id }, orderBy: { id: "asc" } });
    expect(rows.map((r) => r.action)).toEqual(["doctor.create", "doctor.update"]);
    const payloads = JSON.stringify(rows.map((r) => [r.before, r.after]));
    expect(payloads).not.toContain(input.idNumber);
    expect(payloads).toContain(`${input.idNumber.slice(0, 6)}********${input.idNumber.slice(-4)}`);
    expect((rows[1]!.after as { department: string; titles: unknown[] })).toMatchObject({ department: "关节外科", titles: [{}, {}] });
  });

  it("a nominator cannot create in, move to, or edit another hospital's doctors: forbidden, nothing written", async () => {
    const before = await state();
    expect((await refusal(createDoctor(db.prisma, scopes.nominator!, newDoctor("ZJRM")))).code).toBe("forbidden");
    const theirs = await db.prisma.doctor.findFirstOrThrow({ where: { employerId: orgs.ZJRM } });
    expect((await refusal(updateDoctor(db.prisma, scopes.nominator!, await editOf(theirs.id, { phone: "13900000000" })))).code).toBe("notFound"); // out of scope: as a missing one (issue 12)
    const ours = await db.prisma.doctor.findFirstOrThrow({ where: { employerId: orgs.SXRM } });
    expect((await refusal(updateDoctor(db.prisma, scopes.nominator!, await editOf(ours.id, { employerId: orgs.ZJRM })))).code).toBe("forbidden");
    expect(await state()).toEqual(before);
  });

  it("bureau staff edit any doctor below the bureau, including moving them between hospitals", async () => {
    const theirs = await db.prisma.doctor.findFirstOrThrow({ where: { employerId: orgs.ZJRM } });
    await updateDoctor(db.prisma, scopes.staff!, await editOf(theirs.id, { employerId: orgs.KQRM }));
    expect((await db.prisma.doctor.findUniqueOrThrow({ where: { id: theirs.id } })).employerId).toBe(orgs.KQRM);
    const wz = await db.prisma.doctor.findFirstOrThrow({ where: { employerId: orgs.WZRM } });
    expect((await refusal(updateDoctor(db.prisma, scopes.staff!, await editOf(wz.id, { phone: "1" })))).code).toBe("notFound"); // out of scope: as a missing one (issue 12)
  });

  it("a duplicate ID number, a bad checksum, a birth-date mismatch and a repeated title are field errors", async () => {
    const before = await state();
    const existing = await db.prisma.doctor.findFirstOrThrow({ where: { employerId: orgs.SXRM } });
    const dup = await refusal(createDoctor(db.prisma, scopes.nominator!, newDoctor("SXRM", { idNumber: existing.idNumber, birthDate: existing.birthDate.toISOString().slice(0, 10) })));
    expect(dup).toMatchObject({ code: "validation", fieldErrors: { idNumber: ["idNumberTaken"] } });
    const good = newDoctor("SXRM");
    const bad = await refusal(createDoctor(db.prisma, scopes.nominator!, { ...good, idNumber: good.idNumber.slice(0, 17) + (good.idNumber.endsWith("1") ? "2" : "1") }));
    expect(bad.fieldErrors).toEqual({ idNumber: ["idNumberInvalid"] });
    const mismatch = await refusal(createDoctor(db.prisma, scopes.nominator!, { ...newDoctor("SXRM"), birthDate: "1984-04-05" }));
    expect(mismatch.fieldErrors).toEqual({ idNumber: ["idNumberBirthMismatch"] });
    const title = { level: "JUNIOR" as const, name: "住院医师", specialty: "骨科", obtainedOn: "2009-09-01" };
    const repeated = await refusal(createDoctor(db.prisma, scopes.nominator!, newDoctor("SXRM", { titles: [title, { ...title, obtainedOn: "2010-01-01" }] })));
    expect(repeated.fieldErrors).toEqual({ "titles.1.specialty": ["titleDuplicate"] });
    expect(await state()).toEqual(before);
  });
});

describe("import and export", () => {
  it("a file with one bad row writes nothing and names the row's problem", async () => {
    const before = await state();
    const file = csvFile([HEADER, goodRow("甲", "1985-01-01", 301), csvRow({ ...Object.fromEntries(HEADER.map((h, i) => [h, goodRow("乙", "1985-01-02", 303)[i]!])), 学历: "高中" })]);
    const preview = await previewDoctorImport(db.prisma, scopes.nominator!, file);
    expect(preview.counts).toEqual({ rows: 2, create: 2, update: 0, withProblems: 1 });
    expect(preview.rows[1]!.problems).toEqual([{ column: "education", code: "educationUnknown", params: { value: "高中" } }]);
    expect((await refusal(commitDoctorImport(db.prisma, scopes.nominator!, file))).message).toBe("importHasProblems");
    const outside = csvFile([HEADER, goodRow("丙", "1985-01-03", 305, ORG_NAMES.ZJRM)]);
    expect((await previewDoctorImport(db.prisma, scopes.nominator!, outside)).rows[0]!.problems[0]!.code).toBe("employerOutOfScope");
    expect((await refusal(commitDoctorImport(db.prisma, scopes.nominator!, outside))).message).toBe("importHasProblems");
    expect(await state()).toEqual(before);
  });

  it("a good file writes every row, updates a registered doctor, and leaves one audit row", async () => {
    const registered = await db.prisma.doctor.findFirstOrThrow({ where: { employerId: orgs.SXRM }, include: { titles: true } });
    const update = csvRow({ ...Object.fromEntries(HEADER.map((h, i) => [h, goodRow(registered.name, registered.birthDate.toISOString().slice(0, 10), 1)[i]!])), 身份证号: registered.idNumber, 性别: registered.sex === "MALE" ? "男" : "女", 科室: "导入后科室" });
    const file = csvFile([HEADER, goodRow("丁", "1986-02-01", 311), goodRow("戊", "1986-02-02", 312), update]);
    const auditBefore = await db.prisma.auditLog.count();
    const result = await commitDoctorImport(db.prisma, scopes.nominator!, file);
    expect(result.counts).toEqual({ rows: 3, create: 2, update: 1, withProblems: 0 });
    expect(await db.prisma.doctor.count({ where: { name: { in: ["丁", "戊"] }, employerId: orgs.SXRM } })).toBe(2);
    expect((await db.prisma.doctor.findUniqueOrThrow({ where: { id: registered.id } })).department).toBe("导入后科室");
    const audits = await db.prisma.auditLog.findMany({ where: { id: { gt: BigInt(0) } }, orderBy: { id: "desc" }, take: 1 });
    expect(await db.prisma.auditLog.count()).toBe(auditBefore + 1);
    expect(audits[0]).toMatchObject({ action: "doctor.import", entity: "Doctor", after: { fileName: "医生.csv", rows: 3, created: 2, updated: 1 } });
    // The same file again is all updates now.
    expect((await previewDoctorImport(db.prisma, scopes.nominator!, file)).counts).toMatchObject({ create: 0, update: 3, withProblems: 0 });
  });

  it("the export is in the import's layout: a nominator re-imports it unchanged; auditors get masked numbers", async () => {
    const { rows } = await listDoctorsForExport(db.prisma, scopes.nominator!, query());
    const csv = toCsv({ sheetName: "x", columns: doctorSheetColumns, rows });
    const sheet = readSheet(parseCsv(csv));
    expect(sheet.problems).toEqual([]);
    const preview = await previewDoctorImport(db.prisma, scopes.nominator!, { fileName: "export.csv", contentBase64: Buffer.from(csv, "utf8").toString("base64") });
    expect(preview.counts).toMatchObject({ rows: rows.length, update: rows.length, withProblems: 0 });

    const xlsx = await toXlsx({ sheetName: "x", columns: doctorSheetColumns, rows });
    const fromXlsx = await previewDoctorImport(db.prisma, scopes.nominator!, { fileName: "export.XLSX", contentBase64: xlsx.toString("base64") });
    expect(fromXlsx.counts).toMatchObject({ rows: rows.length, update: rows.length, withProblems: 0 });

    const audited = await listDoctorsForExport(db.prisma, scopes.auditor!, query());
    const auditorCsv = toCsv({ sheetName: "x", columns: doctorSheetColumns, rows: audited.rows });
    expect(auditorCsv).toMatch(/\d{6}\*{8}[\dX]{4}/);
    expect(validateRows(readSheet(parseCsv(auditorCsv)).rows, { employersInScope: new Map(), knownOrganizationNames: new Set(), registered: new Map() })[0]!.problems.map((p) => p.code)).toContain("idNumberInvalid");
  });

  it("refuses a file of the wrong type or too large, and roles without doctor.manage", async () => {
    expect((await refusal(previewDoctorImport(db.prisma, scopes.nominator!, { fileName: "a.xls", contentBase64: "AAAA" }))).message).toBe("fileType");
    expect((await refusal(previewDoctorImport(db.prisma, scopes.nominator!, { fileName: "a.csv", contentBase64: "A".repeat(Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 8) }))).message).toBe("fileTooLarge");
    expect((await refusal(previewDoctorImport(db.prisma, scopes.auditor!, csvFile([HEADER])))).code).toBe("forbidden");
    expect((await refusal(previewDoctorImport(db.prisma, scopes.nominator!, { fileName: "a.xlsx", contentBase64: Buffer.from("not a zip").toString("base64") }))).message).toBe("fileUnreadable");
  });
});
