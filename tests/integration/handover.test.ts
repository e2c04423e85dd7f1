// The hand-over packet (交接) on real PostgreSQL, on the demo's Wanzhou cohort: 向成 leaves 龙驹 with
// 蒋波 as his successor. He saves a draft (his alone), submits it (every section filled), corrects it;
// 蒋波 and 龙驹's supervisor read it and say so (a receipt each, renewed after a change); an unrelated
// doctor, another centre's supervisor and other roles are refused with nothing written; the bureau
// sees the receipts. Then /api/v1 (GET, PUT, POST read) with its schemas, and the demo's packet.
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as ho from "@/lib/api/handover-responses";
import type { Scope } from "@/lib/auth/policy";
import { issueApiToken } from "@/lib/server/api-tokens";
import { acknowledgeHandover, getHandover, handoversToRead, inheritedHandover, saveHandover } from "@/lib/server/handover";
import { buildScope } from "@/lib/server/organization-tree";
import { seedDemoData } from "@/prisma/seed";
import { seedServiceCohort } from "@/prisma/seed/service-cohort";
import { seedServiceHandover } from "@/prisma/seed/service-handover";
import type { PrismaClient } from "@/lib/prisma";
import { createTestDatabase, type TestDatabase } from "./setup/db";
import { expectRefused } from "./setup/vetting-fixtures";

let db: TestDatabase;
const s: Record<string, Scope> = {};
let leaving = ""; // 向成's dispatch
let arriving = ""; // 蒋波's
let other = ""; // 谭晓宇's (wz-doctor), no successor

const filled = { openCases: "刘某某慢阻肺随访中。", mentees: "向丽：执业医师考试。", projects: "慢阻肺规范化管理。", contacts: "院长 冉德明。", notes: "" };

async function counts(prisma: PrismaClient) {
  const [row] = await prisma.$queryRaw<Record<string, bigint>[]>`
    SELECT (SELECT count(*) FROM "HandoverPacket") AS packets, (SELECT coalesce(sum(version), 0) FROM "HandoverPacket") AS versions,
           (SELECT count(*) FROM "HandoverRead") AS reads, (SELECT count(*) FROM "AuditLog") AS audits`;
  return row;
}

const refused = (act: () => Promise<unknown>, code: string, message?: string) => expectRefused(db.prisma, act, code, message, counts);

async function userFor(username: string, data: { role: "DOCTOR" | "RECEIVING_SUPERVISOR"; organizationId: string; doctorId?: string }) {
  const user = await db.prisma.user.create({ data: { username, displayName: username, passwordHash: "x", ...data } });
  return buildScope(db.prisma, user);
}

beforeAll(async () => {
  db = await createTestDatabase();
  (globalThis as { prisma?: unknown }).prisma = db.prisma;
  await seedDemoData(db.prisma);
  await seedServiceCohort(db.prisma);
  const dispatchOf = async (name: string) => db.prisma.dispatch.findFirstOrThrow({ where: { doctor: { name } }, select: { id: true, doctorId: true, receivingOrgId: true, doctor: { select: { employerId: true } } } });
  const [xc, jb, tx] = await Promise.all([dispatchOf("向成"), dispatchOf("蒋波"), dispatchOf("谭晓宇")]);
  leaving = xc.id;
  arriving = jb.id;
  other = tx.id;
  s.xc = await userFor("xc-doctor", { role: "DOCTOR", organizationId: xc.doctor.employerId, doctorId: xc.doctorId });
  s.jb = await userFor("jb-doctor", { role: "DOCTOR", organizationId: jb.doctor.employerId, doctorId: jb.doctorId });
  s.lj = await userFor("lj-receiver", { role: "RECEIVING_SUPERVISOR", organizationId: xc.receivingOrgId });
  for (const username of ["wz-doctor", "wz-receiver", "wz-admin", "admin", "nominator"]) s[username] = await buildScope(db.prisma, await db.prisma.user.findUniqueOrThrow({ where: { username } }));
}, 180_000);

afterAll(async () => {
  await db?.drop();
});

describe("the doctor files the packet", () => {
  it("a draft is the author's alone; the successor, the unit and the bureau see none yet", async () => {
    const draft = await saveHandover(db.prisma, s.xc!, { dispatchId: leaving, version: 0, openCases: "刘某某", mentees: "", projects: "", contacts: "" });
    expect(draft).toMatchObject({ submittedAt: null, version: 1, openCases: "刘某某", mentees: "" });
    expect((await db.prisma.auditLog.findMany({ where: { entityId: draft.id } })).map((r) => r.action)).toEqual(["handover.save"]);
    expect((await getHandover(db.prisma, s.xc!, leaving)).packet?.openCases).toBe("刘某某");
    for (const who of ["jb", "lj", "wz-admin"]) {
      const view = await getHandover(db.prisma, s[who]!, leaving);
      expect(view.packet, who).toBeNull();
      expect(view.can.acknowledge, who).toBe(false);
    }
    await refused(() => acknowledgeHandover(db.prisma, s.jb!, { dispatchId: leaving }), "notFound", "notSubmitted");
  });

  it("submitting needs every section; a stale version, another doctor's dispatch and other roles are refused; nothing written", async () => {
    const error = await refused(() => saveHandover(db.prisma, s.xc!, { dispatchId: leaving, version: 1, ...filled, mentees: " ", submit: true }), "validation");
    expect(error.fieldErrors).toEqual({ mentees: ["sectionRequired"] });
    await refused(() => saveHandover(db.prisma, s.xc!, { dispatchId: leaving, version: 0, ...filled }), "conflict", "stale");
    await refused(() => saveHandover(db.prisma, s.jb!, { dispatchId: leaving, version: 1, ...filled }), "notFound");
    await refused(() => saveHandover(db.prisma, s["wz-doctor"]!, { dispatchId: leaving, version: 1, ...filled }), "notFound");
    for (const who of ["lj", "wz-admin", "nominator"]) await refused(() => saveHandover(db.prisma, s[who]!, { dispatchId: leaving, version: 1, ...filled }), "forbidden");
    await refused(() => saveHandover(db.prisma, s.xc!, { dispatchId: leaving, version: 1, ...filled, openCases: "x".repeat(4001) }), "validation");
    // The successor's dispatch has not begun: nothing to hand over from it yet.
    await refused(() => saveHandover(db.prisma, s.jb!, { dispatchId: arriving, version: 0, ...filled }), "conflict", "notInService");
  });

  it("submits: the successor and the unit now see it, with what they may do", async () => {
    const packet = await saveHandover(db.prisma, s.xc!, { dispatchId: leaving, version: 1, ...filled, submit: true });
    expect(packet.submittedAt).toBeInstanceOf(Date);
    expect(packet.version).toBe(2);
    expect((await db.prisma.auditLog.findMany({ where: { entityId: packet.id }, orderBy: { id: "asc" } })).map((r) => r.action)).toEqual(["handover.save", "handover.submit"]);
    const successor = await getHandover(db.prisma, s.jb!, leaving);
    expect(successor.packet?.contacts).toBe("院长 冉德明。");
    expect(successor.can).toEqual({ edit: false, acknowledge: true });
    expect((await getHandover(db.prisma, s.lj!, leaving)).can).toEqual({ edit: false, acknowledge: true });
    expect((await getHandover(db.prisma, s["wz-admin"]!, leaving)).can).toEqual({ edit: false, acknowledge: false });
    expect((await getHandover(db.prisma, s.xc!, leaving)).can).toEqual({ edit: true, acknowledge: false });
    // Waiting for 龙驹's supervisor and shown in 蒋波's workspace; not another centre's.
    expect((await handoversToRead(db.prisma, s.lj!)).map((p) => p.dispatchId)).toEqual([leaving]);
    expect(await handoversToRead(db.prisma, s["wz-receiver"]!)).toEqual([]);
    expect((await inheritedHandover(db.prisma, s.jb!, arriving))?.dispatchId).toBe(leaving);
    expect(await inheritedHandover(db.prisma, s["wz-doctor"]!, other)).toBeNull();
  });

  it("an unrelated doctor and another centre find nothing; the author and the bureau are not readers", async () => {
    await refused(() => getHandover(db.prisma, s["wz-doctor"]!, leaving), "notFound");
    await refused(() => getHandover(db.prisma, s["wz-receiver"]!, leaving), "notFound");
    await refused(() => acknowledgeHandover(db.prisma, s["wz-doctor"]!, { dispatchId: leaving }), "notFound");
    await refused(() => acknowledgeHandover(db.prisma, s["wz-receiver"]!, { dispatchId: leaving }), "notFound");
    await refused(() => acknowledgeHandover(db.prisma, s.xc!, { dispatchId: leaving }), "forbidden", "notReader");
    await refused(() => acknowledgeHandover(db.prisma, s["wz-admin"]!, { dispatchId: leaving }), "forbidden");
  });
});

describe("read receipts", () => {
  it("the successor and the unit confirm; a correction shows who read the older text; reading again renews the one receipt", async () => {
    await acknowledgeHandover(db.prisma, s.jb!, { dispatchId: leaving });
    await acknowledgeHandover(db.prisma, s.lj!, { dispatchId: leaving });
    let view = await getHandover(db.prisma, s["wz-admin"]!, leaving);
    expect(view.reads.map((r) => [r.name, r.isCurrent])).toEqual([["jb-doctor", true], ["lj-receiver", true]]);
    expect(await handoversToRead(db.prisma, s.lj!)).toEqual([]);
    expect((await inheritedHandover(db.prisma, s.jb!, arriving))?.reads).toHaveLength(1);

    const corrected = await saveHandover(db.prisma, s.xc!, { dispatchId: leaving, version: 2, ...filled, contacts: "院长 冉德明 023-5861 2001" });
    expect(corrected.submittedAt).not.toBeNull(); // stays submitted
    await refused(() => saveHandover(db.prisma, s.xc!, { dispatchId: leaving, version: 3, ...filled, projects: "" }), "validation");
    view = await getHandover(db.prisma, s.jb!, leaving);
    expect(view.myRead?.isCurrent).toBe(false);
    expect(view.can.acknowledge).toBe(true);
    await acknowledgeHandover(db.prisma, s.jb!, { dispatchId: leaving });
    view = await getHandover(db.prisma, s.jb!, leaving);
    expect(view.myRead?.isCurrent).toBe(true);
    expect(await db.prisma.handoverRead.count()).toBe(2);
    const actions = (await db.prisma.auditLog.findMany({ where: { entity: "HandoverPacket" }, orderBy: { id: "asc" } })).map((r) => r.action);
    expect(actions).toEqual(["handover.save", "handover.submit", "handover.read", "handover.read", "handover.update", "handover.read"]);
  });
});

describe("/api/v1", () => {
  /* eslint-disable @typescript-eslint/no-explicit-any -- answers are read as loose JSON once validated */
  type Handler = (request: NextRequest, context: { params: Promise<any> }) => Promise<Response>;
  /* eslint-enable @typescript-eslint/no-explicit-any */
  const tokens: Record<string, string> = {};

  async function call(file: "handover" | "handover/read", method: "GET" | "PUT" | "POST", who: string, dispatchId: string, body?: unknown) {
    const routeModule = (file === "handover" ? await import("@/app/api/v1/dispatches/[dispatchId]/handover/route") : await import("@/app/api/v1/dispatches/[dispatchId]/handover/read/route")) as Record<string, Handler>;
    const headers: Record<string, string> = { authorization: `Bearer ${tokens[who]}`, "content-type": "application/json", "accept-language": "zh-CN" };
    const response = await routeModule[method]!(new NextRequest(`http://localhost/api/v1/dispatches/${dispatchId}/${file}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }), { params: Promise.resolve({ dispatchId }) });
    return { status: response.status, json: JSON.parse(await response.text()) as Record<string, unknown> };
  }

  beforeAll(async () => {
    const everywhere = { ...s.admin!, subtreeIds: (await db.prisma.organization.findMany({ select: { id: true } })).map((o) => o.id) };
    for (const who of ["xc", "jb", "lj", "wz-doctor", "wz-admin"]) tokens[who] = (await issueApiToken(db.prisma, everywhere, { userId: s[who]!.user.id, name: "test" })).token;
  });

  it("reads, saves and confirms through the routes, the answers matching the document; refusals in words", async () => {
    const got = await call("handover", "GET", "jb", leaving);
    expect(got.status).toBe(200);
    expect(ho.handoverViewSchema.safeParse(got.json).error?.issues ?? []).toEqual([]);
    const version = (got.json.packet as { version: number }).version;

    const saved = await call("handover", "PUT", "xc", leaving, { ...filled, version, submit: true });
    expect(saved.status).toBe(200);
    expect(ho.handoverPacketSchema.safeParse(saved.json).error?.issues ?? []).toEqual([]);
    const stale = await call("handover", "PUT", "xc", leaving, { ...filled, version });
    expect(stale.status).toBe(409);
    expect(stale.json.error).toMatchObject({ code: "conflict", key: "stale" });
    expect((stale.json.error as { message: string }).message).toContain("刷新页面");
    const empty = await call("handover", "PUT", "xc", leaving, { ...filled, openCases: "", version: version + 1 });
    expect(empty.status).toBe(422);
    expect((empty.json.error as { fieldErrors: Record<string, string[]> }).fieldErrors.openCases?.[0]).toContain("提交前请填写此项");

    const read = await call("handover/read", "POST", "lj", leaving);
    expect(read.status).toBe(201);
    expect(ho.handoverReadSchema.safeParse(read.json).error?.issues ?? []).toEqual([]);
    expect((await call("handover", "GET", "wz-doctor", leaving)).status).toBe(404);
    expect((await call("handover/read", "POST", "wz-admin", leaving)).status).toBe(403);
    expect((await call("handover", "PUT", "wz-admin", leaving, { ...filled, version: version + 1 })).status).toBe(403);
  });
});

describe("the demo's packet", () => {
  it("向成's packet is filed once, submitted, unread; a second run writes nothing", async () => {
    await db.prisma.handoverRead.deleteMany();
    await db.prisma.handoverPacket.deleteMany();
    expect(await seedServiceHandover(db.prisma)).toBe(1);
    expect(await seedServiceHandover(db.prisma)).toBe(0);
    const view = await getHandover(db.prisma, s.jb!, leaving);
    expect(view.packet?.submittedAt).toBeInstanceOf(Date);
    expect(view.packet?.openCases).toContain("慢阻肺");
    expect(view.reads).toEqual([]);
  });
});
