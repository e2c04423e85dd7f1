import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import type { Role } from "../generated/prisma/enums";
import { audit } from "../audit";
import { afterFailedLogin, isLocked } from "../auth/lockout";
import { verifyPassword } from "../auth/password";
import { loginSchema } from "../schemas/auth";

export interface AuthenticatedUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  organizationId: string;
  locale: string;
}

export type AuthenticationResult = { ok: true; user: AuthenticatedUser } | { ok: false };

/**
 * Checks a user name and password. Failures, lock-outs and successes are audited in the same
 * transaction as the counter update. The result never says whether the account exists.
 */
export async function authenticate(
  db: PrismaClient,
  input: unknown,
  ip: string | null,
  now: Date = new Date(),
): Promise<AuthenticationResult> {
  const parsed = loginSchema.safeParse(input);
  if (!parsed.success) return { ok: false };
  const { username, password } = parsed.data;

  const user = await db.user.findUnique({ where: { username } });
  if (!user || !user.isActive) {
    await audit(db, { actor: null, action: "auth.login_failed", entity: "User", after: { username, reason: user ? "inactive" : "unknown" }, ip });
    return { ok: false };
  }
  const actor = { id: user.id, displayName: user.displayName, role: user.role, organizationId: user.organizationId };

  if (isLocked(user.lockedUntil, now)) {
    await audit(db, { actor, action: "auth.login_refused_locked", entity: "User", entityId: user.id, ip });
    return { ok: false };
  }

  if (!(await verifyPassword(password, user.passwordHash))) {
    const next = afterFailedLogin(user.failedLoginCount, now);
    await db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: next });
      await audit(tx, { actor, action: "auth.login_failed", entity: "User", entityId: user.id, after: { failedLoginCount: next.failedLoginCount }, ip });
      if (next.lockedUntil) {
        await audit(tx, { actor, action: "auth.lockout", entity: "User", entityId: user.id, after: { lockedUntil: next.lockedUntil }, ip });
      }
    });
    return { ok: false };
  }

  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now } });
    await audit(tx, { actor, action: "auth.login", entity: "User", entityId: user.id, ip });
  });
  return {
    ok: true,
    user: { id: user.id, username: user.username, displayName: user.displayName, role: user.role, organizationId: user.organizationId, locale: user.locale },
  };
}

/** Ends every session the user has (a JWT issued before now is refused from now on), audited. */
export async function endAllSessions(db: PrismaClient, userId: string, action: "auth.logout", now: Date = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    const user = await tx.user.update({ where: { id: userId }, data: { sessionsValidFrom: now } });
    await audit(tx, {
      actor: { id: user.id, displayName: user.displayName, role: user.role, organizationId: user.organizationId },
      action,
      entity: "User",
      entityId: user.id,
    });
  });
}
