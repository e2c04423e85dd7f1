// The user's own password change, against real PostgreSQL; and the action client's refusal of
// every other action while a change is pending, through the real server actions.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { verifyPassword } from "@/lib/auth/password";
import type { Scope } from "@/lib/auth/policy";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { authenticate } from "@/lib/server/authentication";
import { buildScope } from "@/lib/server/organization-tree";
import { changeOwnPassword } from "@/lib/server/passwords";
import { createUser } from "@/lib/server/users";
import { seedDemoData } from "@/prisma/seed";
import { createTestDatabase, type TestDatabase } from "./setup/db";

// The actions read the session and the database through these modules: point them at the test.
const holder = vi.hoisted(() => ({ prisma: undefined as unknown as PrismaClient, user: null as SessionUser | null }));
vi.mock("@/lib/db", () => ({ get prisma() { return holder.prisma; } }));
vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => holder.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

let db: TestDatabase;
let adminScope: Scope;
let created: { id: string; username: string; password: string };
const NEW_PASSWORD = "Tian-Shan#2026";

async function sessionUser(id: string): Promise<SessionUser> {
  const u = await db.prisma.user.findUniqueOrThrow({ where: { id }, include: { organization: true } });
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    organizationId: u.organizationId,
    organizationName: u.organization.name,
    organizationKind: u.organization.kind,
    organizationLevel: u.organization.level,
    doctorId: u.doctorId,
    locale: u.locale,
    mustChangePassword: u.mustChangePassword,
  };
}

async function scopeOf(id: string): Promise<Scope> {
  return buildScope(db.prisma, await db.prisma.user.findUniqueOrThrow({ where: { id } }));
}

beforeAll(async () => {
  db = await createTestDatabase();
  holder.prisma = db.prisma;
  await seedDemoData(db.prisma);
  const admin = await db.prisma.user.findUniqueOrThrow({ where: { username: "admin" } });
  adminScope = await buildScope(db.prisma, admin);
  const org = await db.prisma.organization.findFirstOrThrow({ where: { users: { some: { username: "nominator" } } } });
  created = await createUser(db.prisma, adminScope, { username: "hr-li", displayName: "李敏", role: "HOSPITAL_NOMINATOR", organizationId: org.id });
});

afterAll(async () => {
  await db?.drop();
});

describe("a new account must change its password first", () => {
  it("signs in with the initial password, flagged mustChangePassword", async () => {
    const login = await authenticate(db.prisma, { username: "hr-li", password: created.password }, "10.0.0.9");
    expect(login.ok).toBe(true);
    expect((await sessionUser(created.id)).mustChangePassword).toBe(true);
  });

  it("every action but the password change is refused while the change is pending", async () => {
    const { createUserAction } = await import("@/lib/actions/users");
    const { changePasswordAction } = await import("@/lib/actions/passwords");
    // Even a bureau admin whose password is pending may do nothing else.
    await db.prisma.user.update({ where: { id: adminScope.user.id }, data: { mustChangePassword: true } });
    holder.user = await sessionUser(adminScope.user.id);
    const before = await db.prisma.user.count();
    const refused = await createUserAction({ username: "sneaky", displayName: "x", role: "DOCTOR", organizationId: adminScope.user.organizationId });
    expect(refused.serverError).toEqual({ code: "forbidden", message: "password change required" });
    expect(await db.prisma.user.count()).toBe(before);
    await db.prisma.user.update({ where: { id: adminScope.user.id }, data: { mustChangePassword: false } });

    // The new user may change theirs, through the real action, and then work normally.
    holder.user = await sessionUser(created.id);
    const result = await changePasswordAction({ currentPassword: created.password, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(result.data).toEqual({ changed: true });
    const user = await db.prisma.user.findUniqueOrThrow({ where: { id: created.id } });
    expect(user.mustChangePassword).toBe(false);
    expect(user.passwordChangedAt).not.toBeNull();
    expect(await verifyPassword(NEW_PASSWORD, user.passwordHash)).toBe(true);
    expect((await authenticate(db.prisma, { username: "hr-li", password: created.password }, null)).ok).toBe(false);
    expect((await authenticate(db.prisma, { username: "hr-li", password: NEW_PASSWORD }, null)).ok).toBe(true);

    const row = await db.prisma.auditLog.findFirstOrThrow({ where: { action: "user.password_changed", entityId: created.id } });
    expect(row.actorId).toBe(created.id);
    const text = JSON.stringify(row, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
    expect(text).not.toContain(NEW_PASSWORD);
    expect(text).not.toContain(user.passwordHash);

    // Without a pending change, the user's own actions pass the client; a nominator may still not manage accounts.
    holder.user = await sessionUser(created.id);
    const notAdmin = await createUserAction({ username: "sneaky", displayName: "x", role: "DOCTOR", organizationId: user.organizationId });
    expect(notAdmin.serverError).toEqual({ code: "forbidden", message: "forbidden" });
  });

  it("the action returns the policy's problems as field errors", async () => {
    const { changePasswordAction } = await import("@/lib/actions/passwords");
    holder.user = await sessionUser(created.id);
    const result = await changePasswordAction({ currentPassword: NEW_PASSWORD, newPassword: "Hr-li#20260", confirmPassword: "Hr-li#20260" });
    expect(result.validationErrors).toEqual({ formErrors: [], fieldErrors: { newPassword: ["passwordContainsUsername"] } });
  });
});

describe("the password policy is enforced on the server", () => {
  const cases: [string, Record<string, string>, Record<string, string[]>][] = [
    ["too short", { newPassword: "Ab1!short", confirmPassword: "Ab1!short" }, { newPassword: ["passwordTooShort"] }],
    ["too few classes", { newPassword: "abcdefghij12", confirmPassword: "abcdefghij12" }, { newPassword: ["passwordTooFewClasses"] }],
    ["common", { newPassword: "Admin@123456", confirmPassword: "Admin@123456" }, { newPassword: ["passwordTooCommon"] }],
    ["same as current", { newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, { newPassword: ["passwordSameAsCurrent"] }],
    ["confirmation differs", { newPassword: "Kun-Lun#2026", confirmPassword: "Kun-Lun#2027" }, { confirmPassword: ["passwordMismatch"] }],
    ["contains the user name", { newPassword: "xHR-LI#2026x", confirmPassword: "xHR-LI#2026x" }, { newPassword: ["passwordContainsUsername"] }],
  ];
  it.each(cases)("%s: validation error, database unchanged", async (_name, input, fieldErrors) => {
    const scope = await scopeOf(created.id);
    const before = await db.prisma.user.findUniqueOrThrow({ where: { id: created.id } });
    const audits = await db.prisma.auditLog.count();
    await expect(changeOwnPassword(db.prisma, scope, { currentPassword: NEW_PASSWORD, ...input })).rejects.toMatchObject({ code: "validation", fieldErrors });
    expect(await db.prisma.user.findUniqueOrThrow({ where: { id: created.id } })).toEqual(before);
    expect(await db.prisma.auditLog.count()).toBe(audits);
  });

  it("a wrong current password is refused, counted as a failed sign-in, and locks after five", async () => {
    const scope = await scopeOf(created.id);
    const now = new Date("2026-11-20T02:00:00Z");
    for (let i = 1; i <= 4; i++) {
      await expect(changeOwnPassword(db.prisma, scope, { currentPassword: "Wrong#password1", newPassword: "Kun-Lun#2026", confirmPassword: "Kun-Lun#2026" }, now)).rejects.toMatchObject({
        fieldErrors: { currentPassword: ["currentPasswordWrong"] },
      });
    }
    await expect(changeOwnPassword(db.prisma, scope, { currentPassword: "Wrong#password1", newPassword: "Kun-Lun#2026", confirmPassword: "Kun-Lun#2026" }, now)).rejects.toMatchObject({
      fieldErrors: { currentPassword: ["accountLocked"] },
    });
    // Locked: even the right current password is refused until the lock runs out.
    await expect(changeOwnPassword(db.prisma, scope, { currentPassword: NEW_PASSWORD, newPassword: "Kun-Lun#2026", confirmPassword: "Kun-Lun#2026" }, now)).rejects.toMatchObject({
      fieldErrors: { currentPassword: ["accountLocked"] },
    });
    expect(await verifyPassword(NEW_PASSWORD, (await db.prisma.user.findUniqueOrThrow({ where: { id: created.id } })).passwordHash)).toBe(true);
    expect(await db.prisma.auditLog.count({ where: { action: "user.password_change_failed", entityId: created.id } })).toBe(5);
    expect(await db.prisma.auditLog.count({ where: { action: "auth.lockout", entityId: created.id } })).toBe(1);

    const later = new Date(now.getTime() + 15 * 60_000 + 1);
    await changeOwnPassword(db.prisma, scope, { currentPassword: NEW_PASSWORD, newPassword: "Kun-Lun#2026", confirmPassword: "Kun-Lun#2026" }, later);
    expect(await db.prisma.user.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ failedLoginCount: 0, lockedUntil: null, passwordChangedAt: later });
  });
});
