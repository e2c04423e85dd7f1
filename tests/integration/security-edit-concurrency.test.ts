// Security: no lost updates (issue 12). Two people open the same doctor and both save: the first
// save wins, the second is refused with 409 naming what changed, who changed it and when — nothing is
// lost, and the second person saves again from the new version. Through the API (ETag on GET,
// If-Match on PATCH, 428 without it, two PATCHes at once: exactly one 200) and through the edit form's
// server action (the version the form was opened with). The same for programmes, posts,
// organisations and user accounts.
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
      route("PATCH", "admin", { ...values, positionTitle: "副主任（并发甲）" }, read.etag!),
      route("PATCH", "staff", { ...values, major: "临床医学（并发乙）" }, read.etag!),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const loser = answers.find((a) => a.status === 409)!;
    expect(loser.json.error?.key).toBe("staleEdit");
    // The message names the winner, and the changed field in words (not its code).
    expect(loser.json.error?.message).toMatch(/(徐彤|沈佳怡).*修改了这位医生的档案（(现任职务|所学专业)）/);
    const stored = await db.prisma.doctor.findUniqueOrThrow({ where: { id: doctorId } });
    expect(stored.version).toBe((read.json.version as number) + 1);
    const winner = answers.find((a) => a.status === 200) === answers[0] ? { positionTitle: "副主任（并发甲）" } : { major: "临床医学（并发乙）" };
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

/** Two promises at once: exactly one fulfilled, the other a 409 staleEdit naming the changed field. */
async function oneWins<T>(attempts: Promise<T>[]): Promise<{ winner: number; error: { code: string; message: string; details?: Record<string, string> } }> {
  const settled = await Promise.allSettled(attempts);
  expect(settled.map((s) => s.status).sort()).toEqual(["fulfilled", "rejected"]);
  const winner = settled.findIndex((s) => s.status === "fulfilled");
  const error = (settled[1 - winner] as PromiseRejectedResult).reason;
  expect(error).toMatchObject({ code: "conflict", message: "staleEdit" });
  return { winner, error };
}

async function scopeOf(username: string) {
  return buildScope(db.prisma, await db.prisma.user.findUniqueOrThrow({ where: { username } }));
}

async function signIn(username: string) {
  holder.user = toSessionUser(await db.prisma.user.findUniqueOrThrow({ where: { username }, include: sessionUserInclude }));
}

describe("the same for a post", () => {
  it("two PATCHes from one version at once: one 200 with the new ETag, one 409 naming the field in words; a stale form submit is refused; nothing lost", async () => {
    const admin = await db.prisma.user.findUniqueOrThrow({ where: { username: "admin" } });
    const post = await db.prisma.post.findFirstOrThrow({ where: { program: { bureauId: admin.organizationId, status: { in: ["DRAFT", "OPEN"] } } }, orderBy: { id: "asc" } });
    const { PATCH } = await import("@/app/api/v1/posts/[postId]/route");
    const call = async (username: string, body: unknown, ifMatch?: string) => {
      const headers: Record<string, string> = { authorization: `Bearer ${tokens[username]}`, "content-type": "application/json", "accept-language": "zh-CN" };
      if (ifMatch) headers["if-match"] = ifMatch;
      const response = await PATCH(new NextRequest(`http://localhost/api/v1/posts/${post.id}`, { method: "PATCH", headers, body: JSON.stringify(body) }), { params: Promise.resolve({ postId: post.id }) });
      return { status: response.status, etag: response.headers.get("etag"), json: (await response.json()) as Json };
    };
    const values = { receivingOrgId: post.receivingOrgId, title: post.title, specialty: post.specialty, headcount: post.headcount, rotationBatch: post.rotationBatch, description: post.description ?? "" };
    expect((await call("admin", { ...values, title: "无版本" })).status).toBe(428);
    const etag = `"${post.version}"`;
    const answers = await Promise.all([call("admin", { ...values, description: "甲的岗位说明" }, etag), call("staff", { ...values, specialty: `${post.specialty}·急诊` }, etag)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const won = answers.find((a) => a.status === 200)!;
    expect(won.etag).toBe(`"${post.version + 1}"`);
    expect(answers.find((a) => a.status === 409)!.json.error?.message).toMatch(/(徐彤|沈佳怡) 修改了这个岗位（(说明|专业)）/);
    const stored = await db.prisma.post.findUniqueOrThrow({ where: { id: post.id } });
    expect(stored.version).toBe(post.version + 1);
    expect(stored.title).toBe(post.title); // the 428 changed nothing
    expect(stored.description === "甲的岗位说明" ? stored.specialty : stored.description).toBe(stored.description === "甲的岗位说明" ? post.specialty : post.description);

    // The edit form opened before both: its stale version is refused through the real server action.
    await signIn("staff");
    const { updatePostAction } = await import("@/lib/actions/programs");
    const stale = await updatePostAction({ ...values, id: post.id, version: post.version });
    expect(stale?.serverError).toMatchObject({ code: "conflict", message: "staleEdit", details: { entity: "Post", version: String(post.version + 1) } });
    // Reopened at the new version, the loser's change is saved on top of the winner's: nothing lost.
    const fresh = { receivingOrgId: stored.receivingOrgId, title: stored.title, specialty: stored.specialty, headcount: stored.headcount, rotationBatch: stored.rotationBatch, description: stored.description ?? "" };
    expect((await updatePostAction({ ...fresh, headcount: stored.headcount + 1, id: post.id, version: stored.version }))?.data).toMatchObject({ id: post.id });
    expect(await db.prisma.post.findUniqueOrThrow({ where: { id: post.id } })).toMatchObject({ description: stored.description, specialty: stored.specialty, headcount: stored.headcount + 1, version: post.version + 2 });
  });
});

describe("the same for an organisation", () => {
  it("two saves from one version at once: one wins, the other 409 naming the field; a stale form submit is refused; nothing lost", async () => {
    const scope = await scopeOf("admin");
    const org = await db.prisma.organization.findFirstOrThrow({ where: { id: { in: scope.subtreeIds, not: scope.user.organizationId }, parentId: { not: null }, isActive: true }, orderBy: { id: "asc" } });
    const { updateOrganization } = await import("@/lib/server/organizations");
    const values = { name: org.name, code: org.code ?? "", kind: org.kind, level: org.level, grade: org.grade ?? ("" as const), region: org.region, parentId: org.parentId ?? "" };
    const { winner, error } = await oneWins([
      updateOrganization(db.prisma, scope, { ...values, id: org.id, version: org.version, name: `${org.name}（甲）` }),
      // A region the organisation is not already in: an edit that changes nothing writes nothing and
      // is not a conflict, so with the organisation picked by id it would sometimes win silently.
      updateOrganization(db.prisma, scope, { ...values, id: org.id, version: org.version, region: `${org.region}（新址）` }),
    ]);
    expect(error.details).toMatchObject({ by: "徐彤", fields: winner === 0 ? "name" : "region", version: String(org.version + 1) });
    const stored = await db.prisma.organization.findUniqueOrThrow({ where: { id: org.id } });
    expect(stored.version).toBe(org.version + 1);

    await signIn("admin");
    const { updateOrganizationAction } = await import("@/lib/actions/organizations");
    const stale = await updateOrganizationAction({ ...values, id: org.id, version: org.version, code: "STALE-1" });
    expect(stale?.serverError).toMatchObject({ code: "conflict", message: "staleEdit" });
    const again = await updateOrganizationAction({ ...values, name: stored.name, region: stored.region, id: org.id, version: stored.version, code: "FRESH-1" });
    expect(again?.serverError).toBeUndefined();
    expect(await db.prisma.organization.findUniqueOrThrow({ where: { id: org.id } })).toMatchObject({ name: stored.name, region: stored.region, code: "FRESH-1", version: org.version + 2 });
  });
});

describe("the same for a user account", () => {
  it("two saves from one version at once: one wins, the other 409 naming the field; a stale form submit is refused; nothing lost", async () => {
    const scope = await scopeOf("admin");
    const user = await db.prisma.user.findUniqueOrThrow({ where: { username: "nominator" } });
    const { updateUser } = await import("@/lib/server/users");
    const values = { id: user.id, displayName: user.displayName, role: user.role, organizationId: user.organizationId, doctorId: user.doctorId ?? "" };
    const { winner, error } = await oneWins([
      updateUser(db.prisma, scope, { ...values, version: user.version, displayName: "王晓燕（甲）" }),
      updateUser(db.prisma, scope, { ...values, version: user.version, role: "BUREAU_STAFF", organizationId: scope.user.organizationId }),
    ]);
    expect(error.details).toMatchObject({ by: "徐彤", version: String(user.version + 1) });
    expect(error.details?.fields).toBe(winner === 0 ? "displayName" : "role,organizationId");
    const stored = await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.version).toBe(user.version + 1);

    await signIn("admin");
    const { updateUserAction } = await import("@/lib/actions/users");
    const stale = await updateUserAction({ ...values, version: user.version, displayName: "过期的修改" });
    expect(stale?.serverError).toMatchObject({ code: "conflict", message: "staleEdit" });
    const fresh = { id: user.id, displayName: stored.displayName, role: stored.role, organizationId: stored.organizationId, doctorId: stored.doctorId ?? "" };
    expect((await updateUserAction({ ...fresh, displayName: `${stored.displayName}·新`, version: stored.version }))?.serverError).toBeUndefined();
    expect(await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ displayName: `${stored.displayName}·新`, role: stored.role, organizationId: stored.organizationId, version: user.version + 2 });
  });
});
