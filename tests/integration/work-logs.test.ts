// Work logs and mentoring on real PostgreSQL with the demo seed: the demo doctor (沈一鸣) serves at
// 阿瓦提县人民医院, where the demo receiver supervises; a second doctor serves at a Wanzhou township
// centre. Each act allowed and refused per role, nothing written on a refusal; periods and bounds
// refused by the use case and by the database; two filings of one week at once; review with stale
// versions; totals summed in SQL over confirmed logs only, scoped per role; and /api/v1.
import { randomBytes } from "node:crypto";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import * as wl from "@/lib/api/work-log-responses";
import type { Scope } from "@/lib/auth/policy";
import { dayDate, lastDayOfService } from "@/lib/domain/service-period";
import { createPrismaClient, type PrismaClient } from "@/lib/prisma";
import { hashToken } from "@/lib/server/api-tokens";
import { createMentoringPair, deleteMentoringPair, listMentoringPairs, updateMentoringPair } from "@/lib/server/mentoring";
import { buildScope } from "@/lib/server/organization-tree";
import { dispatchLogs, pendingLogs, receivingView, serviceWorkspace, workloadTotals } from "@/lib/server/work-log-queries";
import { confirmWorkLogs, fileWorkLog, resubmitWorkLog, returnWorkLog } from "@/lib/server/work-logs";
import { demoWorld, makeDoctor, placeApplication, refusedLeaving, type Username } from "./setup/vetting-fixtures";

const w = demoWorld();
// Thursday 3 Dec 2026, noon in Shanghai.
const NOW = new Date("2026-12-03T04:00:00Z");
let own = ""; // the demo doctor's dispatch at 阿瓦提县人民医院
let other = ""; // another doctor's dispatch at a Wanzhou township centre
let wzSupervisor: Scope;

async function makeDispatch(prisma: PrismaClient, doctorId: string, receivingOrgId: string, startDate: string): Promise<string> {
  const post = await prisma.post.create({ data: { programId: w.demo.programId, receivingOrgId, title: "日志测试岗位", specialty: "内科", headcount: 1, rotationBatch: 1 }, select: { id: true } });
  const applicationId = await placeApplication(prisma, { postId: post.id, doctorId, nominatingOrgId: w.demo.org("绍兴市人民医院"), createdById: w.demo.userId("nominator"), status: "APPROVED", currentStage: "APPROVAL" });
  const last = dayDate(lastDayOfService(startDate, 18));
  const dispatch = await prisma.dispatch.create({
    data: { programId: w.demo.programId, postId: post.id, applicationId, doctorId, receivingOrgId, rotationBatch: 1, startDate: dayDate(startDate), serviceMonths: 18, plannedLastDay: last, lastDay: last, status: "ACTIVE", createdById: w.demo.userId("staff") },
    select: { id: true },
  });
  return dispatch.id;
}

async function counts() {
  const [row] = await w.db.prisma.$queryRaw<Record<string, bigint>[]>`
    SELECT (SELECT count(*) FROM "WorkLog") AS logs, (SELECT count(*) FROM "MentoringPair") AS pairs, (SELECT count(*) FROM "AuditLog") AS audits,
           (SELECT coalesce(sum(version), 0) FROM "WorkLog") AS versions`;
  return row;
}

/** Refused with `code` (and message), and nothing written. */
const refused = refusedLeaving(counts);

const week = (periodStart: string, periodEnd: string, extra: Record<string, unknown> = {}) => ({ dispatchId: own, periodStart, periodEnd, outpatients: 120, operations: 6, caseDiscussions: 2, juniorsMentored: 3, lectures: 1, newTechniques: ["经皮肾镜碎石术"], freeClinics: 1, donatedMedicineYuan: "6000", teaching: { MENTORING: 2, REMOTE_TEACHING: 1 }, ...extra });
const fileAs = (who: Username, input: Record<string, unknown>, client: PrismaClient = w.db.prisma) => fileWorkLog(client, w.s[who], input, NOW);

beforeAll(async () => {
  own = await makeDispatch(w.db.prisma, w.s.doctor.user.doctorId!, w.demo.org("阿瓦提县人民医院"), "2026-02-15");
  const otherDoctor = await makeDoctor(w.db.prisma, w.demo.org("诸暨市人民医院"), "万州测试医生");
  other = await makeDispatch(w.db.prisma, otherDoctor, w.demo.org("重庆市万州区分水镇中心卫生院"), "2026-03-01");
  const fs = w.demo.org("重庆市万州区分水镇中心卫生院");
  const user = await w.db.prisma.user.create({ data: { username: "fs-receiver", displayName: "分水主管", role: "RECEIVING_SUPERVISOR", organizationId: fs, passwordHash: "x" } });
  wzSupervisor = await buildScope(w.db.prisma, user);
});

describe("filing a log", () => {
  it("the doctor files a week of their own dispatch; the log waits for the supervisor, with an audit row", async () => {
    const log = await fileAs("doctor", week("2026-11-23", "2026-11-29"));
    expect(log).toMatchObject({ status: "SUBMITTED", operations: 6, donatedMedicineFen: 600_000, teaching: { MENTORING: 2, REMOTE_TEACHING: 1 }, version: 1 });
    const rows = await w.db.prisma.auditLog.findMany({ where: { entityId: log.id } });
    expect(rows.map((r) => r.action)).toEqual(["workLog.file"]);
  });

  it("no other role files; a doctor filing on another doctor's dispatch finds nothing; nothing written", async () => {
    for (const who of ["staff", "admin", "receiver", "nominator", "auditor"] as const) await refused(() => fileAs(who, week("2026-11-16", "2026-11-22")), "forbidden");
    await refused(() => fileAs("doctor", { ...week("2026-11-16", "2026-11-22"), dispatchId: other }), "notFound");
    await refused(() => fileAs("doctor", { ...week("2026-11-16", "2026-11-22"), dispatchId: "cm0000000000000000000000" }), "notFound");
  });

  it("refuses periods outside the rules, in words, with the field", async () => {
    const cases: [string, string, string, string][] = [
      ["2026-11-09", "2026-11-16", "periodEnd", "tooLong"],
      ["2026-02-14", "2026-02-15", "periodStart", "beforeDispatch"],
      ["2026-12-03", "2026-12-04", "periodEnd", "inFuture"],
      ["2026-11-10", "2026-11-09", "periodEnd", "endBeforeStart"],
    ];
    for (const [first, last, field, key] of cases) {
      const error = await refused(() => fileAs("doctor", week(first, last)), "validation");
      expect(error.fieldErrors).toEqual({ [field]: [key] });
    }
    await refused(() => fileAs("doctor", week("2026-11-29", "2026-11-30")), "conflict", "periodOverlaps");
  });

  it("refuses absurd counts (10 000 operations in a day) in the schema and in the database", async () => {
    const error = await refused(() => fileAs("doctor", week("2026-11-30", "2026-11-30", { operations: 10_000 })), "validation");
    expect(error.fieldErrors).toEqual({ operations: ["countTooHigh"] });
    await refused(() => fileAs("doctor", week("2026-11-30", "2026-11-30", { outpatients: -3 })), "validation");
    await expect(
      w.db.prisma.workLog.create({ data: { dispatchId: own, periodStart: dayDate("2026-06-01"), periodEnd: dayDate("2026-06-01"), operations: 10_000, filedById: w.demo.userId("doctor") } }),
    ).rejects.toThrow(/WorkLog_counts_check/);
    await expect(
      w.db.prisma.workLog.create({ data: { dispatchId: own, periodStart: dayDate("2026-06-01"), periodEnd: dayDate("2026-06-08"), filedById: w.demo.userId("doctor") } }),
    ).rejects.toThrow(/WorkLog_period_check/);
    await expect(
      w.db.prisma.workLog.create({ data: { dispatchId: own, periodStart: dayDate("2026-06-01"), periodEnd: dayDate("2026-06-01"), teaching: [1], filedById: w.demo.userId("doctor") } }),
    ).rejects.toThrow(/WorkLog_json_shape_check/);
  });

  it("new departments (新建业务科室): named, repeats dropped; more than 10 refused by the schema and the database", async () => {
    const tooMany = Array.from({ length: 11 }, (_, i) => `科室${i}`);
    const error = await refused(() => fileAs("doctor", week("2026-11-30", "2026-11-30", { newDepartments: tooMany })), "validation");
    expect(error.fieldErrors).toEqual({ newDepartments: ["tooManyDepartments"] });
    await expect(
      w.db.prisma.workLog.create({ data: { dispatchId: own, periodStart: dayDate("2026-06-01"), periodEnd: dayDate("2026-06-01"), newDepartments: tooMany, filedById: w.demo.userId("doctor") } }),
    ).rejects.toThrow(/WorkLog_new_departments_shape_check/);
    await expect(
      w.db.prisma.workLog.create({ data: { dispatchId: own, periodStart: dayDate("2026-06-01"), periodEnd: dayDate("2026-06-01"), newDepartments: { name: "康复科" }, filedById: w.demo.userId("doctor") } }),
    ).rejects.toThrow(/WorkLog_new_departments_shape_check/);
    const log = await fileAs("doctor", week("2026-11-30", "2026-11-30", { newDepartments: [" 康复医学科 ", "康复医学科", ""] }));
    expect(log.newDepartments).toEqual(["康复医学科"]);
    await w.db.prisma.workLog.delete({ where: { id: log.id } });
  });

  it("two filings of overlapping days at the same moment: one is written, the other refused", async () => {
    const second = createPrismaClient(w.db.url);
    try {
      const results = await Promise.allSettled([fileAs("doctor", week("2026-11-02", "2026-11-08")), fileAs("doctor", week("2026-11-05", "2026-11-11"), second)]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect(rejected.reason).toMatchObject({ code: "conflict", message: "periodOverlaps" });
    } finally {
      await second.$disconnect();
    }
  });
});

describe("review by the receiving supervisor", () => {
  let logId = "";
  let otherLogId = "";

  beforeAll(async () => {
    logId = (await fileAs("doctor", week("2026-11-16", "2026-11-22", { operations: 4 }))).id;
    const otherLog = await w.db.prisma.workLog.create({
      data: { dispatchId: other, periodStart: dayDate("2026-11-23"), periodEnd: dayDate("2026-11-29"), outpatients: 50, filedById: w.demo.userId("doctor") },
    });
    otherLogId = otherLog.id;
  });

  it("the queue shows the unit's waiting logs only", async () => {
    const mine = await pendingLogs(w.db.prisma, w.s.receiver);
    expect(mine.rows.every((r) => r.dispatch.id === own)).toBe(true);
    expect(mine.rows.map((r) => r.id)).toContain(logId);
    expect((await pendingLogs(w.db.prisma, wzSupervisor)).rows.map((r) => r.id)).toEqual([otherLogId]);
  });

  it("only the receiving supervisor reviews; another unit's log is not found; a selection with one is refused whole", async () => {
    for (const who of ["staff", "admin", "doctor", "nominator", "auditor"] as const) {
      await refused(() => confirmWorkLogs(w.db.prisma, w.s[who], { logs: [{ workLogId: logId, version: 1 }] }, NOW), "forbidden");
      await refused(() => returnWorkLog(w.db.prisma, w.s[who], { workLogId: logId, version: 1, comment: "请补充" }, NOW), "forbidden");
    }
    await refused(() => confirmWorkLogs(w.db.prisma, w.s.receiver, { logs: [{ workLogId: otherLogId, version: 1 }] }, NOW), "notFound");
    await refused(() => confirmWorkLogs(w.db.prisma, w.s.receiver, { logs: [{ workLogId: logId, version: 1 }, { workLogId: otherLogId, version: 1 }] }, NOW), "notFound");
    await refused(() => returnWorkLog(w.db.prisma, w.s.receiver, { workLogId: logId, version: 1, comment: " " }, NOW), "validation");
  });

  it("return with a comment → the doctor corrects from the version read (stale: 409) → confirm; a confirmed log is final", async () => {
    await refused(() => returnWorkLog(w.db.prisma, w.s.receiver, { workLogId: logId, version: 7, comment: "请核对手术台次" }, NOW), "conflict", "stale");
    const returned = await returnWorkLog(w.db.prisma, w.s.receiver, { workLogId: logId, version: 1, comment: "请核对手术台次" }, NOW);
    expect(returned).toMatchObject({ status: "RETURNED", reviewComment: "请核对手术台次", version: 2 });
    await refused(() => confirmWorkLogs(w.db.prisma, w.s.receiver, { logs: [{ workLogId: logId, version: 2 }] }, NOW), "conflict", "notWaiting");

    const correction = { ...week("2026-11-16", "2026-11-22", { operations: 5 }), workLogId: logId };
    await refused(() => resubmitWorkLog(w.db.prisma, w.s.doctor, { ...correction, version: 1 }, NOW), "conflict", "stale");
    await refused(() => resubmitWorkLog(w.db.prisma, w.s.receiver, { ...correction, version: 2 }, NOW), "forbidden");
    await refused(() => resubmitWorkLog(w.db.prisma, w.s.doctor, { ...correction, version: 2, periodStart: "2026-11-17", periodEnd: "2026-11-23" }, NOW), "conflict", "periodOverlaps");
    const resubmitted = await resubmitWorkLog(w.db.prisma, w.s.doctor, { ...correction, version: 2 }, NOW);
    expect(resubmitted).toMatchObject({ status: "SUBMITTED", operations: 5, version: 3 });

    const pending = (await pendingLogs(w.db.prisma, w.s.receiver)).rows.map((r) => ({ workLogId: r.id, version: r.version }));
    expect(await confirmWorkLogs(w.db.prisma, w.s.receiver, { logs: pending }, NOW)).toEqual({ confirmed: pending.length });
    await refused(() => confirmWorkLogs(w.db.prisma, w.s.receiver, { logs: [{ workLogId: logId, version: 4 }] }, NOW), "conflict", "notWaiting");
    await refused(() => resubmitWorkLog(w.db.prisma, w.s.doctor, { ...correction, version: 4 }, NOW), "conflict", "alreadyConfirmed");
    const actions = (await w.db.prisma.auditLog.findMany({ where: { entityId: logId }, orderBy: { id: "asc" } })).map((r) => r.action);
    expect(actions).toEqual(["workLog.file", "workLog.return", "workLog.resubmit", "workLog.confirm"]);
  });
});

describe("mentoring pairs", () => {
  let pairId = "";
  const pair = { menteeName: "李青", menteeTitle: "住院医师", menteeDepartment: "内科", goals: "一年内通过执业医师考试", startDate: "2026-03-01" };

  it("the doctor records a mentee on their own dispatch; others are refused", async () => {
    const created = await createMentoringPair(w.db.prisma, w.s.doctor, { ...pair, dispatchId: own });
    pairId = created.id;
    expect(created).toMatchObject({ outcome: "IN_PROGRESS", version: 1 });
    for (const who of ["staff", "receiver", "nominator"] as const) await refused(() => createMentoringPair(w.db.prisma, w.s[who], { ...pair, dispatchId: own }), "forbidden");
    await refused(() => createMentoringPair(w.db.prisma, w.s.doctor, { ...pair, dispatchId: other }), "notFound");
    await refused(() => createMentoringPair(w.db.prisma, w.s.doctor, { ...pair, dispatchId: own, endDate: "2026-02-01" }), "validation");
  });

  it("an exam passed is an update from the version read; a stale one is 409; the receiver and the bureau read the pairs", async () => {
    const update = { ...pair, mentoringPairId: pairId, outcome: "LICENCE_EXAM_PASSED", endDate: "2026-09-30", outcomeNote: "2026年执业医师考试通过" };
    const updated = await updateMentoringPair(w.db.prisma, w.s.doctor, { ...update, version: 1 });
    expect(updated).toMatchObject({ outcome: "LICENCE_EXAM_PASSED", version: 2 });
    await refused(() => updateMentoringPair(w.db.prisma, w.s.doctor, { ...update, version: 1 }), "conflict", "stale");
    expect((await listMentoringPairs(w.db.prisma, w.s.receiver, own)).pairs).toHaveLength(1);
    expect((await listMentoringPairs(w.db.prisma, w.s.staff, own)).can.manage).toBe(false);
    await expect(listMentoringPairs(w.db.prisma, wzSupervisor, own)).rejects.toMatchObject({ code: "notFound" });
  });

  it("a pair entered by mistake is removed by its doctor, with the version read", async () => {
    const mistake = await createMentoringPair(w.db.prisma, w.s.doctor, { ...pair, menteeName: "误录", dispatchId: own });
    await refused(() => deleteMentoringPair(w.db.prisma, w.s.doctor, { mentoringPairId: mistake.id, version: 2 }), "conflict", "stale");
    await refused(() => deleteMentoringPair(w.db.prisma, w.s.receiver, { mentoringPairId: mistake.id, version: 1 }), "forbidden");
    expect(await deleteMentoringPair(w.db.prisma, w.s.doctor, { mentoringPairId: mistake.id, version: 1 })).toEqual({ deleted: mistake.id });
  });
});

describe("totals over confirmed logs only", () => {
  it("a dispatch's totals count confirmed logs; waiting and returned ones do not", async () => {
    await fileAs("doctor", week("2026-11-30", "2026-12-01", { operations: 9 }));
    const confirmed = await w.db.prisma.workLog.findMany({ where: { dispatchId: own, status: "CONFIRMED" } });
    const { totals, logs } = await dispatchLogs(w.db.prisma, w.s.doctor, own, NOW);
    expect(logs.length).toBeGreaterThan(confirmed.length);
    expect(totals.logs).toBe(confirmed.length);
    expect(totals.operations).toBe(confirmed.reduce((n, l) => n + l.operations, 0));
    expect(totals.donatedMedicineFen).toBe(confirmed.length * 600_000);
    expect(totals.teachingActions).toBe(confirmed.length * 3);
    expect(totals.newTechniques).toBe(confirmed.length);
  });

  it("per programme, receiving unit and doctor, scoped: the bureau sees all, a receiving unit its own, another bureau nothing", async () => {
    const byProgram = await workloadTotals(w.db.prisma, w.s.staff, { by: "program", page: 1 });
    const program = byProgram.rows.find((r) => r.id === w.demo.programId)!;
    const confirmedOps = (await w.db.prisma.workLog.aggregate({ where: { status: "CONFIRMED" }, _sum: { operations: true } }))._sum.operations;
    expect(program.operations).toBe(confirmedOps);
    expect(program).toMatchObject({ dispatches: 2, mentees: 1, examsPassed: 1 });
    expect(byProgram.overall.operations).toBe(confirmedOps);

    const byUnit = await workloadTotals(w.db.prisma, w.s.staff, { by: "receivingOrg", page: 1 });
    expect(byUnit.rows.map((r) => r.name).sort()).toEqual(["重庆市万州区分水镇中心卫生院", "阿瓦提县人民医院"].sort());
    expect(byUnit.rows.find((r) => r.name === "重庆市万州区分水镇中心卫生院")!.outpatients).toBe(0); // its log still waits

    const byDoctor = await workloadTotals(w.db.prisma, w.s.receiver, { by: "doctor", page: 1 });
    expect(byDoctor.rows.map((r) => r.name)).toEqual(["沈一鸣"]);
    expect(byDoctor.rows[0]!.detail).toBe("阿瓦提县人民医院");
    expect((await workloadTotals(w.db.prisma, w.s["wz-admin"], { by: "program", page: 1 })).rows).toEqual([]);
    expect((await workloadTotals(w.db.prisma, w.s.staff, { by: "program", programId: "cm0000000000000000000000", page: 1 })).overall.logs).toBe(0);
  });

  it("the doctor's workspace and the receiving unit's view", async () => {
    const space = await serviceWorkspace(w.db.prisma, w.s.doctor, NOW);
    expect(space.dispatch?.id).toBe(own);
    if (!space.dispatch) return;
    expect(space.clock).toMatchObject({ daysServed: 292, daysLeft: 254 });
    expect(space.suggested).toEqual({ first: "2026-12-02", last: "2026-12-03" });
    expect(space.weekLogs.map((l) => l.status)).toEqual(["SUBMITTED"]);
    expect((await serviceWorkspace(w.db.prisma, w.s.staff, NOW)).dispatch).toBeNull();
    const view = await receivingView(w.db.prisma, w.s.receiver, NOW);
    expect(view.here.map((d) => d.id)).toEqual([own]);
    expect(view.logsWaiting).toBe(1);
    expect((await receivingView(w.db.prisma, wzSupervisor, NOW)).logsWaiting).toBe(1);
  });
});

describe("/api/v1", () => {
  /* eslint-disable @typescript-eslint/no-explicit-any -- answers are read as loose JSON */
  type Handler = (request: NextRequest, context: { params: Promise<any> }) => Promise<Response>;
  /* eslint-enable @typescript-eslint/no-explicit-any */
  const tokens: Record<string, string> = {};

  async function call(load: () => Promise<Record<string, unknown>>, method: string, user: string, url: string, options: { body?: unknown; params?: Record<string, string> } = {}) {
    const handler = (await load())[method] as Handler;
    const headers = { "content-type": "application/json", authorization: `Bearer ${tokens[user]}` };
    const request = new NextRequest(`http://localhost/api/v1${url}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
    const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
    return { status: response.status, json: JSON.parse(await response.text()) as Record<string, unknown> };
  }
  const logsRoute = () => import("@/app/api/v1/dispatches/[dispatchId]/work-logs/route");
  const confirmRoute = () => import("@/app/api/v1/work-logs/confirm/route");
  const returnRoute = () => import("@/app/api/v1/work-logs/[workLogId]/return/route");
  const logRoute = () => import("@/app/api/v1/work-logs/[workLogId]/route");
  const pendingRoute = () => import("@/app/api/v1/work-logs/pending/route");
  const workloadRoute = () => import("@/app/api/v1/workload/route");
  const pairsRoute = () => import("@/app/api/v1/dispatches/[dispatchId]/mentoring-pairs/route");
  const pairRoute = () => import("@/app/api/v1/mentoring-pairs/[mentoringPairId]/route");

  beforeAll(async () => {
    (globalThis as { prisma?: unknown }).prisma = w.db.prisma;
    for (const username of ["doctor", "receiver", "staff"]) {
      const user = await w.db.prisma.user.findUniqueOrThrow({ where: { username } });
      // The receiver's hospital lies outside the demo admin's bureau: the token row is written directly.
      const token = `mdt_${randomBytes(32).toString("base64url")}`;
      await w.db.prisma.apiToken.create({ data: { userId: user.id, name: "worklog test", prefix: token.slice(0, 8), tokenHash: hashToken(token), createdById: user.id } });
      tokens[username] = token;
    }
  });

  it("files, lists, returns, resubmits and confirms a log; errors in JSON with their status", async () => {
    // The routes use the real clock: log yesterday and the day before (Shanghai), inside the dispatch.
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    await w.db.prisma.dispatch.update({ where: { id: own }, data: { lastDay: dayDate("2099-12-31") } });
    await w.db.prisma.workLog.deleteMany({ where: { dispatchId: own, periodEnd: { gte: dayDate(today) } } }).catch(() => undefined);
    const params = { dispatchId: own };
    const body = { periodStart: today, periodEnd: today, outpatients: 30, operations: 2 };

    const absurd = await call(logsRoute, "POST", "doctor", `/dispatches/${own}/work-logs`, { body: { ...body, operations: 10_000 }, params });
    expect(absurd.status).toBe(422);
    expect(absurd.json).toMatchObject({ error: { code: "validation", fieldErrorKeys: { operations: ["countTooHigh"] } } });
    expect((await call(logsRoute, "POST", "receiver", `/dispatches/${own}/work-logs`, { body, params })).status).toBe(403);

    const filed = await call(logsRoute, "POST", "doctor", `/dispatches/${own}/work-logs`, { body, params });
    expect(filed.status).toBe(201);
    const log = wl.workLogSchema.parse(filed.json);
    expect((await call(logsRoute, "POST", "doctor", `/dispatches/${own}/work-logs`, { body, params })).json).toMatchObject({ error: { code: "conflict", key: "periodOverlaps" } });

    const listed = await call(logsRoute, "GET", "receiver", `/dispatches/${own}/work-logs`, { params });
    expect(wl.dispatchLogsSchema.parse(listed.json).logs.map((l) => l.id)).toContain(log.id);
    const pending = await call(pendingRoute, "GET", "receiver", "/work-logs/pending");
    expect(wl.pendingLogsSchema.parse(pending.json).rows.map((r) => r.id)).toContain(log.id);

    const returned = await call(returnRoute, "POST", "receiver", `/work-logs/${log.id}/return`, { body: { version: 1, comment: "门诊人次请按日填写" }, params: { workLogId: log.id } });
    expect(wl.workLogSchema.parse(returned.json).status).toBe("RETURNED");
    const stale = await call(logRoute, "PATCH", "doctor", `/work-logs/${log.id}`, { body: { ...body, version: 1 }, params: { workLogId: log.id } });
    expect(stale.status).toBe(409);
    const fixed = await call(logRoute, "PATCH", "doctor", `/work-logs/${log.id}`, { body: { ...body, outpatients: 31, version: 2 }, params: { workLogId: log.id } });
    expect(wl.workLogSchema.parse(fixed.json)).toMatchObject({ status: "SUBMITTED", outpatients: 31, version: 3 });
    expect((await call(confirmRoute, "POST", "staff", "/work-logs/confirm", { body: { logs: [{ workLogId: log.id, version: 3 }] } })).status).toBe(403);
    const confirmed = await call(confirmRoute, "POST", "receiver", "/work-logs/confirm", { body: { logs: [{ workLogId: log.id, version: 3 }] } });
    expect(wl.confirmedSchema.parse(confirmed.json)).toEqual({ confirmed: 1 });

    const totals = await call(workloadRoute, "GET", "staff", "/workload?by=doctor");
    expect(wl.workloadPageSchema.parse(totals.json).rows.map((r) => r.name)).toContain("沈一鸣");
  });

  it("mentoring pairs through the API", async () => {
    const params = { dispatchId: own };
    const created = await call(pairsRoute, "POST", "doctor", `/dispatches/${own}/mentoring-pairs`, { body: { menteeName: "王敏", goals: "通过主治医师考试", startDate: "2026-04-01" }, params });
    expect(created.status).toBe(201);
    const pair = wl.mentoringPairSchema.parse(created.json);
    const listed = await call(pairsRoute, "GET", "receiver", `/dispatches/${own}/mentoring-pairs`, { params });
    expect(wl.mentoringPairListSchema.parse(listed.json).map((p) => p.id)).toContain(pair.id);
    const updated = await call(pairRoute, "PATCH", "doctor", `/mentoring-pairs/${pair.id}`, { body: { menteeName: "王敏", goals: "通过主治医师考试", startDate: "2026-04-01", outcome: "TITLE_EXAM_PASSED", version: 1 }, params: { mentoringPairId: pair.id } });
    expect(wl.mentoringPairSchema.parse(updated.json).outcome).toBe("TITLE_EXAM_PASSED");
    const deleted = await call(pairRoute, "DELETE", "doctor", `/mentoring-pairs/${pair.id}?version=2`, { params: { mentoringPairId: pair.id } });
    expect(deleted.json).toEqual({ deleted: pair.id });
  });
});
