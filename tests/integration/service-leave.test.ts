// The demo's leave and absences (prisma/seed/service-leave.ts) on a real database, loaded through the
// use cases on top of the cohort: the approved home leave moved 谭晓宇's last day by 7 days with its
// event; a refusal, a short approval and a request waiting on wz-receiver; 冉静's four absences past
// the limit zero her credited service; a second run writes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, lastDayOfService } from "@/lib/domain/service-period";
import { dispatchServiceClock, leaveQueue } from "@/lib/server/leave-queries";
import { buildScope } from "@/lib/server/organization-tree";
import { seedDemoData } from "@/prisma/seed";
import { seedServiceCohort } from "@/prisma/seed/service-cohort";
import { seedServiceLeave } from "@/prisma/seed/service-leave";
import { createTestDatabase, type TestDatabase } from "./setup/db";

let db: TestDatabase;
const NOW = new Date("2026-12-03T09:00:00+08:00");
let written = 0;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemoData(db.prisma);
  await seedServiceCohort(db.prisma, NOW);
  written = await seedServiceLeave(db.prisma, NOW);
}, 180_000);

afterAll(async () => {
  await db?.drop();
});

const scopeOf = async (username: string) => buildScope(db.prisma, await db.prisma.user.findUniqueOrThrow({ where: { username } }));
const dispatchOf = (name: string) => db.prisma.dispatch.findFirstOrThrow({ where: { doctor: { name } }, include: { leaveRequests: { orderBy: { startDate: "asc" } }, events: true } });

describe("the demo's leave and absences", () => {
  it("谭晓宇: an approved 7-day home leave moved his last day 7 days later; one refused, one short approved, one waiting", async () => {
    expect(written).toBe(10);
    const d = await dispatchOf("谭晓宇");
    const planned = lastDayOfService("2026-04-01", 12);
    expect(d.plannedLastDay.toISOString().slice(0, 10)).toBe(planned);
    expect(d.lastDay.toISOString().slice(0, 10)).toBe(addDays(planned, 7));
    expect(d.events.filter((e) => e.kind === "LAST_DAY_MOVED")).toHaveLength(1);
    expect(d.leaveRequests.map((l) => [l.kind, l.days, l.status])).toEqual([
      ["HOME_LEAVE", 7, "APPROVED"],
      ["PERSONAL", 3, "REJECTED"],
      ["SICK", 2, "APPROVED"],
      ["PERSONAL", 3, "PENDING_SUPERVISOR"],
    ]);
    const queue = await leaveQueue(db.prisma, await scopeOf("wz-receiver"));
    expect(queue.items.map((i) => [i.doctorName, i.status])).toEqual([["谭晓宇", "PENDING_SUPERVISOR"]]);
    const clock = await dispatchServiceClock(db.prisma, await scopeOf("wz-doctor"), d.id, NOW);
    expect(clock).toMatchObject({ lastDayMovedBy: 7, extendingLeaveDaysTaken: 7, absenceCount: 0, exceedsAbsenceLimit: false });
    expect(clock.creditedDays).toBe(clock.elapsedDays - 7);
  });

  it("冉静: four absences, more than 3 — nothing credited", async () => {
    const d = await dispatchOf("冉静");
    const clock = await dispatchServiceClock(db.prisma, await scopeOf("wz-admin"), d.id, NOW);
    expect(clock).toMatchObject({ absenceCount: 4, absenceDays: 6, absenceLimit: 3, exceedsAbsenceLimit: true, creditedDays: 0 });
  });

  it("a second run changes nothing", async () => {
    const before = await db.prisma.auditLog.count();
    expect(await seedServiceLeave(db.prisma, NOW)).toBe(0);
    expect(await db.prisma.auditLog.count()).toBe(before);
  });
});
