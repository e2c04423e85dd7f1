// Performance (issue 17): a signed-in request reads its session, user, organisation, unread count and
// scope in ONE SQL query (lib/server/sessions.ts resolveSession), whatever page or route it is. Counted
// with Prisma's query event on the app's client, through next-auth's real getServerSession and the
// app's jwt/session callbacks (only the request's cookie is handed to next-auth directly, where in
// Next.js its getServerSession reads it from next/headers).
// The counts are of statements, never of time.
import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/prisma";
import { authenticate } from "@/lib/server/authentication";
import { DEMO_PASSWORD, seedDemoData } from "@/prisma/seed";
import { createTestDatabase, type TestDatabase } from "./setup/db";

/** The target: session row, user, organisation, unread count and scope together. */
const SESSION_QUERIES = 1;

const request = vi.hoisted(() => ({ cookie: "" }));
vi.mock("next-auth", async (importOriginal) => {
  const real = await importOriginal<typeof import("next-auth")>();
  const response = { getHeader() {}, setCookie() {}, setHeader() {} };
  return {
    ...real,
    // getServerSession(options) as a page calls it, with the request's cookie given in its (req, res, options) form.
    getServerSession: (options: Parameters<typeof real.getServerSession>[0]) =>
      real.getServerSession({ headers: { host: "localhost:3000" }, cookies: request.cookie ? { "next-auth.session-token": request.cookie } : {} } as never, response as never, options as never),
  };
});

const SECRET = "request-queries-test-secret";
let db: TestDatabase;
let counted: PrismaClient;
let statements: string[] = [];

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET = SECRET;
  process.env.NEXTAUTH_URL = "http://localhost:3000";
  db = await createTestDatabase();
  await seedDemoData(db.prisma);
  counted = createPrismaClient(db.url, { maxConnections: 2, onQuery: (sql) => statements.push(sql) });
  (globalThis as { prisma?: unknown }).prisma = counted;
});
afterAll(async () => {
  await counted?.$disconnect();
  await db?.drop();
});
beforeEach(() => {
  statements = [];
});

async function signIn(username: string): Promise<string> {
  const result = await authenticate(db.prisma, { username, password: DEMO_PASSWORD }, "203.0.113.9");
  if (!result.ok) throw new Error(`sign-in failed for ${username}`);
  return encode({ token: { uid: result.user.id, sid: result.sessionId, loginAt: Date.now(), name: username }, secret: SECRET });
}

async function counting<T>(run: () => Promise<T>): Promise<{ value: T; queries: string[] }> {
  statements = [];
  const value = await run();
  return { value, queries: [...statements] };
}

describe("a signed-in page", () => {
  it("finds the user, the scope and the bell's count in one query", async () => {
    request.cookie = await signIn("staff");
    const { requirePermission } = await import("@/lib/server/page-guard");
    const { contextOfUser } = await import("@/lib/auth/session-context");
    // What a page and the shell layout ask for: the guard (user + scope) and the unread count.
    const { value, queries } = await counting(async () => {
      const { user, scope } = await requirePermission("application.read");
      return { user, scope, unread: contextOfUser(user)?.unread };
    });
    expect(value.user.username).toBe("staff");
    expect(value.scope.subtreeIds).toContain(value.user.organizationId);
    expect(value.scope.ancestorIds[0]).toBe(value.user.organizationId);
    expect(value.unread).toBeTypeOf("number");
    expect(queries, queries.join("\n")).toHaveLength(SESSION_QUERIES);
  });

  it("reads the same scope and count as the separate queries it replaces", async () => {
    request.cookie = await signIn("wz-admin");
    const { requirePermission } = await import("@/lib/server/page-guard");
    const { contextOfUser } = await import("@/lib/auth/session-context");
    const { buildScope } = await import("@/lib/server/organization-tree");
    const { unreadCount } = await import("@/lib/server/notification-inbox");
    const { user, scope } = await requirePermission("application.read");
    const separate = await buildScope(db.prisma, user);
    expect([...scope.subtreeIds].sort()).toEqual([...separate.subtreeIds].sort());
    expect(scope.ancestorIds).toEqual(separate.ancestorIds);
    expect(contextOfUser(user)?.unread).toBe(await unreadCount(db.prisma, user.id));
  });

  it("a signed-out cookie finds nobody, and a deactivated account is signed out", async () => {
    const { getSessionUser } = await import("@/lib/auth/session");
    request.cookie = "";
    expect(await getSessionUser()).toBeNull();
    request.cookie = await signIn("auditor");
    expect((await getSessionUser())?.username).toBe("auditor");
    await db.prisma.user.update({ where: { username: "auditor" }, data: { isActive: false } });
    expect(await getSessionUser()).toBeNull();
  });
});

describe("a signed-in API request", () => {
  it("GET /api/v1/me: one query for session, user and scope, then the route's own", async () => {
    request.cookie = await signIn("admin");
    const { GET } = await import("@/app/api/v1/me/route");
    const { getOwnAccount } = await import("@/lib/server/users");
    const { loadScope } = await import("@/lib/server/scope");
    const { getSessionUser } = await import("@/lib/auth/session");
    const call = () => GET(new NextRequest("http://localhost:3000/api/v1/me", { headers: { cookie: `next-auth.session-token=${request.cookie}` } }), { params: Promise.resolve({}) });
    const { value: response, queries } = await counting(call);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { username: string }).username).toBe("admin");
    // The route's own queries, counted alone.
    const scope = await loadScope((await getSessionUser())!);
    const own = await counting(() => getOwnAccount(counted, scope));
    expect(queries.length - own.queries.length, queries.join("\n")).toBe(SESSION_QUERIES);
  });
});
