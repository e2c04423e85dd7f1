// /api/v1 against real PostgreSQL: the route handlers called directly with a bearer token, as an
// integration would call them — policy checks as in the UI, JSON errors, the OpenAPI document.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { composeIdNumber } from "@/lib/domain/id-number";
import { issueApiToken, revokeApiToken } from "@/lib/server/api-tokens";
import { buildScope } from "@/lib/server/organization-tree";
import { seedDemoData } from "@/prisma/seed";
import { createTestDatabase, type TestDatabase } from "./setup/db";

let db: TestDatabase;
const tokens: Record<string, string> = {};
const userIds: Record<string, string> = {};
let xinjiangId: string;

/* eslint-disable @typescript-eslint/no-explicit-any -- each route has its own params type; answers are read as loose JSON */
type Handler = (request: NextRequest, context: { params: Promise<any> }) => Promise<Response>;
type Json = Record<string, any>;
/* eslint-enable @typescript-eslint/no-explicit-any */
type RouteModule = Partial<Record<"GET" | "POST" | "PATCH", Handler>>;
/** The route file under app/api/v1, imported after the test database is the app's (lib/db.ts reads globalThis.prisma). */
const routes: Record<string, () => Promise<RouteModule>> = {
  programs: () => import("@/app/api/v1/programs/route"),
  "programs/[programId]": () => import("@/app/api/v1/programs/[programId]/route"),
  "programs/[programId]/posts": () => import("@/app/api/v1/programs/[programId]/posts/route"),
  doctors: () => import("@/app/api/v1/doctors/route"),
  "doctors/[doctorId]": () => import("@/app/api/v1/doctors/[doctorId]/route"),
  "doctors/import": () => import("@/app/api/v1/doctors/import/route"),
  "programs/[programId]/rules": () => import("@/app/api/v1/programs/[programId]/rules/route"),
  "posts/[postId]": () => import("@/app/api/v1/posts/[postId]/route"),
  "posts/[postId]/screening": () => import("@/app/api/v1/posts/[postId]/screening/route"),
  "posts/[postId]/eligibility/[doctorId]": () => import("@/app/api/v1/posts/[postId]/eligibility/[doctorId]/route"),
  "openapi.json": () => import("@/app/api/v1/openapi.json/route"),
  "[...rest]": () => import("@/app/api/v1/[...rest]/route"),
};
const route = (file: string) => routes[file]!();

async function call(file: string, method: "GET" | "POST" | "PATCH", options: { token?: string | null; url?: string; body?: unknown; rawBody?: string; params?: Record<string, unknown>; headers?: Record<string, string> } = {}) {
  const handler = (await route(file))[method]!;
  const headers: Record<string, string> = { "content-type": "application/json", ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const request = new NextRequest(`http://localhost/api/v1${options.url ?? ""}`, { method, headers, body });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  return { status: response.status, type: response.headers.get("content-type") ?? "", json: JSON.parse(text) as Json };
}

async function writes() {
  const [programs, posts, doctors, auditRows] = await Promise.all([db.prisma.program.count(), db.prisma.post.count(), db.prisma.doctor.count(), db.prisma.auditLog.count()]);
  return { programs, posts, doctors, auditRows };
}

beforeAll(async () => {
  db = await createTestDatabase();
  (globalThis as { prisma?: unknown }).prisma = db.prisma;
  await seedDemoData(db.prisma);
  for (const user of await db.prisma.user.findMany()) userIds[user.username] = user.id;
  const admin = await db.prisma.user.findUniqueOrThrow({ where: { username: "admin" } });
  const wzAdmin = await db.prisma.user.findUniqueOrThrow({ where: { username: "wz-admin" } });
  const adminScope = await buildScope(db.prisma, admin);
  const wzScope = await buildScope(db.prisma, wzAdmin);
  for (const name of ["admin", "nominator2", "staff"]) tokens[name] = (await issueApiToken(db.prisma, adminScope, { userId: userIds[name], name: "test" })).token;
  tokens["wz-admin"] = (await issueApiToken(db.prisma, wzScope, { userId: userIds["wz-admin"], name: "test" })).token;
  xinjiangId = (await db.prisma.program.findFirstOrThrow({ where: { bureau: { name: "浙江省绍兴市卫生健康委员会" } }, orderBy: { createdAt: "asc" } })).id;
});
afterAll(async () => {
  await db.drop();
});

describe("programmes and posts", () => {
  it("an administrator's token lists, reads and creates programmes", async () => {
    const list = await call("programs", "GET", { token: tokens.admin, url: "/programs?page=1" });
    expect(list.status).toBe(200);
    expect(list.json.rows.map((p: { id: string }) => p.id)).toContain(xinjiangId);
    const one = await call("programs/[programId]", "GET", { token: tokens.admin, params: { programId: xinjiangId } });
    expect(one.status).toBe(200);
    expect(one.json.id).toBe(xinjiangId);
    const created = await call("programs", "POST", { token: tokens.admin, body: { kind: "OTHER", name: "API 测试项目", year: 2027, serviceMonths: 6, rotationBatches: 1, template: "blank" } });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ name: "API 测试项目", status: "DRAFT" });
    expect(await db.prisma.auditLog.count({ where: { action: "program.create", entityId: created.json.id, actorId: userIds.admin } })).toBe(1);
    const posts = await call("programs/[programId]/posts", "GET", { token: tokens.admin, params: { programId: xinjiangId } });
    expect(posts.status).toBe(200);
    expect(posts.json.rows.length).toBe(14);
  });

  it("a bad body is a 422 with field errors; malformed JSON a 400; nothing written", async () => {
    const before = await writes();
    const bad = await call("programs", "POST", { token: tokens.admin, body: { kind: "NOPE", name: "", year: "soon" } });
    expect(bad.status).toBe(422);
    expect(bad.json.error.code).toBe("validation");
    expect(Object.keys(bad.json.error.fieldErrors)).toEqual(expect.arrayContaining(["kind", "name", "year"]));
    const malformed = await call("programs", "POST", { token: tokens.admin, rawBody: "{not json" });
    expect(malformed.status).toBe(400);
    expect(malformed.json.error.code).toBe("badRequest");
    expect(await writes()).toEqual(before);
  });

  it("Wanzhou's administrator cannot see a Shaoxing programme: 404, as on the page; editing it is forbidden", async () => {
    const read = await call("programs/[programId]", "GET", { token: tokens["wz-admin"], params: { programId: xinjiangId } });
    expect(read.status).toBe(404);
    expect(read.json.error.code).toBe("notFound");
    const posts = await call("programs/[programId]/posts", "GET", { token: tokens["wz-admin"], params: { programId: xinjiangId } });
    expect(posts.status).toBe(404);
    const before = await writes();
    const edit = await call("programs/[programId]", "PATCH", { token: tokens["wz-admin"], params: { programId: xinjiangId }, body: { kind: "OTHER", name: "改名", year: 2026, serviceMonths: 6, rotationBatches: 1 }, headers: { "if-match": '"1"' } });
    expect(edit.status).toBe(404); // as a missing programme (issue 12)
    expect(await writes()).toEqual(before);
  });
  it("creates and edits a post of a draft programme; a bad post is a 422 with field errors", async () => {
    const program = await call("programs", "POST", { token: tokens.admin, body: { kind: "OTHER", name: "API 岗位测试", year: 2027, serviceMonths: 6, rotationBatches: 2, template: "blank" } });
    const receiving = await db.prisma.organization.findFirstOrThrow({ where: { kind: "RECEIVING_HOSPITAL", isActive: true } });
    const fields = { receivingOrgId: receiving.id, title: "心内科医师", specialty: "心血管内科", headcount: 2, rotationBatch: 1 };
    const created = await call("programs/[programId]/posts", "POST", { token: tokens.admin, params: { programId: program.json.id }, body: fields });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ programId: program.json.id, headcount: 2 });
    const edited = await call("posts/[postId]", "PATCH", { token: tokens.admin, params: { postId: created.json.id }, body: { ...fields, headcount: 3 }, headers: { "if-match": `"${created.json.version}"` } });
    expect(edited.status).toBe(200);
    expect(edited.json).toMatchObject({ headcount: 3, version: created.json.version + 1 });
    const bad = await call("posts/[postId]", "PATCH", { token: tokens.admin, params: { postId: created.json.id }, body: { ...fields, headcount: 0, rotationBatch: 9 }, headers: { "if-match": `"${edited.json.version}"` } });
    expect(bad.status).toBe(422);
    expect(bad.json.error.fieldErrors).toHaveProperty("headcount");
    expect((await db.prisma.post.findUniqueOrThrow({ where: { id: created.json.id } })).headcount).toBe(3);
    const staffRefused = await call("posts/[postId]", "PATCH", { token: tokens.nominator2, params: { postId: created.json.id }, body: fields });
    expect(staffRefused.status).toBe(403);
  });
});

describe("doctors", () => {
  it("a nominator's token lists only its hospital's doctors and is refused creating a programme (403, nothing written)", async () => {
    const zjrm = await db.prisma.organization.findFirstOrThrow({ where: { name: "诸暨市人民医院" } });
    const list = await call("doctors", "GET", { token: tokens.nominator2, url: "/doctors?page=1" });
    expect(list.status).toBe(200);
    expect(list.json.total).toBe(await db.prisma.doctor.count({ where: { employerId: zjrm.id } }));
    expect(list.json.rows.every((d: { employerId: string }) => d.employerId === zjrm.id)).toBe(true);
    const before = await writes();
    const refused = await call("programs", "POST", { token: tokens.nominator2, body: { kind: "OTHER", name: "不该有", year: 2027, serviceMonths: 6, rotationBatches: 1, template: "x" } });
    expect(refused.status).toBe(403);
    expect(refused.type).toContain("application/json");
    expect(refused.json.error.code).toBe("forbidden");
    expect(await writes()).toEqual(before);
    const other = await db.prisma.doctor.findFirstOrThrow({ where: { employerId: { not: zjrm.id } } });
    expect((await call("doctors/[doctorId]", "GET", { token: tokens.nominator2, params: { doctorId: other.id } })).status).toBe(404);
  });

  it("imports rows as JSON: a dry run writes nothing, a commit writes them", async () => {
    const row = { name: "接口导入", sex: "男", ethnicity: "汉族", birthDate: "1980-05-12", idNumber: composeIdNumber("330681", "1980-05-12", 357), education: "本科", employer: "诸暨市人民医院", department: "心血管内科", specialty: "心血管内科" };
    const before = await writes();
    const dry = await call("doctors/import", "POST", { token: tokens.nominator2, url: "/doctors/import?dryRun=1", body: { rows: [row] } });
    expect(dry.status).toBe(200);
    expect(dry.json).toMatchObject({ committed: false, counts: { rows: 1, create: 1, withProblems: 0 } });
    expect(await writes()).toEqual(before);
    const unknownKey = await call("doctors/import", "POST", { token: tokens.nominator2, body: { rows: [{ ...row, nickname: "x" }] } });
    expect(unknownKey.status).toBe(422);
    const commit = await call("doctors/import", "POST", { token: tokens.nominator2, url: "/doctors/import", body: { rows: [row] } });
    expect(commit.status).toBe(200);
    expect(commit.json.committed).toBe(true);
    expect(await db.prisma.doctor.count({ where: { idNumber: row.idNumber } })).toBe(1);
  });

  it("editing a doctor with a bad body is a 422 naming the fields, and changes nothing", async () => {
    const zjrm = await db.prisma.organization.findFirstOrThrow({ where: { name: "诸暨市人民医院" } });
    const doctor = await db.prisma.doctor.findFirstOrThrow({ where: { employerId: zjrm.id } });
    const response = await call("doctors/[doctorId]", "PATCH", { token: tokens.nominator2, params: { doctorId: doctor.id }, body: { name: "", idNumber: "123" }, headers: { "if-match": `"${doctor.version}"` } });
    expect(response.status).toBe(422);
    expect(Object.keys(response.json.error.fieldErrors)).toEqual(expect.arrayContaining(["name", "idNumber"]));
    expect(await db.prisma.doctor.findUniqueOrThrow({ where: { id: doctor.id } })).toEqual(doctor);
  });
});

describe("eligibility rules", () => {
  it("lists a programme's rules; saves a new rule and its next version; a bad tree is a 422; others are refused", async () => {
    const xinjiang = await call("programs/[programId]/rules", "GET", { token: tokens.admin, params: { programId: xinjiangId } });
    expect(xinjiang.status).toBe(200);
    expect(xinjiang.json.rules.length).toBeGreaterThan(0);
    expect((await call("programs/[programId]/rules", "GET", { token: tokens["wz-admin"], params: { programId: xinjiangId } })).status).toBe(404);

    const program = await call("programs", "POST", { token: tokens.admin, body: { kind: "OTHER", name: "API 规则测试", year: 2027, serviceMonths: 6, rotationBatches: 1, template: "blank" } });
    const params = { programId: program.json.id };
    const tree = { op: "ALL", children: [{ op: "leaf", kind: "educationAtLeast", level: "BACHELOR" }] };
    const created = await call("programs/[programId]/rules", "POST", { token: tokens.admin, params, body: { name: "本科及以上", tree } });
    expect(created.status).toBe(200);
    expect(created.json).toMatchObject({ programId: program.json.id, postId: null, version: 1, tree });
    const next = await call("programs/[programId]/rules", "POST", { token: tokens.admin, params, body: { id: created.json.id, version: 1, name: "本科以上", tree } });
    expect(next.json.version).toBe(2);

    const before = await writes();
    const bad = await call("programs/[programId]/rules", "POST", { token: tokens.admin, params, body: { name: "坏规则", tree: { op: "ALL", children: [{ op: "leaf", kind: "nope" }] } } });
    expect(bad.status).toBe(422);
    expect(bad.json.error.fieldErrors).toBeTruthy();
    const refused = await call("programs/[programId]/rules", "POST", { token: tokens.nominator2, params, body: { name: "x", tree } });
    expect(refused.status).toBe(403);
    expect(await writes()).toEqual(before);
  });
});

describe("eligibility", () => {
  it("screens a post's doctors by verdict and evaluates one doctor", async () => {
    const post = await db.prisma.post.findFirstOrThrow({ where: { programId: xinjiangId } });
    const screening = await call("posts/[postId]/screening", "GET", { token: tokens.admin, url: `/posts/${post.id}/screening?verdict=ELIGIBLE&page=1`, params: { postId: post.id } });
    expect(screening.status).toBe(200);
    expect(screening.json.page.rows.every((r: { verdict: string }) => r.verdict === "ELIGIBLE")).toBe(true);
    const doctor = await db.prisma.doctor.findFirstOrThrow();
    const one = await call("posts/[postId]/eligibility/[doctorId]", "GET", { token: tokens.admin, params: { postId: post.id, doctorId: doctor.id } });
    expect(one.status).toBe(200);
    expect(["ELIGIBLE", "INELIGIBLE", "UNKNOWN"]).toContain(one.json.verdict);
  });
});

describe("authentication and errors", () => {
  it("revoked, expired and unknown tokens are a JSON 401; no token at all too", async () => {
    const admin = await db.prisma.user.findUniqueOrThrow({ where: { username: "admin" } });
    const scope = await buildScope(db.prisma, admin);
    const revoked = await issueApiToken(db.prisma, scope, { userId: admin.id, name: "old" });
    await revokeApiToken(db.prisma, scope, { id: revoked.id });
    const expired = await issueApiToken(db.prisma, scope, { userId: admin.id, name: "exp", expiresOn: "2099-01-01" });
    await db.prisma.apiToken.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    for (const token of [revoked.token, expired.token, "mdt_unknown"]) {
      const response = await call("programs", "GET", { token, url: "/programs" });
      expect(response.status).toBe(401);
      expect(response.json.error.code).toBe("unauthenticated");
    }
  });

  it("an unknown /api/v1 path is a JSON 404 for any caller, even one without most permissions", async () => {
    const response = await call("[...rest]", "GET", { token: tokens.nominator2, url: "/nothing/here", params: { rest: ["nothing", "here"] } });
    expect(response.status).toBe(404);
    expect(response.json.error.code).toBe("notFound");
    expect((await call("[...rest]", "POST", { token: "mdt_unknown", url: "/x", params: { rest: ["x"] } })).status).toBe(401);
  });
});

describe("the OpenAPI document", () => {
  const apiDir = path.join(process.cwd(), "app/api/v1");
  const walk = (dir: string): string[] => readdirSync(dir).flatMap((e) => (statSync(path.join(dir, e)).isDirectory() ? walk(path.join(dir, e)) : [path.join(dir, e)]));
  // The catch-all only answers 404 for paths that are not routes: it is no operation to document.
  const routeFiles = walk(apiDir).filter((f) => f.endsWith("route.ts") && !f.includes("[...rest]"));

  it("is OpenAPI 3.1 JSON and documents every route file under app/api/v1 with each method it exports", async () => {
    const response = await call("openapi.json", "GET", { token: tokens.staff, url: "/openapi.json" });
    expect(response.status).toBe(200);
    expect(response.json.openapi).toBe("3.1.0");
    expect(routeFiles.length).toBeGreaterThan(10);
    const missing: string[] = [];
    for (const file of routeFiles) {
      const apiPath = "/" + path.relative(apiDir, path.dirname(file)).split(path.sep).map((s) => s.replace(/^\[(\w+)\]$/, "{$1}")).join("/");
      const methods = [...readFileSync(file, "utf8").matchAll(/export const (GET|POST|PATCH|PUT|DELETE)\b/g)].map((m) => m[1]!.toLowerCase());
      expect(methods.length).toBeGreaterThan(0);
      for (const method of methods) if (!response.json.paths?.[apiPath]?.[method]) missing.push(`${method.toUpperCase()} ${apiPath}`);
    }
    expect(missing).toEqual([]);
  });
});
