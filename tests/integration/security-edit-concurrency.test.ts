// Security: no lost updates (issue 12). Two people open the same doctor and both save: the first
// save wins, the second is refused with 409 naming what changed, who changed it and when — nothing is
// lost, and the second person saves again from the new version. Through the API (ETag on GET,
// If-Match on PATCH, 428 without it, two PATCHes at once: exactly one 200) and through the edit form's
// server action (the version the form was opened with).
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { formValuesOf } from "@/components/doctors/form-values";
import type { SessionUser } from "@/lib/auth/session";
import { sessionUserInclude, toSessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashToken } from "@/lib/server/api-tokens";
import { getDoctor } from "@/lib/server/doctors";
import { buildScope } from "@/lib/server/organization-tree";
import { seedDemoData } from "@/prisma/seed";
import { createTestDatabase, type TestDatabase } from "./setup/db";

const holder = vi.hoisted(() => ({ prisma: undefined as unknown as PrismaClient, user: null as SessionUser | null }));
vi.mock("@/lib/db", () => ({ get prisma() { return holder.prisma; } }));
vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => holder.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

let db: TestDatabase;
let doctorId: string;
const tokens: Record<string, string> = {};
type Json = Record<string, unknown> & { error?: { key?: string; message?: string; details?: Record<string, string> } };

beforeAll(async () => {
  db = await createTestDatabase();
  holder.prisma = db.prisma;
  await seedDemoData(db.prisma);
  for (const username of ["admin", "staff"]) {
    const user = await db.prisma.user.findUniqueOrThrow({ where: { username } });
    tokens[username] = `mdt_edit_${username}_${"e".repeat(24)}`;
    await db.prisma.apiToken.create({ data: { userId: user.id, name: "edit", prefix: tokens[username]!.slice(0, 8), tokenHash: hashToken(tokens[username]!), createdById: user.id } });
  }
  const admin = await db.prisma.user.findUniqueOrThrow({ where: { username: "admin" } });
  const scope = await buildScope(db.prisma, admin);
  doctorId = (await db.prisma.doctor.findFirstOrThrow({ where: { employerId: { in: scope.subtreeIds } }, orderBy: { id: "asc" } })).id;
});
afterAll(async () => {
  await db?.drop();
});

async function route(method: "GET" | "PATCH", username: string, body?: unknown, ifMatch?: string) {
  const { GET, PATCH } = await import("@/app/api/v1/doctors/[doctorId]/route");
  const headers: Record<string, string> = { authorization: `Bearer ${tokens[username]}`, "content-type": "application/json", "accept-language": "zh-CN" };
  if (ifMatch !== undefined) headers["if-match"] = ifMatch;
  const request = new NextRequest(`http://localhost/api/v1/doctors/${doctorId}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const response = await (method === "GET" ? GET : PATCH)(request, { params: Promise.resolve({ doctorId }) });
  return { status: response.status, etag: response.headers.get("etag"), json: (await response.json()) as Json };
}

/** What the edit page gives the form: the doctor's values and its version. */
async function openForm(username: string) {
  const user = await db.prisma.user.findUniqueOrThrow({ where: { username } });
  const detail = (await getDoctor(db.prisma, await buildScope(db.prisma, user), doctorId))!;
  return { values: formValuesOf(detail), version: detail.version };
}

async function saveForm(username: string, form: Awaited<ReturnType<typeof openForm>>, changes: Record<string, unknown>) {
  holder.user = toSessionUser(await db.prisma.user.findUniqueOrThrow({ where: { username }, include: sessionUserInclude }));
  const { updateDoctorAction } = await import("@/lib/actions/doctors");
  return updateDoctorAction({ ...form.values, ...changes, id: doctorId, version: form.version });
}

describe("two people edit the same doctor through the form", () => {
  it("the first save wins; the second is refused naming what changed; nothing is lost", async () => {
    const xu = await openForm("admin");
    const shen = await openForm("staff");
    expect(xu.version).toBe(shen.version);

    expect((await saveForm("admin", xu, { phone: "13800000001" })).data).toEqual({ id: doctorId });
    const refused = await saveForm("staff", shen, { department: "急诊科" });
    expect(refused.serverError).toMatchObject({ code: "conflict", message: "staleEdit", details: { by: "徐彤", fields: "phone", version: String(xu.version + 1) } });
    let stored = await db.prisma.doctor.findUniqueOrThrow({ where: { id: doctorId } });
    expect(stored).toMatchObject({ phone: "13800000001", version: xu.version + 1 });
    expect(stored.department).not.toBe("急诊科");

    // She reopens the form (the page shows the new values and version) and saves her change again.
    const again = await openForm("staff");
    expect((await saveForm("staff", again, { department: "急诊科" })).data).toEqual({ id: doctorId });
    stored = await db.prisma.doctor.findUniqueOrThrow({ where: { id: doctorId } });
    expect(stored).toMatchObject({ phone: "13800000001", department: "急诊科", version: xu.version + 2 });
  });

  it("a save that changes nothing keeps the version, so it makes no one else stale", async () => {
    const form = await openForm("admin");
    expect((await saveForm("admin", form, {})).data).toEqual({ id: doctorId });
    expect((await db.prisma.doctor.findUniqueOrThrow({ where: { id: doctorId } })).version).toBe(form.version);
  });
});

describe("the API: ETag and If-Match", () => {
  it("GET answers the version as its ETag; PATCH without If-Match is 428 and changes nothing", async () => {
    const read = await route("GET", "admin");
    expect(read.etag).toBe(`"${read.json.version}"`);
    const before = await db.prisma.doctor.findUniqueOrThrow({ where: { id: doctorId } });
    const values = (await openForm("admin")).values;
    const missing = await route("PATCH", "admin", { ...values, phone: "13800000009" });
    expect(missing.status).toBe(428);
    expect(missing.json.error?.message).toMatch(/If-Match/);
    expect(await route("PATCH", "admin", { ...values, phone: "13800000009" }, "W/\"1\"")).toMatchObject({ status: 428 });
    expect(await db.prisma.doctor.findUniqueOrThrow({ where: { id: doctorId } })).toEqual(before);
  });

  it("two PATCHes from the same version at once: exactly one is saved, the other is 409 in words", async () => {
    const read = await route("GET", "admin");
    const values = (await openForm("admin")).values;
    const answers = await Promise.all([
      route("PATCH", "admin", { ...values, positionTitle: "副主任" }, read.etag!),
      route("PATCH", "staff", { ...values, major: "临床医学" }, read.etag!),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const loser = answers.find((a) => a.status === 409)!;
    expect(loser.json.error?.key).toBe("staleEdit");
    // The message names the winner, and the changed field in words (not its code).
    expect(loser.json.error?.message).toMatch(/(徐彤|沈佳怡).*修改了这位医生的档案（(现任职务|所学专业)）/);
    const stored = await db.prisma.doctor.findUniqueOrThrow({ where: { id: doctorId } });
    expect(stored.version).toBe((read.json.version as number) + 1);
    const winner = answers.find((a) => a.status === 200) === answers[0] ? { positionTitle: "副主任" } : { major: "临床医学" };
    expect(stored).toMatchObject(winner);
    const audits = await db.prisma.auditLog.count({ where: { entity: "Doctor", entityId: doctorId, action: "doctor.update" } });
    expect(audits).toBe(3); // the form's two saves and this one: the refused edit left no row
  });
});

describe("the same for a programme", () => {
  it("two PATCHes from one ETag: one saved, one 409 naming the field in words; the form's stale version is refused too", async () => {
    const admin = await db.prisma.user.findUniqueOrThrow({ where: { username: "admin" } });
    const program = await db.prisma.program.findFirstOrThrow({ where: { bureauId: admin.organizationId, status: { not: "CLOSED" } }, orderBy: { id: "asc" } });
    const { GET, PATCH } = await import("@/app/api/v1/programs/[programId]/route");
    const call = async (method: "GET" | "PATCH", username: string, body?: unknown, ifMatch?: string) => {
      const headers: Record<string, string> = { authorization: `Bearer ${tokens[username]}`, "content-type": "application/json" };
      if (ifMatch) headers["if-match"] = ifMatch;
      const response = await (method === "GET" ? GET : PATCH)(new NextRequest(`http://localhost/api/v1/programs/${program.id}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }), { params: Promise.resolve({ programId: program.id }) });
      return { status: response.status, etag: response.headers.get("etag"), json: (await response.json()) as Json };
    };
    const read = await call("GET", "admin");
    const values = { kind: program.kind, name: program.name, year: program.year, batchNumber: program.batchNumber, serviceMonths: program.serviceMonths, rotationBatches: program.rotationBatches, description: program.description ?? "" };
    expect((await call("PATCH", "admin", values)).status).toBe(428);
    const answers = await Promise.all([call("PATCH", "admin", { ...values, description: "甲的说明" }, read.etag!), call("PATCH", "staff", { ...values, name: `${program.name}（乙）` }, read.etag!)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(answers.find((a) => a.status === 409)!.json.error?.message).toMatch(/修改了这个项目（(说明|项目名称)）/);

    holder.user = toSessionUser(await db.prisma.user.findUniqueOrThrow({ where: { username: "staff" }, include: sessionUserInclude }));
    const { updateProgramAction } = await import("@/lib/actions/programs");
    const stale = await updateProgramAction({ ...values, id: program.id, version: read.json.version as number });
    expect(stale?.serverError).toMatchObject({ code: "conflict", message: "staleEdit" });
    expect((await db.prisma.program.findUniqueOrThrow({ where: { id: program.id } })).version).toBe((read.json.version as number) + 1);
  });
});
