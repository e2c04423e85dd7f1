import "server-only";
import { createHash } from "node:crypto";
import type { PrismaClient } from "../generated/prisma/client";
import type { Tx } from "./kit";

// Attempt limits kept in PostgreSQL (table AttemptCounter), so that every instance of the app shares
// one count: a fixed window per key, counted with one atomic upsert. Past the limit the caller answers
// 429 with Retry-After. Keys: sign-ins per client address and per account name, bearer-token
// guesses per client address.

export interface AttemptLimit {
  /** The key's family, part of the stored key. */
  kind: "signin-address" | "signin-account" | "bearer-address" | "rater-link-address";
  max: number;
  windowSeconds: number;
}

/**
 * Sign-ins from one address: generous, as a hospital's staff may share one NAT address; a successful
 * sign-in gives its attempt back (refundAttempt), so the morning rush of a whole hospital behind one
 * address never reaches it, while guesses do.
 */
export const SIGNIN_PER_ADDRESS: AttemptLimit = { kind: "signin-address", max: 60, windowSeconds: 15 * 60 };
/** Sign-ins to one account (right or wrong): beyond the lock-out's 5 failures, a ceiling on guessing. */
export const SIGNIN_PER_ACCOUNT: AttemptLimit = { kind: "signin-account", max: 10, windowSeconds: 15 * 60 };
/** Unknown, revoked or expired bearer tokens from one address. */
export const BEARER_FAILURES_PER_ADDRESS: AttemptLimit = { kind: "bearer-address", max: 20, windowSeconds: 15 * 60 };
/** Unknown rater-link tokens from one address (a used, revoked or expired link is no guess). */
export const RATER_LINK_FAILURES_PER_ADDRESS: AttemptLimit = { kind: "rater-link-address", max: 20, windowSeconds: 15 * 60 };

export type AttemptVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

type Db = PrismaClient | Tx;

/** The stored key: the subject's SHA-256, so that any bytes an attacker sends make a valid, bounded key. */
export function attemptKey(limit: AttemptLimit, subject: string): string {
  return `${limit.kind}:${createHash("sha256").update(subject, "utf8").digest("hex")}`;
}

/**
 * Counts one attempt for the subject and says whether it is within the limit. Atomic across
 * instances: concurrent attempts each get their own count.
 */
export async function countAttempt(db: Db, limit: AttemptLimit, subject: string, now: Date = new Date()): Promise<AttemptVerdict> {
  const windowStartsAfter = new Date(now.getTime() - limit.windowSeconds * 1000);
  const rows = await db.$queryRaw<{ count: number; windowStart: Date }[]>`
    INSERT INTO "AttemptCounter" ("key", "windowStart", "count") VALUES (${attemptKey(limit, subject)}, ${now}::timestamptz, 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "AttemptCounter"."windowStart" <= ${windowStartsAfter}::timestamptz THEN 1 ELSE "AttemptCounter"."count" + 1 END,
      "windowStart" = CASE WHEN "AttemptCounter"."windowStart" <= ${windowStartsAfter}::timestamptz THEN ${now}::timestamptz ELSE "AttemptCounter"."windowStart" END
    RETURNING "count", "windowStart"`;
  const row = rows[0]!;
  if (row.count <= limit.max) return { allowed: true };
  const endsAt = row.windowStart.getTime() + limit.windowSeconds * 1000;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((endsAt - now.getTime()) / 1000)) };
}

/** Whether the subject is already past the limit, without counting (for checks before the attempt). */
export async function isOverLimit(db: Db, limit: AttemptLimit, subject: string, now: Date = new Date()): Promise<AttemptVerdict> {
  const row = await db.attemptCounter.findUnique({ where: { key: attemptKey(limit, subject) } });
  if (!row || row.count <= limit.max) return { allowed: true };
  const endsAt = row.windowStart.getTime() + limit.windowSeconds * 1000;
  if (endsAt <= now.getTime()) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((endsAt - now.getTime()) / 1000)) };
}

/** Gives one counted attempt back (a successful sign-in is no guess). */
export async function refundAttempt(db: Db, limit: AttemptLimit, subject: string): Promise<void> {
  const key = attemptKey(limit, subject);
  // The count stays positive (a check constraint): the last attempt given back removes the row.
  await db.$executeRaw`
    WITH gone AS (DELETE FROM "AttemptCounter" WHERE "key" = ${key} AND "count" <= 1 RETURNING 1)
    UPDATE "AttemptCounter" SET "count" = "count" - 1 WHERE "key" = ${key} AND "count" > 1`;
}

/** Forgets the subject's count (a successful sign-in clears its account's count). */
export async function clearAttempts(db: Db, limit: AttemptLimit, subject: string): Promise<void> {
  await db.attemptCounter.deleteMany({ where: { key: attemptKey(limit, subject) } });
}

/** Drops counters whose window ended a day ago or more (called now and then; the table stays small). */
export async function pruneAttemptCounters(db: Db, now: Date = new Date()): Promise<number> {
  const { count } = await db.attemptCounter.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - 24 * 3600 * 1000) } } });
  return count;
}
