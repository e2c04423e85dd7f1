// Security: sessions (issue 12). The server refuses a session idle longer than 30 minutes, ended by
// sign-out, or past 12 hours, whatever the cookie says, on every instance (the session row is in
// PostgreSQL); /api/auth/session says nothing about a signed-out token.
import { encode } from "next-auth/jwt";
import NextAuth from "next-auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ABSOLUTE_LIFETIME_SECONDS, IDLE_TIMEOUT_SECONDS } from "@/lib/auth/session-policy";
import { authenticate, endAllSessions } from "@/lib/server/authentication";
import { touchSession } from "@/lib/server/sessions";
import { DEMO_PASSWORD, seedDemoData } from "@/prisma/seed";
import { createTestDatabase, type TestDatabase } from "./setup/db";

let db: TestDatabase;
const SECRET = "security-sessions-test-secret";
const MIN = 60_000;

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET = SECRET;
  process.env.NEXTAUTH_URL = "http://localhost:3000";
  db = await createTestDatabase();
  (globalThis as { prisma?: unknown }).prisma = db.prisma;
  await seedDemoData(db.prisma);
});
afterAll(async () => {
  await db?.drop();
});

async function signIn(username: string, at: Date) {
  const result = await authenticate(db.prisma, { username, password: DEMO_PASSWORD }, "203.0.113.1", at);
  if (!result.ok) throw new Error("sign-in failed");
  return { uid: result.user.id, sid: result.sessionId, loginAt: at.getTime() };
}

describe("the idle timeout is the server's", () => {
  it("a session unused for 31 minutes is refused, whatever the token says", async () => {
    const t0 = new Date("2026-12-03T01:00:00Z");
    const claims = await signIn("staff", t0);
    expect(await touchSession(db.prisma, claims, new Date(t0.getTime() + 29 * MIN))).toBe("live");
    const other = await signIn("auditor", t0);
    expect(await touchSession(db.prisma, other, new Date(t0.getTime() + 31 * MIN))).toBe("ended");
    // Ended for good: coming back a minute later does not revive it.
    expect(await touchSession(db.prisma, other, new Date(t0.getTime() + 32 * MIN))).toBe("ended");
    expect(IDLE_TIMEOUT_SECONDS).toBe(30 * 60);
  });

  it("activity slides the limit: used every 20 minutes, a session lives on", async () => {
    const t0 = new Date("2026-12-03T02:00:00Z");
    const claims = await signIn("nominator", t0);
    for (let m = 20; m <= 200; m += 20) expect(await touchSession(db.prisma, claims, new Date(t0.getTime() + m * MIN))).toBe("live");
    expect(await touchSession(db.prisma, claims, new Date(t0.getTime() + 231 * MIN))).toBe("ended");
  });

  it("the 12-hour limit holds even for a busy session", async () => {
    const t0 = new Date("2026-12-03T03:00:00Z");
    const claims = await signIn("receiver", t0);
    for (let m = 25; m < 12 * 60; m += 25) await touchSession(db.prisma, claims, new Date(t0.getTime() + m * MIN));
    expect(await touchSession(db.prisma, { ...claims, loginAt: Date.now() - ABSOLUTE_LIFETIME_SECONDS * 1000 - 1 }, new Date())).toBe("ended");
  });

  it("a forged token (another user's session id, an unknown one, none) is refused", async () => {
    const t0 = new Date();
    const staff = await signIn("staff", t0);
    const admin = await signIn("admin", t0);
    expect(await touchSession(db.prisma, { ...staff, sid: admin.sid }, t0)).toBe("ended");
    expect(await touchSession(db.prisma, { ...staff, sid: "c000000000000000000000000" }, t0)).toBe("ended");
    expect(await touchSession(db.prisma, { uid: staff.uid, loginAt: staff.loginAt }, t0)).toBe("ended");
  });

  it("signing out ends every session of the user", async () => {
    const t0 = new Date();
    const a = await signIn("wz-admin", t0);
    const b = await signIn("wz-admin", t0);
    await endAllSessions(db.prisma, a.uid, "auth.logout", new Date(t0.getTime() + 1000));
    expect(await touchSession(db.prisma, a, new Date(t0.getTime() + 2000))).toBe("ended");
    expect(await touchSession(db.prisma, b, new Date(t0.getTime() + 2000))).toBe("ended");
  });
});

describe("/api/auth/session", () => {
  async function sessionEndpoint(token: Record<string, unknown>) {
    // next-auth's own handler for GET /api/auth/session, with the app's options (callbacks included).
    const { authOptions } = await import("@/lib/auth/options");
    const cookie = await encode({ token, secret: SECRET });
    // next-auth's API handler in its (req, res) form: the same core and callbacks as the app route.
    let sent: unknown;
    const headers: Record<string, string[]> = {};
    const res = {
      status: () => res,
      getHeader: (name: string) => headers[name.toLowerCase()],
      setHeader: (name: string, value: string | string[]) => {
        headers[name.toLowerCase()] = Array.isArray(value) ? value : [value];
        return res;
      },
      send: (body: unknown) => (sent = body),
      json: (body: unknown) => (sent = body),
      end: () => undefined,
    };
    const req = { method: "GET", query: { nextauth: ["session"] }, cookies: { "next-auth.session-token": cookie }, headers: { host: "localhost:3000" }, body: {} };
    await NextAuth(req as never, res as never, { ...authOptions, secret: SECRET });
    return { body: sent as Record<string, unknown>, setCookie: (headers["set-cookie"] ?? []).join(" ") };
  }

  it("answers the user id for a live session", async () => {
    const claims = await signIn("staff", new Date());
    const { body } = await sessionEndpoint({ ...claims, name: "x" });
    expect(body.userId).toBe(claims.uid);
  });

  it("answers nothing for a signed-out token, and clears the cookie", async () => {
    const claims = await signIn("auditor", new Date());
    await endAllSessions(db.prisma, claims.uid, "auth.logout", new Date(Date.now() + 1000));
    const { body, setCookie } = await sessionEndpoint({ ...claims, name: "x" });
    expect(body).toEqual({});
    expect(JSON.stringify(body)).not.toContain(claims.uid);
    expect(setCookie).toMatch(/next-auth\.session-token=;/);
  });

  it("answers nothing for a token idle beyond 30 minutes", async () => {
    const claims = await signIn("nominator2", new Date(Date.now() - 31 * MIN));
    const { body } = await sessionEndpoint({ ...claims, name: "x" });
    expect(body).toEqual({});
  });
});
