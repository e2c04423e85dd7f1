// Dispatches on real PostgreSQL with the demo seed: creation from an approved application, each
// transition allowed and refused per role and per state, stale versions, moveLastDay, and the
// database's refusal of two overlapping dispatches of one doctor under concurrent requests.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Scope } from "@/lib/auth/policy";
import { lastDayOfService } from "@/lib/domain/service-period";
import { createPrismaClient } from "@/lib/prisma";
import { moveLastDay } from "@/lib/server/dispatch-dates";
import { activateDispatch, cancelDispatch, completeDispatch, createDispatch, extendDispatch, terminateDispatch } from "@/lib/server/dispatches";
import { runTx } from "@/lib/server/kit";
import { buildScope } from "@/lib/server/organization-tree";
import { seedDemoData } from "@/prisma/seed";
import { createTestDatabase, type TestDatabase } from "./setup/db";
import { confirmListOf } from "./setup/notice-fixtures";

const USERS = ["admin", "staff", "auditor", "nominator", "nominator2", "receiver", "doctor", "wz-admin"] as const;
let db: TestDatabase;
const s = {} as Record<(typeof USERS)[number], Scope>;
const posts: Record<string, string> = {};
let doctors: { id: string; name: string }[] = [];
let nominatorId = "";

/** The current instant when it is `day` 10:00 in Shanghai. */
const on = (day: string) => new Date(`${day}T10:00:00+08:00`);

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemoData(db.prisma);
  for (const username of USERS) s[username] = await buildScope(db.prisma, await db.prisma.user.findUniqueOrThrow({ where: { username } }));
  nominatorId = s.nominator.user.id;
  for (const p of await db.prisma.post.findMany({ where: { program: { name: "绍兴市第八批援疆医生选派" } }, select: { id: true, title: true, rotationBatch: true } })) {
    posts[`${p.title}|${p.rotationBatch}`] = p.id;
  }
  doctors = await db.prisma.doctor.findMany({ where: { employer: { region: { startsWith: "浙江省绍兴市" } }, user: null }, select: { id: true, name: true }, orderBy: { idNumber: "asc" } });
}, 60_000);

afterAll(async () => {
  await db?.drop();
});

let next = 0;
/** An approved application of a fresh doctor (or the given one) for a post: the scene, inserted directly, its batch's list confirmed. */
async function approved(postKey: string, doctorId = doctors[next++]!.id): Promise<{ applicationId: string; doctorId: string }> {
  const app = await db.prisma.application.create({
    data: { postId: posts[postKey]!, doctorId, nominatingOrgId: s.nominator.user.organizationId, source: "UNIT", status: "APPROVED", currentStage: "APPROVAL", createdById: nominatorId },
    select: { id: true },
  });
  await confirmListOf(db.prisma, s.staff, app.id);
  return { applicationId: app.id, doctorId };
}

describe("creating a dispatch", () => {
  it("computes the last day from the programme's 18 months, appends CREATED and audits", async () => {
    const { applicationId } = await approved("口腔科医生|1");
    const d = await createDispatch(db.prisma, s.staff, { applicationId, startDate: "2014-02-15" });
    expect(d).toMatchObject({ status: "PLANNED", version: 1, startDate: "2014-02-15", lastDay: "2015-08-14", plannedLastDay: "2015-08-14", serviceMonths: 18 });
    expect(d.lastDay).toBe(lastDayOfService("2014-02-15", 18));
    const events = await db.prisma.dispatchEvent.findMany({ where: { dispatchId: d.id } });
    expect(events.map((e) => e.kind)).toEqual(["CREATED"]);
    expect(await db.prisma.auditLog.count({ where: { action: "dispatch.create", entityId: d.id } })).toBe(1);
    await expect(createDispatch(db.prisma, s.staff, { applicationId, startDate: "2014-02-15" })).rejects.toMatchObject({ code: "validation", fieldErrors: { applicationId: ["alreadyDispatched"] } });
  });

  it("is refused to every role but bureau staff, and out of scope is not found", async () => {
    for (const who of ["auditor", "nominator", "nominator2", "receiver", "doctor"] as const) {
      const { applicationId } = await approved("眼科医生|1");
      await expect(createDispatch(db.prisma, s[who], { applicationId, startDate: "2014-02-15" }), who).rejects.toMatchObject({ code: "forbidden" });
    }
    const { applicationId } = await approved("眼科医生|2");
    await expect(createDispatch(db.prisma, s["wz-admin"], { applicationId, startDate: "2014-02-15" })).rejects.toMatchObject({ code: "notFound" });
    expect(await db.prisma.dispatch.count({ where: { applicationId } })).toBe(0);
    const admin = await createDispatch(db.prisma, s.admin, { applicationId, startDate: "2015-08-15", actingPosition: "业务副院长" });
    expect(admin.status).toBe("PLANNED");
  });

  it("refuses an application not approved, bad input, and a bogus predecessor, writing nothing", async () => {
    const { applicationId } = await approved("麻醉科医生|1");
    await db.prisma.application.update({ where: { id: applicationId }, data: { status: "IN_PROGRESS" } });
    await expect(createDispatch(db.prisma, s.staff, { applicationId, startDate: "2014-02-15" })).rejects.toMatchObject({ code: "conflict", message: "applicationNotApproved" });
    await db.prisma.application.update({ where: { id: applicationId }, data: { status: "APPROVED" } });
    for (const bad of [{ startDate: "2014-02-30" }, { startDate: "x" }, { startDate: 20140215 }, { startDate: "2014-02-15", serviceMonths: 0 }, { startDate: "2014-02-15", actingPosition: "a\u0000b" }]) {
      await expect(createDispatch(db.prisma, s.staff, { applicationId, ...bad })).rejects.toMatchObject({ code: "validation" });
    }
    await expect(createDispatch(db.prisma, s.staff, { applicationId, startDate: "2014-02-15", predecessorId: "nope" })).rejects.toMatchObject({ fieldErrors: { predecessorId: ["predecessorInvalid"] } });
    expect(await db.prisma.dispatch.count({ where: { applicationId } })).toBe(0);
  });

  it("links a successor on the same kind of post, never two successors, never a later predecessor", async () => {
    const first = await createDispatch(db.prisma, s.staff, { ...(await approved("耳鼻喉科医生|1")), startDate: "2014-02-15" });
    const second = await createDispatch(db.prisma, s.staff, { ...(await approved("耳鼻喉科医生|2")), startDate: "2015-08-15", predecessorId: first.id });
    expect(second.startDate).toBe("2015-08-15");
    await expect(createDispatch(db.prisma, s.staff, { ...(await approved("耳鼻喉科医生|2")), startDate: "2015-08-10", predecessorId: first.id })).rejects.toMatchObject({ fieldErrors: { predecessorId: ["predecessorTaken"] } });
    await expect(createDispatch(db.prisma, s.staff, { ...(await approved("眼科医生|2")), startDate: "2015-08-10", predecessorId: second.id })).rejects.toMatchObject({ fieldErrors: { predecessorId: ["predecessorOtherPost"] } });
  });
});

describe("one doctor, never two overlapping dispatches", () => {
  it("refuses an overlapping dispatch of the same doctor with a message", async () => {
    const a = await approved("新生儿科医生|1");
    await createDispatch(db.prisma, s.staff, { ...a, startDate: "2014-02-15" });
    const b = await approved("新生儿科医生|2", a.doctorId);
    await expect(createDispatch(db.prisma, s.staff, { applicationId: b.applicationId, startDate: "2015-08-14" })).rejects.toMatchObject({ code: "conflict", message: "overlapsOtherDispatch" });
    // The day after the last day is free.
    expect((await createDispatch(db.prisma, s.staff, { applicationId: b.applicationId, startDate: "2015-08-15" })).startDate).toBe("2015-08-15");
  });

  it("lets exactly one of two concurrent creations through separate connections win; the other gets a 409, not a 500", async () => {
    const clients = [createPrismaClient(db.url, { maxConnections: 2 }), createPrismaClient(db.url, { maxConnections: 2 })];
    try {
      for (let round = 0; round < 4; round++) {
        const a = await approved("重症监护科医生|1");
        const b = await approved("重症监护科医生|2", a.doctorId);
        const results = await Promise.allSettled([
          createDispatch(clients[0]!, s.staff, { applicationId: a.applicationId, startDate: "2014-03-01" }),
          createDispatch(clients[1]!, s.staff, { applicationId: b.applicationId, startDate: "2014-06-01" }),
        ]);
        expect(results.filter((r) => r.status === "fulfilled"), `round ${round}`).toHaveLength(1);
        const loser = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
        expect(loser.reason).toMatchObject({ code: "conflict", status: 409, message: "overlapsOtherDispatch" });
        expect(await db.prisma.dispatch.count({ where: { doctorId: a.doctorId } })).toBe(1);
      }
    } finally {
      await Promise.all(clients.map((c) => c.$disconnect()));
    }
  });

  it("is the database's own rule: a direct insert of an overlap is refused", async () => {
    const a = await approved("口腔科医生|2");
    const d = await createDispatch(db.prisma, s.staff, { ...a, startDate: "2016-01-01" });
    const other = await approved("眼科医生|1", a.doctorId);
    const row = await db.prisma.dispatch.findUniqueOrThrow({ where: { id: d.id } });
    await expect(
      db.prisma.dispatch.create({
        data: { ...row, id: undefined, applicationId: other.applicationId, predecessorId: null, version: 1, createdAt: undefined, updatedAt: undefined },
      }),
    ).rejects.toThrow(/Dispatch_doctor_no_overlap|23P01|exclusion/);
  });
});

describe("transitions", () => {
  async function planned(start = "2014-02-15") {
    return createDispatch(db.prisma, s.staff, { ...(await approved("麻醉科医生|2")), startDate: start }, on("2014-01-10"));
  }

  it("activates on arrival, not before; refuses a stale version and other roles", async () => {
    const d = await planned();
    await expect(activateDispatch(db.prisma, s.staff, { dispatchId: d.id, expectedVersion: 1 }, on("2014-02-14"))).rejects.toMatchObject({ code: "conflict", message: "notArrivedYet" });
    for (const who of ["receiver", "doctor", "nominator", "auditor"] as const) {
      await expect(activateDispatch(db.prisma, s[who], { dispatchId: d.id, expectedVersion: 1 }, on("2014-02-15")), who).rejects.toMatchObject({ code: "forbidden" });
    }
    await expect(activateDispatch(db.prisma, s["wz-admin"], { dispatchId: d.id, expectedVersion: 1 }, on("2014-02-15"))).rejects.toMatchObject({ code: "notFound" });
    const active = await activateDispatch(db.prisma, s.staff, { dispatchId: d.id, expectedVersion: 1 }, on("2014-02-15"));
    expect(active).toMatchObject({ status: "ACTIVE", version: 2 });
    await expect(activateDispatch(db.prisma, s.staff, { dispatchId: d.id, expectedVersion: 1 }, on("2014-02-16"))).rejects.toMatchObject({ code: "conflict", message: "staleVersion", status: 409 });
    await expect(activateDispatch(db.prisma, s.staff, { dispatchId: d.id, expectedVersion: 2 }, on("2014-02-16"))).rejects.toMatchObject({ message: "notPlanned" });
  });

  it("extends, terminates early and completes, each an appended event with who and why", async () => {
    const d = await planned();
    await activateDispatch(db.prisma, s.staff, { dispatchId: d.id, expectedVersion: 1 }, on("2014-02-15"));
    await expect(completeDispatch(db.prisma, s.staff, { dispatchId: d.id, expectedVersion: 2 }, on("2015-08-13"))).rejects.toMatchObject({ message: "serviceNotOver" });
    await expect(extendDispatch(db.prisma, s.staff, { dispatchId: d.id, expectedVersion: 2, lastDay: "2015-08-01", reason: "工作需要" })).rejects.toMatchObject({ fieldErrors: { lastDay: ["extendMustBeLater"] } });
    await expect(extendDispatch(db.prisma, s.staff, { dispatchId: d.id, expectedVersion: 2, lastDay: "2015-09-30", reason: "" })).rejects.toMatchObject({ code: "validation" });
    const extended = await extendDispatch(db.prisma, s.staff, { dispatchId: d.id, expectedVersion: 2, lastDay: "2015-09-30", reason: "受援医院请求延长至新技术项目结题" });
    expect(extended).toMatchObject({ lastDay: "2015-09-30", plannedLastDay: "2015-08-14", version: 3, status: "ACTIVE" });
    await expect(terminateDispatch(db.prisma, s.staff, { dispatchId: d.id, expectedVersion: 3, lastDay: "2014-02-14", reason: "身体原因" })).rejects.toMatchObject({ fieldErrors: { lastDay: ["lastDayBeforeStart"] } });
    const ended = await terminateDispatch(db.prisma, s.staff, { dispatchId: d.id, expectedVersion: 3, lastDay: "2014-12-31", reason: "身体原因，经批准提前结束" });
    expect(ended).toMatchObject({ status: "TERMINATED", lastDay: "2014-12-31", version: 4 });
    await expect(extendDispatch(db.prisma, s.staff, { dispatchId: d.id, expectedVersion: 4, lastDay: "2015-12-31", reason: "再延长" })).rejects.toMatchObject({ message: "dispatchClosed" });
    const events = await db.prisma.dispatchEvent.findMany({ where: { dispatchId: d.id }, orderBy: { at: "asc" } });
    expect(events.map((e) => [e.kind, e.fromLastDay?.toISOString().slice(0, 10) ?? null, e.toLastDay?.toISOString().slice(0, 10) ?? null])).toEqual([
      ["CREATED", null, "2015-08-14"],
      ["ACTIVATED", null, null],
      ["EXTENDED", "2015-08-14", "2015-09-30"],
      ["TERMINATED", "2015-09-30", "2014-12-31"],
    ]);
    expect(events.every((e) => e.actedById === s.staff.user.id)).toBe(true);
    const audits = await db.prisma.auditLog.findMany({ where: { entityId: d.id }, orderBy: { id: "asc" }, select: { action: true } });
    expect(audits.map((a) => a.action)).toEqual(["dispatch.create", "dispatch.activate", "dispatch.extend", "dispatch.terminate"]);
    // The history cannot be rewritten.
    await expect(db.prisma.dispatchEvent.deleteMany({ where: { dispatchId: d.id } })).rejects.toThrow();
  });

  it("completes on the last day", async () => {
    const d = await planned("2016-03-31");
    await activateDispatch(db.prisma, s.staff, { dispatchId: d.id, expectedVersion: 1 }, on("2016-04-01"));
    expect(d.lastDay).toBe("2017-09-30");
    expect(await completeDispatch(db.prisma, s.staff, { dispatchId: d.id, expectedVersion: 2 }, on("2017-09-30"))).toMatchObject({ status: "COMPLETED" });
  });

  it("cancels only a planned dispatch, with a reason; the doctor is then free for those days", async () => {
    const d = await planned("2018-01-01");
    await expect(cancelDispatch(db.prisma, s.staff, { dispatchId: d.id, expectedVersion: 1 })).rejects.toMatchObject({ code: "validation" });
    expect(await cancelDispatch(db.prisma, s.staff, { dispatchId: d.id, expectedVersion: 1, reason: "本人体检复查未通过" })).toMatchObject({ status: "CANCELLED", version: 2 });
    const row = await db.prisma.dispatch.findUniqueOrThrow({ where: { id: d.id }, select: { doctorId: true } });
    const again = await approved("麻醉科医生|1", row.doctorId);
    expect((await createDispatch(db.prisma, s.staff, { applicationId: again.applicationId, startDate: "2018-01-01" })).status).toBe("PLANNED");
    const active = await planned("2014-02-15");
    await activateDispatch(db.prisma, s.staff, { dispatchId: active.id, expectedVersion: 1 }, on("2014-02-15"));
    await expect(cancelDispatch(db.prisma, s.staff, { dispatchId: active.id, expectedVersion: 2, reason: "x x" })).rejects.toMatchObject({ message: "cancelOnlyPlanned" });
  });

  it("refuses an extension into the doctor's next dispatch with a 409", async () => {
    const a = await approved("口腔科医生|1");
    const first = await createDispatch(db.prisma, s.staff, { ...a, startDate: "2019-01-01" });
    const b = await approved("口腔科医生|2", a.doctorId);
    await createDispatch(db.prisma, s.staff, { applicationId: b.applicationId, startDate: "2020-08-01" });
    await expect(extendDispatch(db.prisma, s.staff, { dispatchId: first.id, expectedVersion: 1, lastDay: "2020-08-01", reason: "延期" })).rejects.toMatchObject({ code: "conflict", message: "overlapsOtherDispatch" });
    expect((await db.prisma.dispatch.findUniqueOrThrow({ where: { id: first.id } })).version).toBe(1);
  });
});

describe("moveLastDay, as the leave use cases call it", () => {
  it("moves the last day inside the caller's transaction, tells the doctor and the receiving unit", async () => {
    const doctorUser = await db.prisma.user.findUniqueOrThrow({ where: { username: "doctor" }, select: { doctorId: true, id: true } });
    const { applicationId } = await approved("眼科医生|1", doctorUser.doctorId!);
    const d = await createDispatch(db.prisma, s.staff, { applicationId, startDate: "2021-02-15" });
    const change = await runTx(db.prisma, (tx) => moveLastDay(tx, s.staff, { dispatchId: d.id, toLastDay: "2022-08-21", kind: "LAST_DAY_MOVED", reason: "事假7天，顺延服务期限", expectedVersion: 1, cause: { leaveRequestId: "L1" } }));
    expect(change).toMatchObject({ fromLastDay: "2022-08-14", toLastDay: "2022-08-21", version: 2, status: "PLANNED" });
    const notes = await db.prisma.notification.findMany({ where: { kind: "dispatchLastDayChanged", link: `/dispatches/${d.id}` }, select: { userId: true, body: true } });
    expect(notes.map((n) => n.userId)).toEqual(expect.arrayContaining([doctorUser.id, s.receiver.user.id]));
    expect(notes[0]!.body).toContain("2022-08-21");
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: "dispatch.move_last_day", entityId: d.id } });
    expect(audit.after).toMatchObject({ lastDay: "2022-08-21", cause: { leaveRequestId: "L1" } });
    await expect(runTx(db.prisma, (tx) => moveLastDay(tx, s.staff, { dispatchId: d.id, toLastDay: "2022-08-28", kind: "LAST_DAY_MOVED", reason: "x", expectedVersion: 1 }))).rejects.toMatchObject({ message: "staleVersion" });
  });
});
