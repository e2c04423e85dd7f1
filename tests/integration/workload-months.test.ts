// WorkloadMonth, the confirmed sums per dispatch and month that the WorkLog triggers keep in the same
// transaction (migration 20261207010000_workload_months): after every kind of change — filing,
// confirming (one, a selection, two supervisors at once), returning, correcting and confirming again,
// and the changes no use case makes but a fix by hand could (un-confirming, editing a confirmed log,
// moving it to another month, deleting it, TRUNCATE) — the table equals a fresh GROUP BY over the
// confirmed logs, row for row; and the readers (programme health, workload totals) show it.
import { beforeAll, describe, expect, it } from "vitest";
import { dayDate, lastDayOfService } from "@/lib/domain/service-period";
import { createPrismaClient, type PrismaClient } from "@/lib/prisma";
import { programHealth } from "@/lib/server/program-health";
import { dispatchTotals } from "@/lib/server/work-log-queries";
import { confirmWorkLogs, fileWorkLog, resubmitWorkLog, returnWorkLog } from "@/lib/server/work-logs";
import { loadServiceCohort, loadServiceWorklogs } from "@/prisma/seed";
import { demoWorld, placeApplication } from "./setup/vetting-fixtures";

const w = demoWorld();
// Thursday 3 Dec 2026, noon in Shanghai.
const NOW = new Date("2026-12-03T04:00:00Z");
let own = ""; // the demo doctor's dispatch at 阿瓦提县人民医院 (the demo receiver's unit)

/** Rows of the summary that a fresh sum over the confirmed logs does not give, and the other way round. */
async function staleRows() {
  return w.db.prisma.$queryRaw<Record<string, unknown>[]>`
    WITH fresh AS (
      SELECT w."dispatchId", date_trunc('month', w."periodStart")::date AS month, count(*)::int AS logs,
             sum(w.outpatients)::int AS outpatients, sum(w.operations)::int AS operations, sum(w."caseDiscussions")::int AS "caseDiscussions",
             sum(w."juniorsMentored")::int AS "juniorsMentored", sum(w.lectures)::int AS lectures,
             sum(jsonb_array_length(w."newTechniques"))::int AS "newTechniques", sum(jsonb_array_length(w."newDepartments"))::int AS "newDepartments",
             sum(w."freeClinics")::int AS "freeClinics", sum(w."donatedMedicineFen")::int8 AS "donatedMedicineFen",
             sum((SELECT coalesce(sum(t.value::int), 0) FROM jsonb_each_text(w.teaching) t))::int AS "teachingActions",
             sum(coalesce((w.teaching ->> 'TRAINEE_HOSTING')::int, 0))::int AS "traineesHosted"
      FROM "WorkLog" w WHERE w.status = 'CONFIRMED' GROUP BY 1, 2
    ), kept AS (
      SELECT "dispatchId", month, logs, outpatients, operations, "caseDiscussions", "juniorsMentored", lectures, "newTechniques", "newDepartments",
             "freeClinics", "donatedMedicineFen", "teachingActions", "traineesHosted"
      FROM "WorkloadMonth"
    )
    (SELECT 'only in the summary' AS side, * FROM (SELECT * FROM kept EXCEPT SELECT * FROM fresh) a)
    UNION ALL
    (SELECT 'only in the logs' AS side, * FROM (SELECT * FROM fresh EXCEPT SELECT * FROM kept) b)`;
}

async function summaryOf(dispatchId: string, month: string) {
  return w.db.prisma.workloadMonth.findUnique({ where: { dispatchId_month: { dispatchId, month: dayDate(month) } } });
}

const week = (periodStart: string, periodEnd: string, extra: Record<string, unknown> = {}) => ({
  dispatchId: own,
  periodStart,
  periodEnd,
  outpatients: 100,
  operations: 4,
  lectures: 1,
  newTechniques: ["经皮肾镜碎石术"],
  newDepartments: ["康复医学科"],
  donatedMedicineYuan: "500",
  teaching: { MENTORING: 2, TRAINEE_HOSTING: 1 },
  ...extra,
});
const file = (input: Record<string, unknown>) => fileWorkLog(w.db.prisma, w.s.doctor, input, NOW);
const confirm = (logs: { id: string; version: number }[], client: PrismaClient = w.db.prisma) =>
  confirmWorkLogs(client, w.s.receiver, { logs: logs.map((l) => ({ workLogId: l.id, version: l.version })) }, NOW);

beforeAll(async () => {
  const receivingOrgId = w.demo.org("阿瓦提县人民医院");
  const post = await w.db.prisma.post.create({ data: { programId: w.demo.programId, receivingOrgId, title: "汇总测试岗位", specialty: "内科", headcount: 1, rotationBatch: 1 }, select: { id: true } });
  const doctorId = w.s.doctor.user.doctorId!;
  const applicationId = await placeApplication(w.db.prisma, { postId: post.id, doctorId, nominatingOrgId: w.demo.org("绍兴市人民医院"), createdById: w.demo.userId("nominator"), status: "APPROVED", currentStage: "APPROVAL" });
  const last = dayDate(lastDayOfService("2026-08-01", 18));
  const dispatch = await w.db.prisma.dispatch.create({
    data: { programId: w.demo.programId, postId: post.id, applicationId, doctorId, receivingOrgId, rotationBatch: 1, startDate: dayDate("2026-08-01"), serviceMonths: 18, plannedLastDay: last, lastDay: last, status: "ACTIVE", createdById: w.demo.userId("staff") },
    select: { id: true },
  });
  own = dispatch.id;
});

describe("the summary follows every change to the logs, in the same transaction", () => {
  it("after the demo's service cohort and its weekly logs (one bulk insert) it equals the fresh sums, new departments included", async () => {
    await loadServiceCohort(w.db.prisma);
    expect(await loadServiceWorklogs(w.db.prisma)).toBeGreaterThan(0);
    expect(await w.db.prisma.workloadMonth.count()).toBeGreaterThan(0);
    const [departments] = await w.db.prisma.$queryRaw<{ n: number }[]>`SELECT coalesce(sum("newDepartments"), 0)::int AS n FROM "WorkloadMonth"`;
    expect(departments!.n).toBeGreaterThan(0);
    expect(await staleRows()).toEqual([]);
  });

  it("filing counts nothing; confirming a selection adds it; returning, correcting and confirming again", async () => {
    const a = await file(week("2026-11-02", "2026-11-08"));
    const b = await file(week("2026-11-09", "2026-11-15", { outpatients: 40, newDepartments: [] }));
    const c = await file(week("2026-10-26", "2026-11-01", { outpatients: 7 }));
    expect(await summaryOf(own, "2026-11-01")).toBeNull();
    expect(await staleRows()).toEqual([]);

    await confirm([a, b]);
    expect(await summaryOf(own, "2026-11-01")).toMatchObject({ logs: 2, outpatients: 140, operations: 8, newTechniques: 2, newDepartments: 1, donatedMedicineFen: 100_000n, teachingActions: 6, traineesHosted: 2 });
    expect(await staleRows()).toEqual([]);

    // c begins in October: it counts there once confirmed, after a return and a correction.
    const returned = await returnWorkLog(w.db.prisma, w.s.receiver, { workLogId: c.id, version: c.version, comment: "请核对门诊人次" }, NOW);
    expect(await summaryOf(own, "2026-10-01")).toBeNull();
    const corrected = await resubmitWorkLog(w.db.prisma, w.s.doctor, { ...week("2026-10-26", "2026-11-01", { outpatients: 70 }), workLogId: c.id, version: returned.version }, NOW);
    await confirm([corrected]);
    expect(await summaryOf(own, "2026-10-01")).toMatchObject({ logs: 1, outpatients: 70 });
    expect(await dispatchTotals(w.db.prisma, own)).toMatchObject({ logs: 3, outpatients: 210, newDepartments: 2 });
    expect(await staleRows()).toEqual([]);
  });

  it("two supervisors confirming logs of the same month at the same moment: both count", async () => {
    const d1 = await file(week("2026-09-07", "2026-09-13", { outpatients: 11 }));
    const d2 = await file(week("2026-09-14", "2026-09-20", { outpatients: 13 }));
    // The embedded database has one session: a second client's transaction would wait for the first's.
    if (w.db.isEmbedded) {
      await confirm([d1]);
      await confirm([d2]);
    } else {
      const second = createPrismaClient(w.db.url);
      try {
        await Promise.all([confirm([d1]), confirm([d2], second)]);
      } finally {
        await second.$disconnect();
      }
    }
    expect(await summaryOf(own, "2026-09-01")).toMatchObject({ logs: 2, outpatients: 24 });
    expect(await staleRows()).toEqual([]);
  });

  it("changes by hand: un-confirming, editing a confirmed log, moving it to another month, deleting, TRUNCATE", async () => {
    const log = await w.db.prisma.workLog.findFirstOrThrow({ where: { dispatchId: own, periodStart: dayDate("2026-09-07") } });
    await w.db.prisma.workLog.update({ where: { id: log.id }, data: { status: "SUBMITTED" } });
    expect(await summaryOf(own, "2026-09-01")).toMatchObject({ logs: 1, outpatients: 13 });
    await w.db.prisma.workLog.update({ where: { id: log.id }, data: { status: "CONFIRMED", outpatients: 500 } });
    expect(await summaryOf(own, "2026-09-01")).toMatchObject({ logs: 2, outpatients: 513 });
    await w.db.prisma.workLog.updateMany({ where: { dispatchId: own, periodStart: dayDate("2026-09-14") }, data: { periodStart: dayDate("2026-08-31"), periodEnd: dayDate("2026-09-06") } });
    expect(await summaryOf(own, "2026-08-01")).toMatchObject({ logs: 1, outpatients: 13 });
    expect(await summaryOf(own, "2026-09-01")).toMatchObject({ logs: 1, outpatients: 500 });
    expect(await staleRows()).toEqual([]);

    // The month's last confirmed log deleted: no row left for it, as a fresh GROUP BY gives none.
    await w.db.prisma.workLog.delete({ where: { id: log.id } });
    expect(await summaryOf(own, "2026-09-01")).toBeNull();
    await w.db.prisma.workLog.deleteMany({ where: { dispatchId: own, status: "CONFIRMED", periodStart: { gte: dayDate("2026-11-01") } } });
    expect(await summaryOf(own, "2026-11-01")).toBeNull();
    expect(await staleRows()).toEqual([]);
  });

  it("the readers show the summary: programme health's months and the dispatch's totals", async () => {
    const health = await programHealth(w.db.prisma, w.s.staff, w.demo.programId, NOW);
    const october = health.workload.months.find((m) => m.month === "2026-10");
    expect(october).toMatchObject({ logs: 1, outpatients: 70, newDepartments: 1, traineesHosted: 1 });
    const [fresh] = await w.db.prisma.$queryRaw<{ logs: number; newDepartments: number }[]>`
      SELECT count(*)::int AS logs, coalesce(sum(jsonb_array_length(w."newDepartments")), 0)::int AS "newDepartments"
      FROM "WorkLog" w JOIN "Dispatch" d ON d.id = w."dispatchId" WHERE d."programId" = ${w.demo.programId} AND w.status = 'CONFIRMED'`;
    expect(health.workload.total).toMatchObject(fresh!);
  });

  it("TRUNCATE of the logs empties the summary", async () => {
    await w.db.prisma.$executeRawUnsafe(`TRUNCATE "WorkLog"`);
    expect(await w.db.prisma.workloadMonth.count()).toBe(0);
  });
});
