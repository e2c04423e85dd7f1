// Dispatches through /api/v1 with bearer tokens, on the demo seed with the Wanzhou cohort in service:
// the board with its flagged gap, one dispatch, the transitions and their refusals (400, 403, 404,
// 409, 422), each answer checked against the registry's response schemas.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as rd from "@/lib/api/responses-dispatch";
import type { Scope } from "@/lib/auth/policy";
import { issueApiToken } from "@/lib/server/api-tokens";
import { buildScope } from "@/lib/server/organization-tree";
import { seedDemoData } from "@/prisma/seed";
import { seedServiceCohort } from "@/prisma/seed/service-cohort";
import { apiCaller, type Json, type RouteModule } from "./setup/api";
import { createTestDatabase, type TestDatabase } from "./setup/db";

let db: TestDatabase;
const scopes: Record<string, Scope> = {};
const tokens: Record<string, string> = {};
const USERS = ["wz-admin", "wz-receiver", "wz-doctor", "admin", "nominator"];

const routes: Record<string, () => Promise<RouteModule>> = {
  dispatches: () => import("@/app/api/v1/dispatches/route"),
  "dispatches/[dispatchId]": () => import("@/app/api/v1/dispatches/[dispatchId]/route"),
  "dispatches/[dispatchId]/extend": () => import("@/app/api/v1/dispatches/[dispatchId]/extend/route"),
  "dispatches/[dispatchId]/terminate": () => import("@/app/api/v1/dispatches/[dispatchId]/terminate/route"),
  "dispatches/[dispatchId]/activate": () => import("@/app/api/v1/dispatches/[dispatchId]/activate/route"),
  "programs/[programId]/dispatch-candidates": () => import("@/app/api/v1/programs/[programId]/dispatch-candidates/route"),
};

const call = apiCaller(routes, tokens);

beforeAll(async () => {
  db = await createTestDatabase();
  (globalThis as { prisma?: unknown }).prisma = db.prisma;
  await seedDemoData(db.prisma);
  await seedServiceCohort(db.prisma);
  for (const username of USERS) scopes[username] = await buildScope(db.prisma, await db.prisma.user.findUniqueOrThrow({ where: { username } }));
  for (const username of USERS) {
    const issuer = username.startsWith("wz-") ? scopes["wz-admin"]! : scopes.admin!;
    tokens[username] = (await issueApiToken(db.prisma, issuer, { userId: scopes[username]!.user.id, name: "test" })).token;
  }
}, 120_000);

afterAll(async () => {
  await db?.drop();
});

const idOf = async (doctor: string) => (await db.prisma.dispatch.findFirstOrThrow({ where: { doctor: { name: doctor } }, select: { id: true } })).id;

describe("GET /dispatches", () => {
  it("shows the bureau its cohort with the successor's gap flagged ahead", async () => {
    const { status, json } = await call("dispatches", "GET", "wz-admin");
    expect(status).toBe(200);
    expect(rd.dispatchBoardSchema.safeParse(json).success).toBe(true);
    expect(json.rows).toHaveLength(10);
    const gap = json.issues.find((i: Json) => i.kind === "gap");
    expect(gap).toMatchObject({ days: 10, isAhead: true, successorId: await idOf("秦露") });
    expect(json.issues.filter((i: Json) => i.kind === "overlapTooLong")).toEqual([]);
  });

  it("shows a receiving unit only the doctors placed with it, a doctor only their own, another bureau nothing", async () => {
    const receiver = await call("dispatches", "GET", "wz-receiver");
    expect(new Set(receiver.json.rows.map((r: Json) => r.receivingOrg.name))).toEqual(new Set(["重庆市万州区分水镇中心卫生院"]));
    expect(receiver.json.rows.length).toBe(3);
    const doctor = await call("dispatches", "GET", "wz-doctor");
    expect(doctor.json.rows.map((r: Json) => r.doctor.name)).toEqual(["谭晓宇"]);
    expect((await call("dispatches", "GET", "admin")).json.rows).toEqual([]);
  });
});

describe("one dispatch and its transitions", () => {
  it("answers the detail with both dates and what the caller may do", async () => {
    const id = await idOf("谭晓宇");
    const staff = await call("dispatches/[dispatchId]", "GET", "wz-admin", { url: `/dispatches/${id}`, params: { dispatchId: id } });
    expect(staff.status).toBe(200);
    expect(rd.dispatchDetailSchema.safeParse(staff.json).success).toBe(true);
    expect(staff.json).toMatchObject({ status: "ACTIVE", can: { terminate: true, extend: true, activate: false, cancel: false } });
    const doctor = await call("dispatches/[dispatchId]", "GET", "wz-doctor", { url: `/dispatches/${id}`, params: { dispatchId: id } });
    expect(doctor.json.can).toEqual({ activate: false, complete: false, terminate: false, extend: false, cancel: false });
    expect((await call("dispatches/[dispatchId]", "GET", "admin", { url: `/dispatches/${id}`, params: { dispatchId: id } })).status).toBe(404);
  });

  it("extends with the version read; refuses a stale version, bad input and other roles", async () => {
    const id = await idOf("冉静");
    const url = `/dispatches/${id}/extend`;
    const read = await call("dispatches/[dispatchId]", "GET", "wz-admin", { url: `/dispatches/${id}`, params: { dispatchId: id } });
    const lastDay = read.json.lastDay as string;
    const later = `${Number(lastDay.slice(0, 4)) + 1}${lastDay.slice(4, 10)}`.replace("-02-29", "-02-28");
    expect((await call("dispatches/[dispatchId]/extend", "POST", "wz-receiver", { url, params: { dispatchId: id }, body: { expectedVersion: read.json.version, lastDay: later, reason: "延期" } })).status).toBe(403);
    expect((await call("dispatches/[dispatchId]/extend", "POST", "wz-admin", { url, params: { dispatchId: id }, rawBody: "{" })).status).toBe(400);
    const bad = await call("dispatches/[dispatchId]/extend", "POST", "wz-admin", { url, params: { dispatchId: id }, body: { expectedVersion: "x", lastDay: "2027-02-30", reason: "" } });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.json.error.fieldErrors).sort()).toEqual(["expectedVersion", "lastDay", "reason"]);
    const ok = await call("dispatches/[dispatchId]/extend", "POST", "wz-admin", { url, params: { dispatchId: id }, body: { expectedVersion: read.json.version, lastDay: later, reason: "乡镇卫生院请求延长一年" } });
    expect(ok.status).toBe(200);
    expect(rd.dispatchSummarySchema.safeParse(ok.json).success).toBe(true);
    expect(ok.json).toMatchObject({ lastDay: later, version: read.json.version + 1 });
    const stale = await call("dispatches/[dispatchId]/extend", "POST", "wz-admin", { url, params: { dispatchId: id }, body: { expectedVersion: read.json.version, lastDay: later, reason: "再次延期" } });
    expect(stale).toMatchObject({ status: 409, json: { error: { code: "conflict", key: "staleVersion" } } });
    expect((await call("dispatches/[dispatchId]/activate", "POST", "wz-admin", { url: `/dispatches/${id}/activate`, params: { dispatchId: id }, body: { expectedVersion: ok.json.version } })).json.error.key).toBe("notPlanned");
  });

  it("lists the programme's candidates (none left: the cohort is dispatched) and 404s another bureau", async () => {
    const program = await db.prisma.dispatch.findFirstOrThrow({ select: { programId: true } });
    const url = `/programs/${program.programId}/dispatch-candidates`;
    const staff = await call("programs/[programId]/dispatch-candidates", "GET", "wz-admin", { url, params: { programId: program.programId } });
    expect(staff.status).toBe(200);
    expect(rd.dispatchCandidatesSchema.safeParse(staff.json).success).toBe(true);
    expect(staff.json.candidates).toEqual([]);
    expect((await call("programs/[programId]/dispatch-candidates", "GET", "admin", { url, params: { programId: program.programId } })).status).toBe(404);
    expect((await call("programs/[programId]/dispatch-candidates", "GET", "nominator", { url, params: { programId: program.programId } })).status).toBe(403);
  });
});
