// The demo's work logs and mentoring (prisma/seed/service-worklogs.ts) on a real database, on top of
// the cohort and its leave: weekly confirmed logs for months, last week's logs at 分水镇 waiting on
// wz-receiver (one returned with a comment), this week left to file, mentees with exams passed, the
// bureau's totals summed from them; a second run writes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildScope } from "@/lib/server/organization-tree";
import { pendingLogs, serviceWorkspace, workloadTotals } from "@/lib/server/work-log-queries";
import { seedDemoData } from "@/prisma/seed";
import { seedServiceCohort } from "@/prisma/seed/service-cohort";
import { seedServiceLeave } from "@/prisma/seed/service-leave";
import { seedServiceWorklogs } from "@/prisma/seed/service-worklogs";
import { createTestDatabase, type TestDatabase } from "./setup/db";

let db: TestDatabase;
const NOW = new Date("2026-12-03T09:00:00+08:00");
let written = 0;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemoData(db.prisma);
  await seedServiceCohort(db.prisma, NOW);
  await seedServiceLeave(db.prisma, NOW);
  written = await seedServiceWorklogs(db.prisma, NOW);
}, 180_000);

afterAll(async () => {
  await db?.drop();
});

const scopeOf = async (username: string) => buildScope(db.prisma, await db.prisma.user.findUniqueOrThrow({ where: { username } }));

describe("the demo's work logs", () => {
  it("months of confirmed weekly logs, last week's waiting on wz-receiver, one returned, this week open", async () => {
    expect(written).toBeGreaterThan(200);
    const byStatus = await db.prisma.workLog.groupBy({ by: ["status"], _count: true });
    const count = (s: string) => byStatus.find((b) => b.status === s)?._count ?? 0;
    expect(count("CONFIRMED")).toBeGreaterThan(200);
    expect(count("RETURNED")).toBe(1);
    expect(count("SUBMITTED")).toBeGreaterThan(0);
    const receiver = await scopeOf("wz-receiver");
    const queue = await pendingLogs(db.prisma, receiver);
    expect(queue.total).toBe(count("SUBMITTED"));
    expect(queue.rows.every((r) => r.periodStart.toISOString().slice(0, 10) === "2026-11-23")).toBe(true);
    const doctor = await scopeOf("wz-doctor");
    const space = await serviceWorkspace(db.prisma, doctor, NOW);
    if (!space.dispatch) throw new Error("wz-doctor has no dispatch in the demo");
    expect(space.suggested).toEqual({ first: "2026-11-30", last: "2026-12-03" });
    expect(space.totals.logs).toBeGreaterThan(30);
  });

  it("mentees with exams passed; the bureau's totals count confirmed logs only", async () => {
    const bureau = await scopeOf("wz-admin");
    const totals = await workloadTotals(db.prisma, bureau, { by: "program", page: 1 });
    const confirmed = await db.prisma.workLog.aggregate({ where: { status: "CONFIRMED" }, _sum: { outpatients: true }, _count: true });
    expect(totals.overall.outpatients).toBe(confirmed._sum.outpatients);
    expect(totals.overall.logs).toBe(confirmed._count);
    expect(totals.overall.examsPassed).toBeGreaterThan(0);
    expect(totals.overall.mentees).toBeGreaterThan(totals.overall.examsPassed);
    const byDoctor = await workloadTotals(db.prisma, bureau, { by: "doctor", page: 1 });
    expect(byDoctor.rows.length).toBeGreaterThan(5);
  });

  it("a second run writes nothing", async () => {
    const before = await db.prisma.workLog.count();
    expect(await seedServiceWorklogs(db.prisma, NOW)).toBe(0);
    expect(await db.prisma.workLog.count()).toBe(before);
  });
});
