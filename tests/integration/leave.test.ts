// Leave, absences and the service clock on real PostgreSQL with the demo seed: who files, decides,
// withdraws and records, per role (the doctor, the receiving supervisor, a supervisor of another unit,
// the programme's bureau, a bureau of another city, the others); the threshold read as 以上 (5 days
// included) moving the last day on the bureau's approval; seed 000's limits; stale versions; two
// filings at once; absences past the limit (超过3次: the fourth) zeroing the credited service.
import { beforeAll, describe, expect, it } from "vitest";
import type { Scope } from "@/lib/auth/policy";
import { createPrismaClient } from "@/lib/prisma";
import { recordAttendance } from "@/lib/server/attendance";
import { cancelLeave, decideLeave, fileLeave } from "@/lib/server/leave";
import { dispatchAttendance, dispatchLeave, dispatchServiceClock, leaveQueue, ownDispatches } from "@/lib/server/leave-queries";
import { buildScope } from "@/lib/server/organization-tree";
import { demoWorld, makeDoctor, makePost, placeApplication, refusedLeaving, SXRM, type Username } from "./setup/vetting-fixtures";

const w = demoWorld();
const NOW = new Date("2026-12-03T02:00:00Z"); // 10:00 in Shanghai
const START = "2026-06-01";
const LAST = "2027-11-30"; // 18 months

let dispatchId = "";
let otherDispatchId = "";
let otherUnit: Scope;

/** Row counts of what leave and attendance write: compared before and after a refusal. */
async function footprint() {
  const [row] = await w.db.prisma.$queryRaw<Record<string, unknown>[]>`
    SELECT (SELECT count(*) FROM "LeaveRequest") AS leaves,
           (SELECT coalesce(sum(version), 0) FROM "LeaveRequest") AS versions,
           (SELECT count(*) FROM "AttendanceCheck") AS checks,
           (SELECT count(*) FROM "DispatchEvent") AS events,
           (SELECT coalesce(sum(version), 0) FROM "Dispatch") AS "dispatchVersions",
           (SELECT count(*) FROM "AuditLog") AS audits,
           (SELECT count(*) FROM "Notification") AS notifications`;
  return row;
}

const refused = refusedLeaving(footprint);

const s = (who: Username | "other") => (who === "other" ? otherUnit : w.s[who]);
const file = (who: Username | "other", input: Record<string, unknown>, id = dispatchId) => fileLeave(w.db.prisma, s(who), { dispatchId: id, kind: "PERSONAL", reason: "家中有事", ...input }, NOW);
const decide = (who: Username | "other", leaveId: string, version: number, approve: boolean, comment?: string) => decideLeave(w.db.prisma, s(who), { leaveId, version, approve, comment }, NOW);
const record = (who: Username | "other", input: Record<string, unknown>, id = dispatchId) => recordAttendance(w.db.prisma, s(who), { dispatchId: id, source: "SPOT_CHECK", isPresent: false, note: "暗访不在岗", ...input }, NOW);
const lastDayOf = async (id = dispatchId) => (await w.db.prisma.dispatch.findUniqueOrThrow({ where: { id }, select: { lastDay: true } })).lastDay.toISOString().slice(0, 10);

async function makeDispatch(doctorId: string, startDate = START, lastDay = LAST): Promise<string> {
  const postId = await makePost(w.db.prisma, w.demo);
  const unit = w.demo.org(SXRM);
  const applicationId = await placeApplication(w.db.prisma, { postId, doctorId, nominatingOrgId: unit, createdById: w.demo.userId("nominator"), status: "APPROVED", currentStage: "APPROVAL" });
  const post = await w.db.prisma.post.findUniqueOrThrow({ where: { id: postId }, select: { receivingOrgId: true } });
  const d = await w.db.prisma.dispatch.create({
    data: {
      programId: w.demo.programId,
      postId,
      applicationId,
      doctorId,
      receivingOrgId: post.receivingOrgId,
      rotationBatch: 1,
      startDate: new Date(`${startDate}T00:00:00Z`),
      serviceMonths: 18,
      plannedLastDay: new Date(`${lastDay}T00:00:00Z`),
      lastDay: new Date(`${lastDay}T00:00:00Z`),
      status: "ACTIVE",
      createdById: w.demo.userId("admin"),
    },
    select: { id: true },
  });
  return d.id;
}

beforeAll(async () => {
  // Seed 001's threshold and absence limit with seed 000's limits on home leave and spouse visits.
  await w.db.prisma.program.update({ where: { id: w.demo.programId }, data: { leaveFilingThresholdDays: 5, absenceLimit: 3, homeLeavesPerYear: 1, spouseVisitsMax: 1, spouseVisitMaxMonths: 1 } });
  const doctor = await w.db.prisma.user.findUniqueOrThrow({ where: { username: "doctor" }, select: { doctorId: true } });
  dispatchId = await makeDispatch(doctor.doctorId!);
  otherDispatchId = await makeDispatch(await makeDoctor(w.db.prisma, w.demo.org(SXRM), "另一医生"));
  // A receiving supervisor of another unit.
  const awt = await w.db.prisma.organization.findFirstOrThrow({ where: { name: "阿瓦提县人民医院" }, select: { parentId: true } });
  const org = await w.db.prisma.organization.create({ data: { name: "测试乡镇卫生院", kind: "RECEIVING_HOSPITAL", level: "TOWNSHIP", region: "测试", parentId: awt.parentId } });
  const user = await w.db.prisma.user.create({ data: { username: "other-receiver", displayName: "别的单位", role: "RECEIVING_SUPERVISOR", organizationId: org.id, passwordHash: "x" } });
  otherUnit = await buildScope(w.db.prisma, user);
});

describe("filing leave", () => {
  it("the doctor files a 7-day leave on their dispatch: it extends service (以上 includes 5), one audit row, the supervisor told", async () => {
    const leave = await file("doctor", { kind: "HOME_LEAVE", startDate: "2026-12-10", endDate: "2026-12-16" });
    expect(leave).toMatchObject({ status: "PENDING_SUPERVISOR", days: 7, extendsService: true, startDate: "2026-12-10", endDate: "2026-12-16", version: 1 });
    const audit = await w.db.prisma.auditLog.findFirstOrThrow({ where: { entityId: leave.id } });
    expect(audit.action).toBe("leave.file");
    const told = await w.db.prisma.notification.findMany({ where: { kind: "leaveFiled", link: `/dispatches/${dispatchId}/leave` }, select: { userId: true, body: true } });
    expect(told.map((n) => n.userId)).toEqual([w.demo.userId("receiver")]);
    expect(told[0]!.body).toContain("探亲休假7天");
  });

  it.each([
    ["2027-01-04", "2027-01-08", 5, true],
    ["2027-02-01", "2027-02-04", 4, false],
  ])("%s to %s is %i days: extends service %s", async (startDate, endDate, days, extending) => {
    const leave = await file("doctor", { kind: "SICK", startDate, endDate });
    expect(leave).toMatchObject({ days, extendsService: extending });
  });

  it("no other role files leave, and a doctor never on another doctor's dispatch; nothing written", async () => {
    for (const who of ["receiver", "staff", "admin", "nominator", "auditor", "wz-admin"] as const) await refused(() => file(who, { startDate: "2027-03-01", endDate: "2027-03-02" }), "forbidden");
    await refused(() => file("doctor", { startDate: "2027-03-01", endDate: "2027-03-02" }, otherDispatchId), "notFound");
    await refused(() => file("doctor", { startDate: "2027-03-01", endDate: "2027-03-02" }, "cm0000000000000000000000"), "notFound");
  });

  it("refuses dates outside the dispatch, leave over live leave, bad input — with the reason and its dates", async () => {
    const outside = await refused(() => file("doctor", { startDate: "2027-11-28", endDate: "2027-12-02" }), "validation", "outsideDispatch");
    expect(outside.details).toEqual({ first: START, last: LAST });
    expect(outside.fieldErrors).toEqual({ endDate: ["outsideDispatch"] });
    await refused(() => file("doctor", { startDate: "2026-05-30", endDate: "2026-06-02" }), "validation", "outsideDispatch");
    const overlap = await refused(() => file("doctor", { startDate: "2026-12-16", endDate: "2026-12-18" }), "validation", "overlapsLeave");
    expect(overlap.details).toEqual({ first: "2026-12-10", last: "2026-12-16" });
    await refused(() => file("doctor", { startDate: "2026-12-18", endDate: "2026-12-17" }), "validation");
    await refused(() => file("doctor", { startDate: "2027-02-30", endDate: "2027-03-01" }), "validation");
    await refused(() => file("doctor", { startDate: "2027-03-01", endDate: "2027-03-01", reason: "事\u0000由" }), "validation");
    await refused(() => file("doctor", { startDate: "2027-03-01", endDate: "2027-03-01", kind: "HOLIDAY" }), "validation");
    await refused(() => file("doctor", { startDate: "2027-03-01", endDate: "2027-03-01", reason: "x".repeat(2001) }), "validation");
    await refused(() => file("doctor", { startDate: { $gt: "" }, endDate: ["2027-03-01"] }), "validation");
  });

  it("seed 000's limits: home leave and visits once per service year; one spouse visit of up to a month", async () => {
    // The home leave of 10–16 Dec 2026 used service year 1 (1 Jun 2026 – 31 May 2027).
    const year = await refused(() => file("doctor", { kind: "SPOUSE_VISIT", startDate: "2027-04-01", endDate: "2027-04-10" }), "validation", "homeLeavesPerYear");
    expect(year.details).toEqual({ limit: "1", year: "1", first: "2026-06-01", last: "2027-05-31" });
    await refused(() => file("doctor", { kind: "SPOUSE_VISIT", startDate: "2027-06-01", endDate: "2027-07-01" }), "validation", "spouseVisitTooLong");
    const visit = await file("doctor", { kind: "SPOUSE_VISIT", startDate: "2027-06-01", endDate: "2027-06-30" });
    expect(visit.status).toBe("PENDING_SUPERVISOR");
    await refused(() => file("doctor", { kind: "SPOUSE_VISIT", startDate: "2027-08-01", endDate: "2027-08-05" }), "validation", "homeLeavesPerYear");
    await cancelLeave(w.db.prisma, w.s.doctor, { leaveId: visit.id, version: 1 });
  });

  it("two overlapping requests at the same moment: one is filed, the other refused in words", async () => {
    const other = createPrismaClient(w.db.url, { maxConnections: 2 });
    try {
      const results = await Promise.allSettled([
        fileLeave(w.db.prisma, w.s.doctor, { dispatchId, kind: "PERSONAL", startDate: "2027-09-01", endDate: "2027-09-03", reason: "甲" }, NOW),
        fileLeave(other, w.s.doctor, { dispatchId, kind: "PERSONAL", startDate: "2027-09-02", endDate: "2027-09-04", reason: "乙" }, NOW),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const failed = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect(failed.reason.code).toBe("validation");
      expect(["overlapsLeave", "overlapsLeaveNow"]).toContain(failed.reason.message);
    } finally {
      await other.$disconnect();
    }
  });

  it("the database refuses overlapping live leave even when the code is bypassed", async () => {
    await expect(
      w.db.prisma.leaveRequest.create({
        data: { dispatchId, kind: "SICK", startDate: new Date("2026-12-12T00:00:00Z"), endDate: new Date("2026-12-12T00:00:00Z"), days: 1, reason: "x", filedById: w.demo.userId("admin") },
      }),
    ).rejects.toThrow(/LeaveRequest_no_overlap|exclusion/);
  });
});

describe("deciding leave", () => {
  let leaveId = "";
  beforeAll(async () => {
    const found = await w.db.prisma.leaveRequest.findFirstOrThrow({ where: { dispatchId, startDate: new Date("2026-12-10T00:00:00Z") }, select: { id: true } });
    leaveId = found.id;
  });

  it("at the supervisor's step: the doctor, bureau staff, another unit's supervisor and another city's bureau are refused", async () => {
    await refused(() => decide("doctor", leaveId, 1, true), "forbidden");
    await refused(() => decide("nominator", leaveId, 1, true), "forbidden");
    await refused(() => decide("staff", leaveId, 1, true), "forbidden");
    await refused(() => decide("other", leaveId, 1, true), "notFound");
    await refused(() => decide("wz-admin", leaveId, 1, true), "notFound");
  });

  it("a stale version is a 409 and a refusal needs its reason", async () => {
    await refused(() => decide("receiver", leaveId, 2, true), "conflict", "staleVersion");
    await refused(() => decide("receiver", leaveId, 1, false), "validation");
    await refused(() => decide("receiver", leaveId, 1, false, " "), "validation");
  });

  it("the supervisor agrees: it goes to the bureau (the doctor and the bureau's staff told); the last day has not moved", async () => {
    const after = await decide("receiver", leaveId, 1, true, "同意");
    expect(after).toMatchObject({ status: "PENDING_BUREAU", version: 2, supervisorComment: "同意" });
    expect(await lastDayOf()).toBe(LAST);
    const told = await w.db.prisma.notification.findMany({ where: { kind: { in: ["leaveAwaitsBureau", "leaveFiledBureau"] } }, select: { userId: true, kind: true } });
    expect(told.filter((n) => n.kind === "leaveAwaitsBureau").map((n) => n.userId)).toEqual([w.demo.userId("doctor")]);
    expect(told.filter((n) => n.kind === "leaveFiledBureau").map((n) => n.userId).sort()).toEqual([w.demo.userId("admin"), w.demo.userId("staff")].sort());
  });

  it("at the bureau's step the supervisor and another city's bureau are refused", async () => {
    await refused(() => decide("receiver", leaveId, 2, true), "forbidden");
    await refused(() => decide("wz-admin", leaveId, 2, true), "notFound");
    await refused(() => decide("doctor", leaveId, 2, true), "forbidden");
  });

  it("the bureau approves: the last day moves 7 days later, in one transaction with its event, audit rows and notices", async () => {
    const before = await w.db.prisma.dispatch.findUniqueOrThrow({ where: { id: dispatchId }, select: { version: true } });
    const after = await decide("staff", leaveId, 2, true);
    expect(after).toMatchObject({ status: "APPROVED", version: 3 });
    expect(await lastDayOf()).toBe("2027-12-07");
    const d = await w.db.prisma.dispatch.findUniqueOrThrow({ where: { id: dispatchId }, select: { version: true, plannedLastDay: true } });
    expect(d.version).toBe(before.version + 1);
    expect(d.plannedLastDay.toISOString().slice(0, 10)).toBe(LAST);
    const event = await w.db.prisma.dispatchEvent.findFirstOrThrow({ where: { dispatchId, kind: "LAST_DAY_MOVED" } });
    expect(event.toLastDay?.toISOString().slice(0, 10)).toBe("2027-12-07");
    expect(event.reason).toContain("探亲休假7天");
    const actions = (await w.db.prisma.auditLog.findMany({ where: { entityId: { in: [leaveId, dispatchId] } }, orderBy: { id: "asc" }, select: { action: true } })).map((a) => a.action);
    expect(actions.slice(0, 3)).toEqual(["leave.file", "leave.approve", "leave.approve"]);
    expect(actions.slice(3)).toEqual([expect.stringMatching(/^dispatch\./)]);
    expect(await w.db.prisma.notification.count({ where: { kind: "leaveApprovedMoved", userId: w.demo.userId("doctor") } })).toBe(1);
  });

  it("a decided leave cannot be decided again or withdrawn", async () => {
    await refused(() => decide("staff", leaveId, 3, false, "撤销"), "conflict", "leaveNotPending");
    await refused(() => cancelLeave(w.db.prisma, w.s.doctor, { leaveId, version: 3 }), "conflict", "leaveNotPending");
  });

  it("shorter leave is approved by the supervisor alone and does not move the last day", async () => {
    const short = await w.db.prisma.leaveRequest.findFirstOrThrow({ where: { dispatchId, days: 4 }, select: { id: true } });
    expect(await decide("receiver", short.id, 1, true)).toMatchObject({ status: "APPROVED" });
    expect(await lastDayOf()).toBe("2027-12-07");
  });

  it("the supervisor refuses with the reason: the doctor is told why; nothing moves", async () => {
    const five = await w.db.prisma.leaveRequest.findFirstOrThrow({ where: { dispatchId, days: 5 }, select: { id: true } });
    expect(await decide("receiver", five.id, 1, false, "科室人手紧张")).toMatchObject({ status: "REJECTED", supervisorComment: "科室人手紧张" });
    const n = await w.db.prisma.notification.findFirstOrThrow({ where: { kind: "leaveRefused" }, select: { body: true } });
    expect(n.body).toContain("科室人手紧张");
    expect(await lastDayOf()).toBe("2027-12-07");
  });
});

describe("withdrawing leave", () => {
  it("only the doctor withdraws their own pending leave, with the version read", async () => {
    const leave = await file("doctor", { startDate: "2027-10-05", endDate: "2027-10-06" });
    await refused(() => cancelLeave(w.db.prisma, w.s.receiver, { leaveId: leave.id, version: 1 }), "forbidden");
    await refused(() => cancelLeave(w.db.prisma, w.s.doctor, { leaveId: leave.id, version: 2 }), "conflict", "staleVersion");
    expect(await cancelLeave(w.db.prisma, w.s.doctor, { leaveId: leave.id, version: 1 })).toMatchObject({ status: "CANCELLED", version: 2 });
    // Its days are free again.
    expect(await file("doctor", { startDate: "2027-10-05", endDate: "2027-10-06" })).toMatchObject({ status: "PENDING_SUPERVISOR" });
  });
});

describe("absences and the service clock", () => {
  it("who records: the receiving supervisor and the programme's bureau; not the doctor, another unit or another city", async () => {
    await refused(() => record("doctor", { startDate: "2026-07-01", endDate: "2026-07-01" }), "forbidden");
    await refused(() => record("nominator", { startDate: "2026-07-01", endDate: "2026-07-01" }), "forbidden");
    await refused(() => record("auditor", { startDate: "2026-07-01", endDate: "2026-07-01" }), "forbidden");
    await refused(() => record("other", { startDate: "2026-07-01", endDate: "2026-07-01" }), "notFound");
    await refused(() => record("wz-admin", { startDate: "2026-07-01", endDate: "2026-07-01" }), "notFound");
  });

  it("refuses days outside the dispatch or after today, leave without approval marked present, an absence without a note", async () => {
    await refused(() => record("receiver", { startDate: "2026-05-31", endDate: "2026-06-01" }), "validation", "attendanceOutsideDispatch");
    await refused(() => record("receiver", { startDate: "2026-12-03", endDate: "2026-12-04" }), "validation", "attendanceInFuture");
    await refused(() => record("receiver", { source: "UNAPPROVED_LEAVE", isPresent: true, startDate: "2026-07-01", endDate: "2026-07-01" }), "validation");
    await refused(() => record("receiver", { note: "", startDate: "2026-07-01", endDate: "2026-07-01" }), "validation");
  });

  it("three absences take their days off the credit; the fourth (超过3次) zeroes it, and the doctor and the bureau are told", async () => {
    await record("receiver", { isPresent: true, note: null, source: "ROUTINE", startDate: "2026-06-15", endDate: "2026-06-15" });
    await record("receiver", { startDate: "2026-07-01", endDate: "2026-07-01" });
    await record("staff", { source: "UNAPPROVED_LEAVE", startDate: "2026-08-03", endDate: "2026-08-05", note: "未请假离岗三天" });
    await record("receiver", { source: "ROUTINE", startDate: "2026-09-10", endDate: "2026-09-10" });
    let clock = await dispatchServiceClock(w.db.prisma, w.s.doctor, dispatchId, NOW);
    // 1 Jun – 3 Dec 2026 = 186 days; no leave taken yet; 5 days absent.
    expect(clock).toMatchObject({ elapsedDays: 186, daysServed: 186, absenceCount: 3, absenceDays: 5, exceedsAbsenceLimit: false, creditedDays: 181, lastDay: "2027-12-07", lastDayMovedBy: 7 });
    expect(await w.db.prisma.notification.count({ where: { kind: "absenceLimitExceeded" } })).toBe(0);

    await record("admin", { startDate: "2026-11-20", endDate: "2026-11-20", note: "暗访不在岗" });
    clock = await dispatchServiceClock(w.db.prisma, w.s.receiver, dispatchId, NOW);
    expect(clock).toMatchObject({ absenceCount: 4, absenceLimit: 3, exceedsAbsenceLimit: true, creditedDays: 0 });
    const told = await w.db.prisma.notification.findMany({ where: { kind: "absenceLimitExceeded" }, select: { userId: true } });
    expect(told.map((n) => n.userId).sort()).toEqual([w.demo.userId("doctor"), w.demo.userId("staff")].sort());
  });

  it("attendance is appended, never rewritten", async () => {
    await expect(w.db.prisma.attendanceCheck.updateMany({ data: { isPresent: true } })).rejects.toThrow(/append-only/);
    await expect(w.db.prisma.attendanceCheck.deleteMany({})).rejects.toThrow(/append-only/);
  });
});

describe("reading", () => {
  it("each reader sees what they may do; out of scope is a 404", async () => {
    const asDoctor = await dispatchLeave(w.db.prisma, w.s.doctor, dispatchId, NOW);
    expect(asDoctor.can).toEqual({ file: true, recordAttendance: false });
    expect(asDoctor.leaves.every((l) => !l.can.approve)).toBe(true);
    expect(asDoctor.leaves.filter((l) => l.can.cancel).map((l) => l.status)).toEqual(["PENDING_SUPERVISOR", "PENDING_SUPERVISOR"]);
    const asReceiver = await dispatchLeave(w.db.prisma, w.s.receiver, dispatchId, NOW);
    expect(asReceiver.can).toEqual({ file: false, recordAttendance: true });
    expect(asReceiver.leaves.filter((l) => l.can.approve).length).toBe(2);
    expect((await dispatchAttendance(w.db.prisma, w.s.staff, dispatchId, NOW)).checks).toHaveLength(5);
    await expect(dispatchLeave(w.db.prisma, w.s["wz-admin"], dispatchId, NOW)).rejects.toMatchObject({ code: "notFound" });
    await expect(dispatchLeave(w.db.prisma, otherUnit, dispatchId, NOW)).rejects.toMatchObject({ code: "notFound" });
    await expect(dispatchServiceClock(w.db.prisma, w.s.doctor, otherDispatchId, NOW)).rejects.toMatchObject({ code: "notFound" });
  });

  it("the queues: the supervisor's first step and the bureau's second, oldest first; nothing for others", async () => {
    const mine = await leaveQueue(w.db.prisma, w.s.receiver);
    expect(mine.items.every((i) => i.status === "PENDING_SUPERVISOR")).toBe(true);
    expect(mine.total).toBe(2);
    const filed = mine.items.map((i) => i.filedAt.getTime());
    expect([...filed].sort((a, b) => a - b)).toEqual(filed);
    const extending = await file("doctor", { startDate: "2027-11-01", endDate: "2027-11-10" });
    await decide("receiver", extending.id, 1, true);
    expect((await leaveQueue(w.db.prisma, w.s.staff)).items.map((i) => i.id)).toEqual([extending.id]);
    expect((await leaveQueue(w.db.prisma, w.s["wz-admin"])).total).toBe(0);
    expect((await leaveQueue(w.db.prisma, otherUnit)).total).toBe(0);
    expect((await leaveQueue(w.db.prisma, w.s.doctor)).total).toBe(0);
  });

  it("a doctor's way in: their own dispatches with the leave waiting on a decision; nobody else's", async () => {
    const own = await ownDispatches(w.db.prisma, w.s.doctor);
    expect(own.map((d) => d.id)).toEqual([dispatchId]);
    expect(own[0]!.pendingLeave).toBe(await w.db.prisma.leaveRequest.count({ where: { dispatchId, status: { in: ["PENDING_SUPERVISOR", "PENDING_BUREAU"] } } }));
    expect(await ownDispatches(w.db.prisma, w.s.receiver)).toEqual([]);
  });
});

