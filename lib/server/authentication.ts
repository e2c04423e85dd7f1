import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import type { Role } from "../generated/prisma/enums";
import { audit, type AuditActor } from "../audit";
import { LOCKOUT_MINUTES, MAX_FAILED_LOGINS, isLocked } from "../auth/lockout";
import { spendVerificationTime, verifyPassword } from "../auth/password";
import { loginSchema } from "../schemas/auth";
import { runTx } from "./kit";
import { clearAttempts, countAttempt, pruneAttemptCounters, refundAttempt, SIGNIN_PER_ACCOUNT, SIGNIN_PER_ADDRESS } from "./attempts";
import { startSession } from "./sessions";

export interface AuthenticatedUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  organizationId: string;
  locale: string;
}

export type AuthenticationResult = { ok: true; user: AuthenticatedUser; sessionId: string } | { ok: false };

/** Transactions of a sign-in wait this long for a connection: a burst of attempts must all be audited. */
const TX_OPTIONS = { maxWait: 20_000, timeout: 20_000 } as const;

/**
 * Checks a user name and password. Failures, lock-outs and successes are audited in the same
 * transaction as the counter update. The result never says whether the account exists, and takes
 * as long either way: unknown, inactive and locked accounts are checked against a dummy hash.
 *
 * The failure count is kept by the database: one UPDATE adds 1 and, at the 5th, locks the account
 * and resets the count, deciding from the value it returns. Concurrent failures (several instances,
 * several pool connections) queue on the row lock, so exactly 5 lock it, with one lock-out row.
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
    await spendVerificationTime(password);
    await audit(db, { actor: null, action: "auth.login_failed", entity: "User", after: { username, reason: user ? "inactive" : "unknown" }, ip });
    return { ok: false };
  }
  const actor: AuditActor = { id: user.id, displayName: user.displayName, role: user.role, organizationId: user.organizationId };

  if (isLocked(user.lockedUntil, now)) {
    await spendVerificationTime(password);
    await audit(db, { actor, action: "auth.login_refused_locked", entity: "User", entityId: user.id, ip });
    return { ok: false };
  }

  if (!(await verifyPassword(password, user.passwordHash))) {
    await recordFailure(db, actor, ip, now);
    return { ok: false };
  }

  const sessionId = await runTx(db, async (tx) => {
    // Only an account that is not locked meanwhile (by concurrent failures) signs in.
    const { count } = await tx.user.updateMany({
      where: { id: user.id, OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] },
      data: { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now },
    });
    if (count === 0) {
      await audit(tx, { actor, action: "auth.login_refused_locked", entity: "User", entityId: user.id, ip });
      return null;
    }
    await audit(tx, { actor, action: "auth.login", entity: "User", entityId: user.id, ip });
    return startSession(tx, user.id, now);
  }, TX_OPTIONS);
  if (!sessionId) return { ok: false };
  await clearAttempts(db, SIGNIN_PER_ACCOUNT, username.toLowerCase());
  await refundAttempt(db, SIGNIN_PER_ADDRESS, ip ?? "unknown");
  return {
    ok: true,
    sessionId,
    user: { id: user.id, username: user.username, displayName: user.displayName, role: user.role, organizationId: user.organizationId, locale: user.locale },
  };
}

/** One more failure, counted atomically; the 5th locks the account (one lock-out row per lock). */
async function recordFailure(db: PrismaClient, actor: AuditActor, ip: string | null, now: Date): Promise<void> {
  const lockUntil = new Date(now.getTime() + LOCKOUT_MINUTES * 60_000);
  await runTx(db, async (tx) => {
    const rows = await tx.$queryRaw<{ failedLoginCount: number; lockedUntil: Date | null }[]>`
      UPDATE "User" SET
        "failedLoginCount" = CASE WHEN "failedLoginCount" + 1 >= ${MAX_FAILED_LOGINS} THEN 0 ELSE "failedLoginCount" + 1 END,
        "lockedUntil" = CASE WHEN "failedLoginCount" + 1 >= ${MAX_FAILED_LOGINS} THEN ${lockUntil}::timestamptz ELSE NULL END,
        "updatedAt" = ${now}::timestamptz
      WHERE "id" = ${actor.id} AND ("lockedUntil" IS NULL OR "lockedUntil" <= ${now}::timestamptz)
      RETURNING "failedLoginCount", "lockedUntil"`;
    const row = rows[0];
    if (!row) {
      // Locked by a concurrent failure between our read and this update.
      await audit(tx, { actor, action: "auth.login_refused_locked", entity: "User", entityId: actor.id, ip });
      return;
    }
    const lockedNow = row.lockedUntil !== null;
    await audit(tx, { actor, action: "auth.login_failed", entity: "User", entityId: actor.id, after: { failedLoginCount: lockedNow ? MAX_FAILED_LOGINS : row.failedLoginCount }, ip });
    if (lockedNow) {
      await audit(tx, { actor, action: "auth.lockout", entity: "User", entityId: actor.id, after: { lockedUntil: row.lockedUntil }, ip });
    }
  }, TX_OPTIONS);
}

export type SignInAdmission = { admitted: true } | { admitted: false; retryAfterSeconds: number };

/**
 * Counts a sign-in attempt against the limits per client address and per account name (kept in
 * PostgreSQL, shared by every instance) before any password is checked. A refused attempt is
 * audited (auth.login_throttled) and answered 429 with Retry-After by the caller.
 */
export async function admitSignIn(db: PrismaClient, input: { username: unknown; ip: string | null }, now: Date = new Date()): Promise<SignInAdmission> {
  const username = typeof input.username === "string" ? input.username.trim().toLowerCase() : "";
  const byAddress = await countAttempt(db, SIGNIN_PER_ADDRESS, input.ip ?? "unknown", now);
  const byAccount = username ? await countAttempt(db, SIGNIN_PER_ACCOUNT, username, now) : ({ allowed: true } as const);
  if (Math.random() < 0.01) await pruneAttemptCounters(db, now);
  if (byAddress.allowed && byAccount.allowed) return { admitted: true };
  const retryAfterSeconds = Math.max(byAddress.allowed ? 0 : byAddress.retryAfterSeconds, byAccount.allowed ? 0 : byAccount.retryAfterSeconds);
  await audit(db, {
    actor: null,
    action: "auth.login_throttled",
    entity: "User",
    // The name as typed, cut short and without control characters: it is only for the auditor to read.
    after: { username: printable(username), limit: byAddress.allowed ? "account" : "address", retryAfterSeconds },
    ip: input.ip,
  });
  return { admitted: false, retryAfterSeconds };
}

function printable(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f\ud800-\udfff]/g, "").slice(0, 64);
}

/** Ends every session the user has (a JWT issued before now is refused from now on), audited. */
export async function endAllSessions(db: PrismaClient, userId: string, action: "auth.logout", now: Date = new Date()): Promise<void> {
  await runTx(db, async (tx) => {
    const user = await tx.user.update({ where: { id: userId }, data: { sessionsValidFrom: now } });
    await tx.userSession.updateMany({ where: { userId, endedAt: null }, data: { endedAt: now } });
    await audit(tx, {
      actor: { id: user.id, displayName: user.displayName, role: user.role, organizationId: user.organizationId },
      action,
      entity: "User",
      entityId: user.id,
    });
  });
}
