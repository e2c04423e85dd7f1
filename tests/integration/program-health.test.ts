// Programme health (issue 16) on real PostgreSQL, against a small world counted by hand: a city
// bureau's programme of two posts and five applications (with their decisions at known moments), one
// dispatch with leave, absences, logs, mentees, allowances and an annual assessment; and a county
// bureau below the city's with a programme of its own. The city sees both; the county only its own;
// a hospital's nominator and a doctor are refused (the policy gives them no "program.health").
import ExcelJS from "exceljs";
import { createTranslator } from "next-intl";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Scope } from "@/lib/auth/policy";
import type { Role } from "@/lib/generated/prisma/enums";
import { loadMessages } from "@/lib/i18n/messages";
import { buildScope } from "@/lib/server/organization-tree";
import { programHealth } from "@/lib/server/program-health";
import { exportHealthTable } from "@/lib/server/program-health-export";
import { createTestDatabase, type TestDatabase } from "./setup/db";

let db: TestDatabase;
const scopes: Record<string, Scope> = {};
let cityProgramId = "";
let countyProgramId = "";
const ids: Record<string, string> = {};

const DAY = 86_400_000;
const T0 = new Date("2026-01-01T00:00:00Z");
const at = (days: number) => new Date(T0.getTime() + days * DAY);
const NOW = at(20);
const day = (d: string) => new Date(`${d}T00:00:00Z`);

beforeAll(async () => {
  db = await createTestDatabase();
  const p = db.prisma;
  const org = async (key: string, kind: "BUREAU" | "HOSPITAL" | "RECEIVING_HOSPITAL", level: "CITY" | "COUNTY", parentId: string | null) => {
    ids[key] = (await p.organization.create({ data: { name: `健康-${key}`, kind, level, region: "测试", parentId } })).id;
  };
  await org("city", "BUREAU", "CITY", null);
  await org("county", "BUREAU", "COUNTY", ids.city!);
  await org("hosp", "HOSPITAL", "COUNTY", ids.county!);
  await org("recv", "RECEIVING_HOSPITAL", "COUNTY", null);

  const doctors: string[] = [];
  for (let i = 1; i <= 6; i++) {
    const d = await p.doctor.create({
      data: { name: `医生${i}`, sex: "MALE", ethnicity: "汉族", birthDate: day("1980-01-01"), idNumber: `HEALTH-TEST-${i}`, education: "BACHELOR", employerId: ids.hosp!, department: "内科", specialty: "内科" },
    });
    doctors.push(d.id);
  }
  const user = async (username: string, role: Role, orgKey: string, doctorId: string | null = null) => {
    const u = await p.user.create({ data: { username, displayName: username, role, organizationId: ids[orgKey]!, doctorId, passwordHash: "x" } });
    scopes[username] = await buildScope(p, u);
    ids[username] = u.id;
  };
  await user("city-staff", "BUREAU_STAFF", "city");
  await user("county-admin", "BUREAU_ADMIN", "county");
  await user("nominator", "HOSPITAL_NOMINATOR", "hosp");
  await user("doctor", "DOCTOR", "hosp", doctors[5]!);
  const staff = ids["city-staff"]!;

  const stages = [
    { kind: "REGISTRATION" as const, sequence: 1, ratio: null },
    { kind: "PRELIMINARY_REVIEW" as const, sequence: 2, ratio: null },
    { kind: "INSPECTION_SHORTLIST" as const, sequence: 3, ratio: 3 },
    { kind: "REPORT_LIST" as const, sequence: 4, ratio: 2 },
    { kind: "APPROVAL" as const, sequence: 5, ratio: null },
  ].map((s) => ({ ...s, opensAt: at(-30), closesAt: at(-10 + s.sequence) }));
  const program = await p.program.create({ data: { bureauId: ids.city!, kind: "OTHER", name: "健康测试项目", year: 2026, status: "IN_SERVICE", serviceMonths: 12, stages: { create: stages } } });
  cityProgramId = program.id;
  const postA = await p.post.create({ data: { programId: program.id, receivingOrgId: ids.recv!, title: "一号岗位", specialty: "内科", headcount: 1 } });
  const postB = await p.post.create({ data: { programId: program.id, receivingOrgId: ids.recv!, title: "二号岗位", specialty: "外科", headcount: 2 } });
  await p.nominationQuota.create({ data: { programId: program.id, postId: postA.id, nominatingOrgId: ids.hosp!, minimum: 2 } });
  await p.nominationQuota.create({ data: { programId: program.id, postId: postB.id, nominatingOrgId: ids.hosp!, minimum: 3 } });

  const app = async (doctor: number, postId: string, status: "APPROVED" | "IN_PROGRESS" | "REJECTED" | "PENDING_ENDORSEMENT", currentStage: (typeof stages)[number]["kind"], decisions: [string, "PASS" | "FAIL", number][]) => {
    const a = await p.application.create({
      data: { postId, doctorId: doctors[doctor]!, nominatingOrgId: ids.hosp!, source: status === "PENDING_ENDORSEMENT" ? "SELF" : "UNIT", status, currentStage, submittedAt: status === "PENDING_ENDORSEMENT" ? null : T0, createdAt: T0, createdById: staff },
    });
    for (const [stage, outcome, d] of decisions) {
      await p.stageDecision.create({ data: { applicationId: a.id, stage: stage as never, outcome, reason: outcome === "FAIL" ? "不符合" : null, decidedById: staff, decidedAt: at(d) } });
    }
    return a.id;
  };
  // a1 approved; a2 waits for approval since day 7; a3 failed the shortlist; a4 waits for the preliminary review since day 0; a5 awaits its unit's endorsement since day 0.
  const a1 = await app(0, postA.id, "APPROVED", "APPROVAL", [["PRELIMINARY_REVIEW", "PASS", 1], ["INSPECTION_SHORTLIST", "PASS", 3], ["REPORT_LIST", "PASS", 6], ["APPROVAL", "PASS", 10]]);
  await app(1, postA.id, "IN_PROGRESS", "APPROVAL", [["PRELIMINARY_REVIEW", "PASS", 2], ["INSPECTION_SHORTLIST", "PASS", 4], ["REPORT_LIST", "PASS", 7]]);
  await app(2, postA.id, "REJECTED", "INSPECTION_SHORTLIST", [["PRELIMINARY_REVIEW", "PASS", 1], ["INSPECTION_SHORTLIST", "FAIL", 5]]);
  await app(3, postB.id, "IN_PROGRESS", "PRELIMINARY_REVIEW", []);
  await app(4, postB.id, "PENDING_ENDORSEMENT", "REGISTRATION", []);

  // The service of a1's doctor.
  const dispatch = await p.dispatch.create({
    data: { programId: program.id, postId: postA.id, applicationId: a1, doctorId: doctors[0]!, receivingOrgId: ids.recv!, rotationBatch: 1, startDate: day("2026-01-05"), serviceMonths: 12, plannedLastDay: day("2027-01-04"), lastDay: day("2027-01-04"), status: "ACTIVE", createdById: staff },
  });
  const leave = (kind: "HOME_LEAVE" | "SICK" | "PERSONAL", days: number, status: "APPROVED" | "PENDING_SUPERVISOR" | "REJECTED", start: string) =>
    p.leaveRequest.create({ data: { dispatchId: dispatch.id, kind, startDate: day(start), endDate: new Date(day(start).getTime() + (days - 1) * DAY), days, reason: "事由", status, filedById: staff } });
  await leave("HOME_LEAVE", 10, "APPROVED", "2026-03-01");
  await leave("SICK", 3, "APPROVED", "2026-04-01");
  await leave("PERSONAL", 2, "PENDING_SUPERVISOR", "2026-05-01");
  await leave("SICK", 4, "REJECTED", "2026-06-01");
  for (const isPresent of [false, false, true]) {
    await p.attendanceCheck.create({ data: { dispatchId: dispatch.id, source: "SPOT_CHECK", startDate: day("2026-02-03"), endDate: day("2026-02-03"), isPresent, note: isPresent ? null : "不在岗", recordedById: staff } });
  }
  const log = (start: string, status: "CONFIRMED" | "SUBMITTED", data: { outpatients?: number; operations?: number; lectures?: number; newTechniques?: string[]; newDepartments?: string[]; teaching?: Record<string, number> }) =>
    p.workLog.create({ data: { dispatchId: dispatch.id, periodStart: day(start), periodEnd: new Date(day(start).getTime() + 6 * DAY), status, filedById: staff, ...data } });
  await log("2026-01-05", "CONFIRMED", { outpatients: 30, operations: 2, lectures: 1, newTechniques: ["腹腔镜胆囊切除"], teaching: { TRAINEE_HOSTING: 2 } });
  await log("2026-01-12", "CONFIRMED", { outpatients: 20, teaching: { TRAINEE_HOSTING: 1, MENTORING: 3 } });
  await log("2026-02-02", "CONFIRMED", { outpatients: 40, newTechniques: ["无痛胃镜", "血液透析"], newDepartments: ["康复医学科"] });
  await log("2026-02-09", "SUBMITTED", { outpatients: 100, newDepartments: ["中医馆"] });
  await p.mentoringPair.create({ data: { dispatchId: dispatch.id, menteeName: "徒弟一", goals: "执业医师考试", startDate: day("2026-01-10"), endDate: day("2026-02-20"), outcome: "LICENCE_EXAM_PASSED", createdById: staff } });
  await p.mentoringPair.create({ data: { dispatchId: dispatch.id, menteeName: "徒弟二", goals: "技能", startDate: day("2026-01-10"), createdById: staff } });

  const monthly = await p.allowanceItem.create({ data: { programId: program.id, name: "生活补助", kind: "MONTHLY", amountFen: 200_000, payer: "BUREAU_FINANCE", payee: "DOCTOR", startsAt: "ARRIVAL" } });
  const once = await p.allowanceItem.create({ data: { programId: program.id, name: "制装费", kind: "ONE_TIME", amountFen: 1_000_000, payer: "DISPATCHING_UNIT", payee: "DOCTOR", startsAt: "DEPARTURE" } });
  const line = (itemId: string, payer: "BUREAU_FINANCE" | "DISPATCHING_UNIT", amountFen: number, due: string, paid: boolean, slotKey: string) =>
    p.allowanceLine.create({
      data: { dispatchId: dispatch.id, itemId, kind: "SCHEDULED", isGenerated: true, slotKey, periodStart: day(due), periodEnd: day(due), dueDate: day(due), rateFen: amountFen, amountFen, payer, payee: "DOCTOR", status: paid ? "PAID" : "UNPAID", ...(paid ? { paidOn: day(due), paidAt: day(due), paidById: staff, voucherNumber: "V1" } : {}) },
    });
  await line(once.id, "DISPATCHING_UNIT", 1_000_000, "2026-01-05", true, "once");
  await line(monthly.id, "BUREAU_FINANCE", 200_000, "2026-01-31", true, "2026-01");
  await line(monthly.id, "BUREAU_FINANCE", 200_000, "2026-02-28", false, "2026-02");

  const scheme = await p.evaluationScheme.create({ data: { name: "健康测试方案" } });
  const assessment = await p.assessment.create({ data: { programId: program.id, schemeId: scheme.id, year: 2026, openedById: staff } });
  for (const [i, assessed, grade] of [[0, true, "EXCELLENT"], [1, true, null], [2, false, null]] as const) {
    await p.assessmentSubject.create({ data: { assessmentId: assessment.id, doctorId: doctors[i]!, dispatchingOrgId: ids.hosp!, receivingOrgId: ids.recv!, servedDays: assessed ? 300 : 100, assessed, grade } });
  }

  // The county's own programme: one post, one application under review.
  const county = await p.program.create({ data: { bureauId: ids.county!, kind: "OTHER", name: "县级测试项目", year: 2026, status: "VETTING", serviceMonths: 6, stages: { create: stages.slice(0, 2) } } });
  countyProgramId = county.id;
  const postC = await p.post.create({ data: { programId: county.id, receivingOrgId: ids.recv!, title: "三号岗位", specialty: "儿科", headcount: 1 } });
  await app(5, postC.id, "IN_PROGRESS", "PRELIMINARY_REVIEW", []);
});

afterAll(async () => {
  await db?.drop();
});

describe("programme health of the city bureau's programme", () => {
  it("counts posts filled, applications per stage, ratios and quotas", async () => {
    const h = await programHealth(db.prisma, scopes["city-staff"]!, cityProgramId, NOW);
    expect(h.posts.map((x) => [x.title, x.headcount, x.applications, x.approved, x.dispatched])).toEqual([
      ["一号岗位", 1, 3, 1, 1],
      ["二号岗位", 2, 2, 0, 0],
    ]);
    expect(h.stageCounts.map((s) => [s.postTitle, s.stage, s.pendingEndorsement, s.inProgress, s.ended, s.approved])).toEqual([
      // The stages over all posts first, in the programme's order, then each post's.
      [null, "REGISTRATION", 1, 0, 0, 0],
      [null, "PRELIMINARY_REVIEW", 0, 1, 0, 0],
      [null, "INSPECTION_SHORTLIST", 0, 0, 1, 0],
      [null, "APPROVAL", 0, 1, 0, 1],
      ["一号岗位", "INSPECTION_SHORTLIST", 0, 0, 1, 0],
      ["一号岗位", "APPROVAL", 0, 1, 0, 1],
      ["二号岗位", "REGISTRATION", 1, 0, 0, 0],
      ["二号岗位", "PRELIMINARY_REVIEW", 0, 1, 0, 0],
    ]);
    expect(h.ratios.map((r) => [r.postTitle, r.stage, r.cap, r.passed, r.standing])).toEqual([
      // Each post's lines together, the stages in the programme's order.
      ["一号岗位", "INSPECTION_SHORTLIST", 3, 2, "under"],
      ["一号岗位", "REPORT_LIST", 2, 2, "full"],
      ["二号岗位", "INSPECTION_SHORTLIST", 6, 0, "under"],
      ["二号岗位", "REPORT_LIST", 4, 0, "under"],
    ]);
    expect(h.quotas.map((q) => [q.postTitle, q.minimum, q.nominated, q.state])).toEqual([
      ["一号岗位", 2, 3, "met"],
      ["二号岗位", 3, 1, "missed"],
    ]);
  });

  it("measures how long applications wait in each stage and on whom", async () => {
    const h = await programHealth(db.prisma, scopes["city-staff"]!, cityProgramId, NOW);
    expect(h.durations.map((d) => [d.stage, d.waitingOn, d.waitingNow, d.avgWaitDays, d.longestWaitDays, d.decided, d.avgDecisionDays, d.longestDecisionDays])).toEqual([
      ["REGISTRATION", "unit", 1, 20, 20, 0, null, null],
      ["PRELIMINARY_REVIEW", "bureau", 1, 20, 20, 3, 1.3, 2],
      ["INSPECTION_SHORTLIST", "bureau", 0, null, null, 3, 2.7, 4],
      ["REPORT_LIST", "bureau", 0, null, null, 2, 3, 3],
      ["APPROVAL", "bureau", 1, 13, 13, 1, 4, 4],
    ]);
  });

  it("sums the service: where, leave and absences, confirmed workload by month, allowances by payer and month, grades", async () => {
    const h = await programHealth(db.prisma, scopes["city-staff"]!, cityProgramId, NOW);
    expect(h.dispatches.map((d) => [d.doctorName, d.receivingOrg, d.startDate, d.lastDay, d.status])).toEqual([["医生1", "健康-recv", "2026-01-05", "2027-01-04", "ACTIVE"]]);
    expect(h.leave.map((l) => [l.doctorName, l.homeLeaveDays, l.spouseVisitDays, l.sickDays, l.personalDays, l.pendingRequests, l.absences])).toEqual([["医生1", 10, 0, 3, 0, 1, 2]]);
    expect(h.workload.months.map((m) => [m.month, m.logs, m.outpatients, m.operations, m.lectures, m.newTechniques, m.newDepartments, m.traineesHosted, m.examsPassed])).toEqual([
      ["2026-01", 2, 50, 2, 1, 1, 0, 3, 0],
      ["2026-02", 1, 40, 0, 0, 2, 1, 0, 1],
    ]);
    expect(h.workload.total).toMatchObject({ logs: 3, outpatients: 90, operations: 2, newTechniques: 3, newDepartments: 1, traineesHosted: 3, examsPassed: 1 });
    expect(h.allowances).toEqual([
      { month: "2026-01", dispatchingUnitFen: 1_000_000, bureauFinanceFen: 200_000, fundPoolFen: 0, dueFen: 1_200_000, paidFen: 1_200_000 },
      { month: "2026-02", dispatchingUnitFen: 0, bureauFinanceFen: 200_000, fundPoolFen: 0, dueFen: 200_000, paidFen: 0 },
    ]);
    expect(h.grades).toEqual([{ year: 2026, excellent: 1, competent: 0, basicallyCompetent: 0, incompetent: 0, notGraded: 1, notAssessed: 1 }]);
  });

  it("exports exactly the table the page shows beside the chart", async () => {
    const t = createTranslator({ locale: "zh-CN", messages: await loadMessages("zh-CN") });
    const file = await exportHealthTable(db.prisma, scopes["city-staff"]!, cityProgramId, "workload", (key, values) => t(key as never, values as never), NOW);
    expect(file.rowCount).toBe(3);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.body as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe("每月工作量");
    const rows = sheet.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1));
    expect(rows).toEqual([
      ["月份", "已确认日志", "门诊人次", "手术台次", "讲座次数", "新技术新项目", "新建业务科室", "接收进修", "带教人次", "带教对象考试通过"],
      ["2026-01", 2, 50, 2, 1, 1, 0, 3, 0, 0],
      ["2026-02", 1, 40, 0, 0, 2, 1, 0, 0, 1],
      ["合计", 3, 90, 2, 1, 3, 1, 3, 0, 1],
    ]);
    await expect(exportHealthTable(db.prisma, scopes["city-staff"]!, cityProgramId, "nonsense", (key) => key)).rejects.toMatchObject({ code: "notFound" });
  });
});

describe("a programme of many posts, read a page at a time", () => {
  // 17 posts (one over a page of 15), one application on the last: the page reads 15 rows in SQL, the second page the rest, the export all.
  let bigProgramId = "";
  beforeAll(async () => {
    const p = db.prisma;
    const stages = [
      { kind: "REGISTRATION" as const, sequence: 1, ratio: null, opensAt: at(-30), closesAt: at(-5) },
      { kind: "INSPECTION_SHORTLIST" as const, sequence: 2, ratio: 3, opensAt: at(-30), closesAt: at(-4) },
      { kind: "REPORT_LIST" as const, sequence: 3, ratio: 2, opensAt: at(-30), closesAt: at(-3) },
    ];
    const program = await p.program.create({ data: { bureauId: ids.city!, kind: "OTHER", name: "多岗位测试项目", year: 2026, status: "VETTING", serviceMonths: 12, stages: { create: stages } } });
    bigProgramId = program.id;
    await p.post.createMany({ data: Array.from({ length: 17 }, (_, i) => ({ programId: program.id, receivingOrgId: ids.recv!, title: `岗位${String(i + 1).padStart(2, "0")}`, specialty: "内科", headcount: i + 1 })) });
  });

  it("pages each growing table in SQL and says where it stands; the export holds every row", async () => {
    const first = await programHealth(db.prisma, scopes["city-staff"]!, bigProgramId, NOW, {});
    expect(first.posts.map((x) => x.title)).toEqual(Array.from({ length: 15 }, (_, i) => `岗位${String(i + 1).padStart(2, "0")}`));
    expect(first.pages?.posts).toEqual({ page: 1, pageCount: 2, total: 17 });
    // Two ratio lines per post: 34 rows, the first page ends on post 8's shortlist line.
    expect(first.pages?.ratios).toEqual({ page: 1, pageCount: 3, total: 34 });
    expect(first.ratios.at(-1)).toMatchObject({ postTitle: "岗位08", stage: "INSPECTION_SHORTLIST", cap: 24 });

    const second = await programHealth(db.prisma, scopes["city-staff"]!, bigProgramId, NOW, { posts: 2, ratios: 3 });
    expect(second.posts.map((x) => [x.title, x.headcount])).toEqual([
      ["岗位16", 16],
      ["岗位17", 17],
    ]);
    expect(second.pages?.posts).toEqual({ page: 2, pageCount: 2, total: 17 });
    expect(second.ratios.map((r) => [r.postTitle, r.stage, r.cap])).toEqual([
      ["岗位16", "INSPECTION_SHORTLIST", 48],
      ["岗位16", "REPORT_LIST", 32],
      ["岗位17", "INSPECTION_SHORTLIST", 51],
      ["岗位17", "REPORT_LIST", 34],
    ]);
    // A page past the end reads the first page.
    const past = await programHealth(db.prisma, scopes["city-staff"]!, bigProgramId, NOW, { posts: 9 });
    expect(past.pages?.posts).toEqual({ page: 1, pageCount: 2, total: 17 });
    expect(past.posts).toHaveLength(15);

    // Without pages (the API, the exports) every row.
    const all = await programHealth(db.prisma, scopes["city-staff"]!, bigProgramId, NOW);
    expect(all.pages).toBeUndefined();
    expect(all.posts).toHaveLength(17);
    const t = createTranslator({ locale: "zh-CN", messages: await loadMessages("zh-CN") });
    const file = await exportHealthTable(db.prisma, scopes["city-staff"]!, bigProgramId, "posts", (key, values) => t(key as never, values as never), NOW);
    expect(file.rowCount).toBe(17);
  });
});

describe("scope: who sees which programme's health", () => {
  it("the city bureau sees the county's programme below it", async () => {
    const h = await programHealth(db.prisma, scopes["city-staff"]!, countyProgramId, NOW);
    expect(h.posts.map((x) => [x.title, x.applications])).toEqual([["三号岗位", 1]]);
  });

  it("the county bureau sees its own programme and not the city's above it", async () => {
    const h = await programHealth(db.prisma, scopes["county-admin"]!, countyProgramId, NOW);
    expect(h.posts.map((x) => [x.title, x.applications, x.approved])).toEqual([["三号岗位", 1, 0]]);
    expect(h.durations.map((d) => [d.stage, d.waitingOn, d.waitingNow, d.avgWaitDays])).toEqual([["PRELIMINARY_REVIEW", "bureau", 1, 20]]);
    expect(h.dispatches).toEqual([]);
    await expect(programHealth(db.prisma, scopes["county-admin"]!, cityProgramId, NOW)).rejects.toMatchObject({ code: "notFound" });
  });

  it("refuses a hospital's nominator and a doctor, even for a programme they nominate to", async () => {
    await expect(programHealth(db.prisma, scopes.nominator!, cityProgramId, NOW)).rejects.toMatchObject({ code: "forbidden" });
    await expect(programHealth(db.prisma, scopes.doctor!, cityProgramId, NOW)).rejects.toMatchObject({ code: "forbidden" });
  });
});
