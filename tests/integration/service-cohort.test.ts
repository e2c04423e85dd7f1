// The demo's in-service cohort (prisma/seed/service-cohort.ts) on a real database: who serves where,
// from when to when, the rotation with its hand-over and its gap, the accounts, the programme's
// service rules, and a second run that changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { daysFrom, lastDayOfService } from "@/lib/domain/service-period";
import { seedDemoData } from "@/prisma/seed";
import { cohortDates, cohortProgramName, seedServiceCohort } from "@/prisma/seed/service-cohort";
import { createTestDatabase, type TestDatabase } from "./setup/db";

let db: TestDatabase;
const NOW = new Date("2026-12-03T09:00:00+08:00");
let created = 0;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemoData(db.prisma);
  created = await seedServiceCohort(db.prisma, NOW);
}, 120_000);

afterAll(async () => {
  await db?.drop();
});

const iso = (d: Date) => d.toISOString().slice(0, 10);

describe("the in-service cohort", () => {
  it("places ten doctors at five township centres: eight in service now, two successors planned", async () => {
    expect(created).toBe(10);
    const dispatches = await db.prisma.dispatch.findMany({ include: { doctor: true, receivingOrg: true, program: true, events: true } });
    expect(dispatches).toHaveLength(10);
    expect(dispatches.filter((d) => d.status === "ACTIVE")).toHaveLength(8);
    expect(dispatches.filter((d) => d.status === "PLANNED")).toHaveLength(2);
    expect(new Set(dispatches.map((d) => d.receivingOrg.name)).size).toBe(5);
    expect(dispatches.every((d) => d.receivingOrg.kind === "TOWNSHIP_CENTRE")).toBe(true);
    expect(dispatches.every((d) => iso(d.lastDay) === lastDayOfService(iso(d.startDate), 12))).toBe(true);
    for (const d of dispatches.filter((x) => x.status === "ACTIVE")) {
      expect(daysFrom(iso(d.startDate), "2026-12-03")).toBeGreaterThanOrEqual(0);
      expect(daysFrom("2026-12-03", iso(d.lastDay))).toBeGreaterThanOrEqual(0);
      expect(d.events.map((e) => e.kind).sort()).toEqual(["ACTIVATED", "CREATED"]);
    }
    const main = dispatches.filter((d) => iso(d.startDate) === "2026-04-01");
    expect(main.length).toBeGreaterThanOrEqual(6);
    expect(dispatches.filter((d) => d.actingPosition === "业务副院长").map((d) => d.doctor.name)).toEqual(["牟红"]);
    expect(dispatches[0]!.program).toMatchObject({
      name: cohortProgramName("2026-04-01"),
      status: "IN_SERVICE",
      serviceMonths: 12,
      leaveFilingThresholdDays: 5,
      absenceLimit: 3,
      homeLeavesPerYear: 1,
      spouseVisitsMax: 1,
      spouseVisitMaxMonths: 1,
      handoverOverlapDays: 7,
    });
  });

  it("has a rotation with a five-day hand-over and one with a ten-day gap, successors linked to predecessors", async () => {
    const successors = await db.prisma.dispatch.findMany({ where: { predecessorId: { not: null } }, include: { predecessor: { include: { doctor: true } }, doctor: true } });
    const byName = Object.fromEntries(successors.map((s) => [s.doctor.name, s]));
    const overlap = byName["蒋波"]!;
    expect(overlap.predecessor!.doctor.name).toBe("向成");
    expect(daysFrom(iso(overlap.startDate), iso(overlap.predecessor!.lastDay)) + 1).toBe(5);
    expect(daysFrom("2026-12-03", iso(overlap.predecessor!.lastDay))).toBe(20);
    const gap = byName["秦露"]!;
    expect(gap.predecessor!.doctor.name).toBe("陈春燕");
    expect(daysFrom(iso(gap.predecessor!.lastDay), iso(gap.startDate)) - 1).toBe(10);
  });

  it("gives wz-doctor a dispatch in service and wz-receiver a centre with several doctors", async () => {
    const doctor = await db.prisma.user.findUniqueOrThrow({ where: { username: "wz-doctor" }, include: { doctor: { include: { dispatches: true } } } });
    expect(doctor.role).toBe("DOCTOR");
    expect(doctor.doctor!.dispatches.map((d) => d.status)).toEqual(["ACTIVE"]);
    const receiver = await db.prisma.user.findUniqueOrThrow({ where: { username: "wz-receiver" }, include: { organization: true } });
    expect(receiver.role).toBe("RECEIVING_SUPERVISOR");
    expect(await db.prisma.dispatch.count({ where: { receivingOrgId: receiver.organizationId, status: "ACTIVE" } })).toBeGreaterThanOrEqual(3);
  });

  it("changes nothing when run again", async () => {
    const before = await db.prisma.dispatch.count();
    const events = await db.prisma.dispatchEvent.count();
    expect(await seedServiceCohort(db.prisma, NOW)).toBe(0);
    expect(await db.prisma.dispatch.count()).toBe(before);
    expect(await db.prisma.dispatchEvent.count()).toBe(events);
    expect(await db.prisma.program.count({ where: { name: cohortProgramName("2026-04-01") } })).toBe(1);
  });
});

describe("cohortDates", () => {
  it.each(["2026-12-03", "2027-01-01", "2028-02-08", "2028-03-31", "2027-12-31"])("on %s: main batch in service, one leaving in 20 days, one in 41", (today) => {
    const d = cohortDates(today);
    expect(d.main.endsWith("-01")).toBe(true);
    expect(daysFrom(d.main, today)).toBeGreaterThan(200);
    expect(daysFrom(today, lastDayOfService(d.main, 12))).toBeGreaterThan(60);
    expect(daysFrom(today, lastDayOfService(d.leavingSoon, 12))).toBeGreaterThanOrEqual(19);
    expect(daysFrom(today, lastDayOfService(d.leavingSoon, 12))).toBeLessThanOrEqual(21);
    expect(daysFrom(d.successorOverlap, today)).toBeLessThan(0);
  });
});
