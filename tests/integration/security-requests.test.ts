// Security: requests a browser can be made to send (issue 12). A write to /api/v1 carrying the
// browser's session is accepted only as JSON and only from this site's own pages (a same-origin
// Origin); another site's page posting text/plain, or anything with a foreign or missing Origin, is
// refused before the route runs and changes nothing. Bearer tokens are exempt (no browser sends one
// on its own). The same comparison guards server actions in proxy.ts (403, where Next.js answers 500).
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { sessionUserInclude, toSessionUser } from "@/lib/auth/session-user";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashToken } from "@/lib/server/api-tokens";
import { seedDemoData } from "@/prisma/seed";
import { proxy } from "@/proxy";
import { createTestDatabase, type TestDatabase } from "./setup/db";

const holder = vi.hoisted(() => ({ prisma: undefined as unknown as PrismaClient, user: null as SessionUser | null }));
vi.mock("@/lib/db", () => ({ get prisma() { return holder.prisma; } }));
vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => holder.user }));

let db: TestDatabase;
let token: string;
const HOST = "127.0.0.1:3000";
const SITE = `http://${HOST}`;
const body = (name: string) => JSON.stringify({ kind: "OTHER", name, year: 2027, serviceMonths: 6, rotationBatches: 1, template: "blank" });

beforeAll(async () => {
  db = await createTestDatabase();
  holder.prisma = db.prisma;
  await seedDemoData(db.prisma);
  const admin = await db.prisma.user.findUniqueOrThrow({ where: { username: "admin" }, include: sessionUserInclude });
  holder.user = toSessionUser(admin);
  token = "mdt_requests_" + "y".repeat(24);
  await db.prisma.apiToken.create({ data: { userId: admin.id, name: "requests", prefix: token.slice(0, 8), tokenHash: hashToken(token), createdById: admin.id } });
});
afterAll(async () => {
  await db?.drop();
});

async function createProgram(headers: Record<string, string>, payload: string) {
  const { POST } = await import("@/app/api/v1/programs/route");
  const response = await POST(new NextRequest(`${SITE}/api/v1/programs`, { method: "POST", headers: { host: HOST, "accept-language": "en", ...headers }, body: payload }), { params: Promise.resolve({}) });
  const json = (await response.json()) as { error?: { key?: string; message?: string } };
  return { status: response.status, json };
}

const programs = () => db.prisma.program.count();

describe("cookie-authenticated API writes", () => {
  it("refuses text/plain from another site's page, a foreign or missing Origin, and changes nothing", async () => {
    const before = await programs();
    const crossSiteForm = await createProgram({ "content-type": "text/plain", origin: "https://evil.example" }, body("跨站表单"));
    expect(crossSiteForm.status).toBe(403);
    expect(crossSiteForm.json.error?.key).toBe("crossSiteRefused");
    expect(crossSiteForm.json.error?.message).toMatch(/this site's own pages/);
    expect((await createProgram({ "content-type": "application/json", origin: "https://evil.example" }, body("外站 JSON"))).status).toBe(403);
    expect((await createProgram({ "content-type": "application/json", origin: "null" }, body("沙箱页面"))).status).toBe(403);
    expect((await createProgram({ "content-type": "application/json", origin: `http://${HOST}.evil.example` }, body("相似域名"))).status).toBe(403);
    expect((await createProgram({ "content-type": "application/json" }, body("无来源"))).status).toBe(403);
    const plain = await createProgram({ "content-type": "text/plain", origin: SITE }, body("同站纯文本"));
    expect(plain.status).toBe(415);
    expect(plain.json.error?.key).toBe("jsonRequired");
    expect(await programs()).toBe(before);
  });

  it("accepts JSON from this site's pages", async () => {
    const ok = await createProgram({ "content-type": "application/json; charset=utf-8", origin: SITE }, body("同站写入"));
    expect(ok.status).toBe(201);
  });

  it("an upload takes multipart from this site's pages, and nothing else", async () => {
    const { POST } = await import("@/app/api/v1/applications/[applicationId]/attachments/route");
    const call = (headers: Record<string, string>, payload: BodyInit) =>
      POST(new NextRequest(`${SITE}/api/v1/applications/none/attachments`, { method: "POST", headers: { host: HOST, ...headers }, body: payload }), { params: Promise.resolve({ applicationId: "none" }) });
    const form = new FormData();
    form.set("kind", "OTHER");
    expect((await call({ origin: "https://evil.example" }, form)).status).toBe(403);
    expect((await call({ origin: SITE, "content-type": "application/json" }, "{}")).status).toBe(415);
    // Past the check: the route itself answers (no file in the form).
    expect((await call({ origin: SITE }, form)).status).toBe(422);
  });

  it("reads need no Origin, and bearer tokens are exempt", async () => {
    const { GET } = await import("@/app/api/v1/programs/route");
    expect((await GET(new NextRequest(`${SITE}/api/v1/programs`, { headers: { host: HOST } }), { params: Promise.resolve({}) })).status).toBe(200);
    const viaToken = await createProgram({ authorization: `Bearer ${token}`, "content-type": "application/json" }, body("接口令牌写入"));
    expect(viaToken.status).toBe(201);
  });
});

describe("server actions and pages (proxy.ts)", () => {
  const page = (headers: Record<string, string>, method = "POST") => proxy(new NextRequest(`${SITE}/programs`, { method, headers: { host: HOST, ...headers }, body: method === "POST" ? "[]" : undefined }));

  it("refuses a server action from another site's page with 403, not Next's 500", async () => {
    const refused = page({ "next-action": "7f00aa", origin: "https://evil.example", "content-type": "text/plain;charset=UTF-8" });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toMatch(/another site/);
    expect(page({ origin: "https://evil.example", "content-type": "multipart/form-data; boundary=x" }).status).toBe(403);
    expect(page({ "next-action": "7f00aa", origin: "null" }).status).toBe(403);
  });

  it("lets this site's server actions through, with the policy on every page", () => {
    const allowed = page({ "next-action": "7f00aa", origin: SITE });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get("x-middleware-next")).toBe("1");
    const viewed = page({}, "GET");
    const policy = viewed.headers.get("content-security-policy") ?? "";
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'/);
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
    // A fresh nonce per request, handed to Next.js on the request so that its scripts carry it.
    const nonce = /'nonce-([^']+)'/.exec(policy)![1];
    expect(/'nonce-([^']+)'/.exec(page({}, "GET").headers.get("content-security-policy")!)![1]).not.toBe(nonce);
    expect(viewed.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
    expect(viewed.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
  });
});
