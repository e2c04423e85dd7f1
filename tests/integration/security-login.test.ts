// Security: sign-in under attack (issue 12) against real PostgreSQL, with two Prisma clients (two
// pools) standing for two instances of the app: the lock-out counted atomically, attempt limits per
// address and per account shared by every instance, bcrypt off the event loop and compatible with
// bcryptjs hashes, a dummy hash for unknown and locked accounts, hostile bytes refused, bearer-token
// guesses limited.
import { performance as nodePerformance } from "node:perf_hooks";
import bcryptjs from "bcryptjs";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_FAILED_LOGINS } from "@/lib/auth/lockout";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { signInErrorCode } from "@/lib/auth/sign-in-errors";
import { createPrismaClient, type PrismaClient } from "@/lib/prisma";
import { attemptKey, BEARER_FAILURES_PER_ADDRESS, SIGNIN_PER_ACCOUNT, SIGNIN_PER_ADDRESS } from "@/lib/server/attempts";
import { admitSignIn, authenticate } from "@/lib/server/authentication";
import { DEMO_PASSWORD, seedDemoData } from "@/prisma/seed";
import { createTestDatabase, type TestDatabase } from "./setup/db";

let db: TestDatabase;
/** The second instance: its own pool on the same database. */
let other: PrismaClient;
const IP = "198.51.100.20";

beforeAll(async () => {
  db = await createTestDatabase();
  (globalThis as { prisma?: unknown }).prisma = db.prisma;
  await seedDemoData(db.prisma);
  other = db.isEmbedded ? db.prisma : createPrismaClient(db.url, { maxConnections: 5 });
});
afterAll(async () => {
  if (other !== db.prisma) await other?.$disconnect();
  await db?.drop();
});

const count = (action: string, entityId?: string) => db.prisma.auditLog.count({ where: { action, ...(entityId ? { entityId } : {}) } });

describe("the lock-out under parallel failures", () => {
  it("50 parallel wrong passwords on two instances lock the account after exactly 5, with one lock-out row, every attempt audited", async () => {
    const user = await db.prisma.user.findUniqueOrThrow({ where: { username: "nominator" } });
    const now = new Date();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => authenticate(i % 2 ? other : db.prisma, { username: "nominator", password: `wrong-${i}` }, IP, now)),
    );
    expect(results.every((r) => !r.ok)).toBe(true);
    const after = await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.lockedUntil).not.toBeNull();
    expect(after.lockedUntil!.getTime()).toBeGreaterThan(now.getTime());
    expect(await count("auth.login_failed", user.id)).toBe(MAX_FAILED_LOGINS);
    expect(await count("auth.lockout", user.id)).toBe(1);
    expect(await count("auth.login_failed", user.id) + (await count("auth.login_refused_locked", user.id))).toBe(50);
    // Locked: the right password is refused too.
    expect((await authenticate(db.prisma, { username: "nominator", password: DEMO_PASSWORD }, IP)).ok).toBe(false);
  }, 120_000);
});

describe("attempt limits per address and per account, in PostgreSQL", () => {
  it("admits exactly the limit for one account across two instances, then answers with a wait, audited", async () => {
    const now = new Date("2026-12-03T02:00:00Z");
    const verdicts = await Promise.all(
      Array.from({ length: SIGNIN_PER_ACCOUNT.max + 8 }, (_, i) => admitSignIn(i % 2 ? other : db.prisma, { username: "Staff", ip: `203.0.113.${i}` }, now)),
    );
    expect(verdicts.filter((v) => v.admitted)).toHaveLength(SIGNIN_PER_ACCOUNT.max);
    const refused = verdicts.filter((v) => !v.admitted);
    expect(refused).toHaveLength(8);
    for (const v of refused) expect(v).toEqual({ admitted: false, retryAfterSeconds: SIGNIN_PER_ACCOUNT.windowSeconds });
    expect(await count("auth.login_throttled")).toBe(8);
    // The window ends: admitted again.
    expect(await admitSignIn(db.prisma, { username: "staff", ip: IP }, new Date(now.getTime() + SIGNIN_PER_ACCOUNT.windowSeconds * 1000 + 1))).toEqual({ admitted: true });
  });

  it("limits one address however many account names it tries", async () => {
    const now = new Date("2026-12-03T03:00:00Z");
    const address = "192.0.2.99";
    let admitted = 0;
    for (let i = 0; i < SIGNIN_PER_ADDRESS.max + 3; i++) if ((await admitSignIn(i % 2 ? other : db.prisma, { username: `name-${i}`, ip: address }, now)).admitted) admitted++;
    expect(admitted).toBe(SIGNIN_PER_ADDRESS.max);
    const later = await admitSignIn(db.prisma, { username: "another", ip: address }, new Date(now.getTime() + 60_000));
    expect(later).toEqual({ admitted: false, retryAfterSeconds: SIGNIN_PER_ADDRESS.windowSeconds - 60 });
  });

  it("successful sign-ins give their attempt back: a whole hospital behind one address signs in past the limit, and guesses still stop there", async () => {
    const now = new Date("2026-12-03T04:00:00Z");
    const address = "198.51.100.7";
    for (let i = 0; i < SIGNIN_PER_ADDRESS.max + 5; i++) {
      const username = i % 2 ? "staff" : "auditor";
      expect((await admitSignIn(db.prisma, { username, ip: address }, now)).admitted).toBe(true);
      expect((await authenticate(db.prisma, { username, password: DEMO_PASSWORD }, address, now)).ok).toBe(true);
    }
    let admitted = 0;
    for (let i = 0; i < SIGNIN_PER_ADDRESS.max + 3; i++) if ((await admitSignIn(db.prisma, { username: `guess-${i}`, ip: address }, now)).admitted) admitted++;
    expect(admitted).toBe(SIGNIN_PER_ADDRESS.max);
  }, 180_000); // 65 real bcrypt verifications: deliberately slow, more so on a loaded 2-core machine

  it("a successful sign-in clears its account's count", async () => {
    const now = new Date();
    for (let i = 0; i < 3; i++) await admitSignIn(db.prisma, { username: "auditor", ip: IP }, now);
    expect((await authenticate(db.prisma, { username: "auditor", password: DEMO_PASSWORD }, IP, now)).ok).toBe(true);
    expect(await db.prisma.attemptCounter.findUnique({ where: { key: attemptKey(SIGNIN_PER_ACCOUNT, "auditor") } })).toBeNull();
  });
});

describe("bearer-token guesses", () => {
  it("past the limit of wrong tokens from one address, 429 with Retry-After and a message, audited", async () => {
    const { GET } = await import("@/app/api/v1/programs/route");
    const call = (token: string) =>
      GET(new NextRequest("http://localhost/api/v1/programs", { headers: { authorization: `Bearer ${token}`, "x-forwarded-for": "192.0.2.200", "accept-language": "en" } }), { params: Promise.resolve({}) });
    for (let i = 0; i < BEARER_FAILURES_PER_ADDRESS.max; i++) expect((await call(`mdt_guess${i}`)).status).toBe(401);
    const refused = await call("mdt_guess-final");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await refused.json()).error.message).toMatch(/Too many/);
    expect(await count("auth.token_throttled")).toBeGreaterThanOrEqual(1);
  });
});

describe("password hashing", () => {
  it("verifies hashes made by bcryptjs (the existing accounts) and makes $2b$ hashes bcryptjs reads", async () => {
    const old = bcryptjs.hashSync("Old@2026", 10);
    expect(await verifyPassword("Old@2026", old)).toBe(true);
    expect(await verifyPassword("old@2026", old)).toBe(false);
    const fresh = await hashPassword("New@2026");
    expect(fresh.startsWith("$2b$12$")).toBe(true);
    expect(bcryptjs.compareSync("New@2026", fresh)).toBe(true);
    expect(await verifyPassword("x", "not a hash")).toBe(false);
  });

  it("runs off the main thread: 8 parallel verifications leave the event loop responsive", async () => {
    const hash = bcryptjs.hashSync("x", 12);
    const start = nodePerformance.eventLoopUtilization();
    await Promise.all(Array.from({ length: 8 }, () => verifyPassword("y", hash)));
    const { utilization } = nodePerformance.eventLoopUtilization(start);
    // bcryptjs kept the main thread busy for all of it (utilisation ~1); the native one waits idle.
    expect(utilization).toBeLessThan(0.3);
  });
});

describe("timing does not tell whether an account exists", () => {
  it("an unknown or locked account takes as long as a wrong password", async () => {
    const time = async (username: string) => {
      const start = performance.now();
      await authenticate(db.prisma, { username, password: "Wrong@2026" }, IP);
      return performance.now() - start;
    };
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const existing: number[] = [];
    const unknown: number[] = [];
    const locked: number[] = [];
    for (let i = 0; i < 3; i++) {
      existing.push(await time("receiver"));
      unknown.push(await time(`nobody-${i}`));
      locked.push(await time("nominator")); // locked by the first test
    }
    expect(median(unknown)).toBeGreaterThan(median(existing) * 0.5);
    expect(median(locked)).toBeGreaterThan(median(existing) * 0.5);
  });
});

describe("hostile input and error codes", () => {
  it("a user name with a NUL byte or a lone surrogate is refused without an exception", async () => {
    expect(await authenticate(db.prisma, { username: "admin\u0000", password: "x" }, IP)).toEqual({ ok: false });
    expect(await authenticate(db.prisma, { username: "\ud800admin", password: "x" }, IP)).toEqual({ ok: false });
    expect(await admitSignIn(db.prisma, { username: "a\u0000\nb", ip: IP })).toEqual({ admitted: true });
  });

  it("sign-in errors are one of a fixed set of codes; anything else reads as the generic refusal", () => {
    expect(signInErrorCode("ServiceUnavailable")).toBe("ServiceUnavailable");
    expect(signInErrorCode("TooManyAttempts")).toBe("TooManyAttempts");
    expect(signInErrorCode("Can't reach database server at 127.0.0.1\n")).toBe("CredentialsSignin");
    expect(signInErrorCode(undefined)).toBeNull();
  });
});
