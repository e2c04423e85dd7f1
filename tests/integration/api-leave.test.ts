// Leave, attendance and the service clock through /api/v1 against real PostgreSQL with the demo seed:
// the route handlers called directly with bearer tokens, as an integration would. The routes use the
// real clock, so the dispatch runs from 60 days ago. The doctor files a 7-day leave (201), the
// supervisor and the bureau approve it (the last day moves), a stale version is a 409, bad input a
// 422, a malformed body a 400, other scopes a 404, other roles a 403; the answers are checked
// against the registry's response schemas (lib/api/leave-responses.ts).
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as lr from "@/lib/api/leave-responses";
import type { Scope } from "@/lib/auth/policy";
import { shanghaiDay } from "@/lib/domain/dispatch";
import { addDays, lastDayOfService } from "@/lib/domain/service-period";
import { issueApiToken } from "@/lib/server/api-tokens";
import { apiTestDatabase } from "./setup/api";
import type { TestDatabase } from "./setup/db";

let db: TestDatabase;
const scopes: Record<string, Scope> = {};
const tokens: Record<string, string> = {};
const USERS = ["admin", "staff", "receiver", "doctor", "nominator", "wz-admin"];
const TODAY = shanghaiDay(new Date());
const START = addDays(TODAY, -60);
const LAST = lastDayOfService(START, 18);
let dispatchId = "";

/* eslint-disable @typescript-eslint/no-explicit-any -- each route has its own params type; answers are read as loose JSON */
type Handler = (request: NextRequest, context: { params: Promise<any> }) => Promise<Response>;
type Json = Record<string, any>;
/* eslint-enable @typescript-eslint/no-explicit-any */
type RouteModule = Partial<Record<"GET" | "POST", Handler>>;
const routes: Record<string, () => Promise<RouteModule>> = {
  "dispatches/[dispatchId]/leave": () => import("@/app/api/v1/dispatches/[dispatchId]/leave/route"),
  "dispatches/[dispatchId]/attendance": () => import("@/app/api/v1/dispatches/[dispatchId]/attendance/route"),
  "dispatches/[dispatchId]/service-clock": () => import("@/app/api/v1/dispatches/[dispatchId]/service-clock/route"),
  leave: () => import("@/app/api/v1/leave/route"),
  "leave/[leaveId]/decision": () => import("@/app/api/v1/leave/[leaveId]/decision/route"),
  "leave/[leaveId]/cancel": () => import("@/app/api/v1/leave/[leaveId]/cancel/route"),
  "openapi.json": () => import("@/app/api/v1/openapi.json/route"),
};

async function call(file: string, method: "GET" | "POST", user: string, options: { body?: unknown; rawBody?: string; params?: Record<string, string> } = {}) {
  const handler = (await routes[file]!())[method]!;
  const headers = { "content-type": "application/json", authorization: `Bearer ${tokens[user]}` };
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const url = `http://localhost/api/v1/${file.replace("[dispatchId]", options.params?.dispatchId ?? "").replace("[leaveId]", options.params?.leaveId ?? "")}`;
  const response = await handler(new NextRequest(url, { method, headers, body }), { params: Promise.resolve(options.params ?? {}) });
  return { status: response.status, json: JSON.parse(await response.text()) as Json };
}

const onDispatch = (id = dispatchId) => ({ params: { dispatchId: id } });
const onLeave = (leaveId: string) => ({ params: { leaveId } });

beforeAll(async () => {
  db = await apiTestDatabase(USERS, scopes);
  // Setting the scene: an administrator's scope over every organisation issues each account's token.
  const everywhere = { ...scopes.admin!, subtreeIds: (await db.prisma.organization.findMany({ select: { id: true } })).map((o) => o.id) };
  for (const username of USERS) tokens[username] = (await issueApiToken(db.prisma, everywhere, { userId: scopes[username]!.user.id, name: "test" })).token;
  const program = await db.prisma.program.findFirstOrThrow({ where: { name: "绍兴市第八批援疆医生选派" }, select: { id: true } });
  await db.prisma.program.update({ where: { id: program.id }, data: { leaveFilingThresholdDays: 5, absenceLimit: 3 } });
  const receiving = await db.prisma.organization.findFirstOrThrow({ where: { name: "阿瓦提县人民医院" }, select: { id: true } });
  const post = await db.prisma.post.create({ data: { programId: program.id, receivingOrgId: receiving.id, title: "接口测试岗位", specialty: "眼科", headcount: 1, rotationBatch: 1 }, select: { id: true } });
  const doctorId = scopes.doctor!.user.doctorId!;
  const app = await db.prisma.application.create({
    data: { postId: post.id, doctorId, nominatingOrgId: scopes.nominator!.user.organizationId, createdById: scopes.nominator!.user.id, source: "UNIT", status: "APPROVED", currentStage: "APPROVAL" },
    select: { id: true },
  });
  const day = (d: string) => new Date(`${d}T00:00:00Z`);
  const dispatch = await db.prisma.dispatch.create({
    data: { programId: program.id, postId: post.id, applicationId: app.id, doctorId, receivingOrgId: receiving.id, rotationBatch: 1, startDate: day(START), serviceMonths: 18, plannedLastDay: day(LAST), lastDay: day(LAST), status: "ACTIVE", createdById: scopes.admin!.user.id },
    select: { id: true },
  });
  dispatchId = dispatch.id;
});

afterAll(async () => {
  await db?.drop();
});

describe("leave through /api/v1", () => {
  let leave: Json = {};

  it("the doctor files a 7-day leave (201); other roles 403, another doctor's or unknown dispatch 404, bad input 422, malformed JSON 400", async () => {
    const body = { kind: "HOME_LEAVE", startDate: addDays(TODAY, 10), endDate: addDays(TODAY, 16), reason: "回家探亲" };
    const created = await call("dispatches/[dispatchId]/leave", "POST", "doctor", { body, ...onDispatch() });
    expect(created.status).toBe(201);
    expect(lr.leaveResponseSchema.safeParse(created.json).success).toBe(true);
    expect(created.json).toMatchObject({ status: "PENDING_SUPERVISOR", days: 7, extendsService: true });
    leave = created.json;

    expect((await call("dispatches/[dispatchId]/leave", "POST", "receiver", { body, ...onDispatch() })).status).toBe(403);
    expect((await call("dispatches/[dispatchId]/leave", "POST", "doctor", { body, ...onDispatch("cm0000000000000000000000") })).status).toBe(404);
    const overlap = await call("dispatches/[dispatchId]/leave", "POST", "doctor", { body, ...onDispatch() });
    expect(overlap.status).toBe(422);
    expect(overlap.json.error).toMatchObject({ code: "validation", key: "overlapsLeave", details: { first: body.startDate, last: body.endDate } });
    const outside = await call("dispatches/[dispatchId]/leave", "POST", "doctor", { body: { ...body, startDate: addDays(START, -1), endDate: START }, ...onDispatch() });
    expect(outside.json.error).toMatchObject({ code: "validation", key: "outsideDispatch" });
    expect((await call("dispatches/[dispatchId]/leave", "POST", "doctor", { body: { ...body, kind: 7 }, ...onDispatch() })).status).toBe(422);
    expect((await call("dispatches/[dispatchId]/leave", "POST", "doctor", { rawBody: "{", ...onDispatch() })).status).toBe(400);
  });

  it("the supervisor approves (it goes to the bureau); a stale version is a 409; another city's bureau 404; the bureau approves and the last day moves", async () => {
    const stale = await call("leave/[leaveId]/decision", "POST", "receiver", { body: { version: 9, approve: true }, ...onLeave(leave.id) });
    expect(stale.status).toBe(409);
    expect(stale.json.error.key).toBe("staleVersion");
    const first = await call("leave/[leaveId]/decision", "POST", "receiver", { body: { version: 1, approve: true, comment: "同意" }, ...onLeave(leave.id) });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ status: "PENDING_BUREAU", version: 2 });

    const queue = await call("leave", "GET", "staff");
    expect(lr.leaveQueueResponseSchema.safeParse(queue.json).success).toBe(true);
    expect(queue.json.items.map((i: Json) => i.id)).toEqual([leave.id]);

    expect((await call("leave/[leaveId]/decision", "POST", "wz-admin", { body: { version: 2, approve: true }, ...onLeave(leave.id) })).status).toBe(404);
    expect((await call("leave/[leaveId]/decision", "POST", "doctor", { body: { version: 2, approve: true }, ...onLeave(leave.id) })).status).toBe(403);
    const second = await call("leave/[leaveId]/decision", "POST", "staff", { body: { version: 2, approve: true }, ...onLeave(leave.id) });
    expect(second.json).toMatchObject({ status: "APPROVED", version: 3 });

    const clock = await call("dispatches/[dispatchId]/service-clock", "GET", "doctor", onDispatch());
    expect(lr.serviceClockResponseSchema.safeParse(clock.json).success).toBe(true);
    expect(clock.json).toMatchObject({ lastDay: addDays(LAST, 7), plannedLastDay: LAST, lastDayMovedBy: 7, elapsedDays: 61 });
  });

  it("the doctor withdraws a pending leave; nobody else may", async () => {
    const created = await call("dispatches/[dispatchId]/leave", "POST", "doctor", { body: { kind: "SICK", startDate: addDays(TODAY, 30), endDate: addDays(TODAY, 31), reason: "复查" }, ...onDispatch() });
    expect((await call("leave/[leaveId]/cancel", "POST", "receiver", { body: { version: 1 }, ...onLeave(created.json.id) })).status).toBe(403);
    const cancelled = await call("leave/[leaveId]/cancel", "POST", "doctor", { body: { version: 1 }, ...onLeave(created.json.id) });
    expect(cancelled.json).toMatchObject({ status: "CANCELLED" });
    const list = await call("dispatches/[dispatchId]/leave", "GET", "receiver", onDispatch());
    expect(lr.leaveListResponseSchema.safeParse(list.json).success).toBe(true);
    expect(list.json.leaves).toHaveLength(2);
    expect((await call("dispatches/[dispatchId]/leave", "GET", "wz-admin", onDispatch())).status).toBe(404);
  });
});

describe("attendance through /api/v1", () => {
  it("the supervisor records an absence (201); the doctor 403; the future 422; the record and the clock answer", async () => {
    const body = { source: "SPOT_CHECK", startDate: addDays(TODAY, -5), endDate: addDays(TODAY, -5), isPresent: false, note: "暗访不在岗" };
    const created = await call("dispatches/[dispatchId]/attendance", "POST", "receiver", { body, ...onDispatch() });
    expect(created.status).toBe(201);
    expect(lr.attendanceResponseSchema.safeParse(created.json).success).toBe(true);
    expect((await call("dispatches/[dispatchId]/attendance", "POST", "doctor", { body, ...onDispatch() })).status).toBe(403);
    const future = await call("dispatches/[dispatchId]/attendance", "POST", "staff", { body: { ...body, startDate: addDays(TODAY, 1), endDate: addDays(TODAY, 1) }, ...onDispatch() });
    expect(future.status).toBe(422);
    expect(future.json.error.fieldErrorKeys).toEqual({ endDate: ["attendanceInFuture"] });
    const list = await call("dispatches/[dispatchId]/attendance", "GET", "doctor", onDispatch());
    expect(lr.attendanceListResponseSchema.safeParse(list.json).success).toBe(true);
    expect(list.json.clock).toMatchObject({ absenceCount: 1, absenceDays: 1, absenceLimit: 3, exceedsAbsenceLimit: false, creditedDays: 60 });
  });

  it("the OpenAPI document lists every leave operation", async () => {
    const doc = await call("openapi.json", "GET", "doctor");
    for (const path of ["/dispatches/{dispatchId}/leave", "/dispatches/{dispatchId}/attendance", "/dispatches/{dispatchId}/service-clock", "/leave", "/leave/{leaveId}/decision", "/leave/{leaveId}/cancel"]) {
      expect(doc.json.paths[path]).toBeDefined();
    }
    expect(doc.json.paths["/dispatches/{dispatchId}/leave"].post.responses["201"]).toBeDefined();
  });
});
