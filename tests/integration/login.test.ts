// lib/server/authentication.ts against real PostgreSQL: success, lock-out after five failures for
// fifteen minutes (driven by the `now` parameter), unknown and inactive users; every outcome audited.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCKOUT_MINUTES } from "@/lib/auth/lockout";
import { isSessionCurrent } from "@/lib/auth/session-policy";
import { authenticate, endAllSessions } from "@/lib/server/authentication";
import { DEMO_PASSWORD, seedDemoData } from "@/prisma/seed";
import { createTestDatabase, type TestDatabase } from "./setup/db";

let db: TestDatabase;
const IP = "203.0.113.7";
const T0 = new Date("2026-11-20T01:00:00Z"); // 09:00 in Shanghai
const at = (ms: number) => new Date(T0.getTime() + ms);

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemoData(db.prisma);
});

afterAll(async () => {
  await db?.drop();
});

const auditRows = (action: string, extra: object = {}) => db.prisma.auditLog.findMany({ where: { action, ...extra }, orderBy: { id: "asc" } });

describe("authenticate", () => {
  it("signs in with the right password, records the time and audits it with the IP", async () => {
    const result = await authenticate(db.prisma, { username: "staff", password: DEMO_PASSWORD }, IP, T0);
    expect(result).toMatchObject({ ok: true, user: { username: "staff", role: "BUREAU_STAFF" } });
    const user = await db.prisma.user.findUniqueOrThrow({ where: { username: "staff" } });
    expect(user.lastLoginAt).toEqual(T0);
    const rows = await auditRows("auth.login", { entityId: user.id });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorId: user.id, ip: IP });
    expect(JSON.stringify(result)).not.toContain("passwordHash");
  });

  it("locks the account for 15 minutes after 5 failures; the right password is refused meanwhile", async () => {
    const user = await db.prisma.user.findUniqueOrThrow({ where: { username: "nominator" } });
    for (let i = 1; i <= 4; i++) {
      expect(await authenticate(db.prisma, { username: "nominator", password: `wrong-${i}` }, IP, at(i * 1000))).toEqual({ ok: false });
      const u = await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
      expect(u).toMatchObject({ failedLoginCount: i, lockedUntil: null });
    }
    const fifth = at(5000);
    expect(await authenticate(db.prisma, { username: "nominator", password: "wrong-5" }, IP, fifth)).toEqual({ ok: false });
    const lockedUntil = new Date(fifth.getTime() + LOCKOUT_MINUTES * 60_000);
    expect(await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ lockedUntil });
    expect(LOCKOUT_MINUTES).toBe(15);

    expect(await auditRows("auth.login_failed", { entityId: user.id })).toHaveLength(5);
    const lockouts = await auditRows("auth.lockout", { entityId: user.id });
    expect(lockouts).toHaveLength(1);
    expect(lockouts[0]!.after).toEqual({ lockedUntil: lockedUntil.toISOString() });

    // 6th attempt, right password, one minute later, and one millisecond before the end: refused.
    expect(await authenticate(db.prisma, { username: "nominator", password: DEMO_PASSWORD }, IP, at(65_000))).toEqual({ ok: false });
    expect(await authenticate(db.prisma, { username: "nominator", password: DEMO_PASSWORD }, IP, new Date(lockedUntil.getTime() - 1))).toEqual({ ok: false });
    expect(await auditRows("auth.login_refused_locked", { entityId: user.id })).toHaveLength(2);
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).lastLoginAt).toBeNull();

    // Once the lock has run out, the right password works and the counter starts again.
    const result = await authenticate(db.prisma, { username: "nominator", password: DEMO_PASSWORD }, IP, lockedUntil);
    expect(result.ok).toBe(true);
    expect(await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ failedLoginCount: 0, lockedUntil: null, lastLoginAt: lockedUntil });
  });

  it("a success resets the failure count, so failures must be consecutive to lock", async () => {
    for (let i = 0; i < 4; i++) await authenticate(db.prisma, { username: "auditor", password: "nope" }, IP, at(i));
    expect((await authenticate(db.prisma, { username: "auditor", password: DEMO_PASSWORD }, IP, at(10))).ok).toBe(true);
    await authenticate(db.prisma, { username: "auditor", password: "nope" }, IP, at(20));
    expect(await db.prisma.user.findUniqueOrThrow({ where: { username: "auditor" } })).toMatchObject({ failedLoginCount: 1, lockedUntil: null });
  });

  it("an unknown user name gets the same answer as a wrong password, and is audited", async () => {
    const unknown = await authenticate(db.prisma, { username: "no-such-user", password: DEMO_PASSWORD }, IP, T0);
    const wrong = await authenticate(db.prisma, { username: "receiver", password: "not-it" }, IP, T0);
    expect(unknown).toEqual({ ok: false });
    expect(unknown).toEqual(wrong);
    const rows = await auditRows("auth.login_failed", { actorId: null });
    expect(rows.at(-1)).toMatchObject({ ip: IP, after: { username: "no-such-user", reason: "unknown" } });
    expect(JSON.stringify(rows.at(-1)?.after)).not.toContain(DEMO_PASSWORD);
  });

  it("an inactive user is refused even with the right password, and audited", async () => {
    await db.prisma.user.update({ where: { username: "doctor" }, data: { isActive: false } });
    expect(await authenticate(db.prisma, { username: "doctor", password: DEMO_PASSWORD }, IP, T0)).toEqual({ ok: false });
    const rows = await auditRows("auth.login_failed", { actorId: null });
    expect(rows.at(-1)).toMatchObject({ after: { username: "doctor", reason: "inactive" } });
    expect((await db.prisma.user.findUniqueOrThrow({ where: { username: "doctor" } })).lastLoginAt).toBeNull();
  });

  it("malformed input is refused without touching the database", async () => {
    const before = await db.prisma.auditLog.count();
    expect(await authenticate(db.prisma, { username: "", password: "" }, IP, T0)).toEqual({ ok: false });
    expect(await authenticate(db.prisma, null, IP, T0)).toEqual({ ok: false });
    expect(await db.prisma.auditLog.count()).toBe(before);
  });
});

describe("sign-out everywhere", () => {
  it("ends every session of the user and is audited", async () => {
    const user = await db.prisma.user.findUniqueOrThrow({ where: { username: "auditor" } });
    const loginAt = Date.now() - 60_000;
    await endAllSessions(db.prisma, user.id, "auth.logout");
    const after = await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(isSessionCurrent(loginAt, after.sessionsValidFrom)).toBe(false);
    expect(isSessionCurrent(Date.now() + 1, after.sessionsValidFrom)).toBe(true);
    expect(await db.prisma.auditLog.count({ where: { action: "auth.logout", entityId: user.id } })).toBe(1);
  });
});
