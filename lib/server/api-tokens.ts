import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { audit } from "../audit";
import { sessionUserInclude, toSessionUser, type SessionUser } from "../auth/session-user";
import { authorize, type Scope } from "../auth/policy";
import { AppError } from "../errors";
import type { PrismaClient } from "../generated/prisma/client";
import { issueApiTokenSchema, revokeApiTokenSchema } from "../schemas/api-tokens";
import { actorOf, parse, runTx, type Tx } from "./kit";

// Bearer tokens for /api/v1 (issue 4). An administrator who manages an account issues it a token;
// the secret is shown once and only its SHA-256 is stored, with its first 8 characters to recognise
// it by. A request with `Authorization: Bearer <token>` acts as that account (lib/server/api-route.ts).

const TOKEN_PREFIX = "mdt_";
export const PREFIX_LENGTH = 8;
/** lastUsedAt is written at most this often per token, not on every request. */
export const LAST_USED_RESOLUTION_MS = 60_000;

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export interface ApiTokenRow {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

const rowSelect = { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, expiresAt: true, revokedAt: true } as const;

/** The account, if the caller may manage it: unknown ids are "not found", another bureau's forbidden. */
async function managedUser(db: PrismaClient | Tx, scope: Scope, userId: string) {
  authorize(scope, "user.manage");
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, organizationId: true } });
  if (!user) throw new AppError("notFound");
  authorize(scope, "user.manage", { organizationId: user.organizationId });
  return user;
}

/** The account's tokens, newest first (revoked ones too, marked as such). */
export async function listApiTokens(db: PrismaClient, scope: Scope, userId: string): Promise<ApiTokenRow[]> {
  await managedUser(db, scope, userId);
  return db.apiToken.findMany({ where: { userId }, orderBy: [{ createdAt: "desc" }, { id: "asc" }], take: 200, select: rowSelect });
}

/** The first instant after the given calendar day in Beijing time. */
function endOfShanghaiDay(date: string): Date {
  return new Date(new Date(`${date}T00:00:00.000+08:00`).getTime() + 24 * 3600 * 1000);
}

/** A new token for the account; the result holds the secret, which is never stored or shown again. */
export async function issueApiToken(db: PrismaClient, scope: Scope, raw: unknown, now = new Date()): Promise<{ id: string; prefix: string; token: string }> {
  const input = parse(issueApiTokenSchema, raw);
  const expiresAt = input.expiresOn ? endOfShanghaiDay(input.expiresOn) : null;
  if (expiresAt && expiresAt <= now) throw new AppError("validation", "expiryInPast", { expiresOn: ["expiryInPast"] });
  return runTx(db, async (tx) => {
    const user = await managedUser(tx, scope, input.userId);
    const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
    const prefix = token.slice(0, PREFIX_LENGTH);
    const created = await tx.apiToken.create({
      data: { userId: user.id, name: input.name, prefix, tokenHash: hashToken(token), createdById: scope.user.id, expiresAt },
      select: rowSelect,
    });
    // The audit row names the token, never its secret or hash.
    await audit(tx, { actor: await actorOf(tx, scope), action: "api_token.create", entity: "ApiToken", entityId: created.id, after: { ...created, userId: user.id } });
    return { id: created.id, prefix, token };
  });
}

/** Revokes a token at once; revoking a revoked token changes nothing. */
export async function revokeApiToken(db: PrismaClient, scope: Scope, raw: unknown, now = new Date()): Promise<{ id: string; userId: string }> {
  const { id } = parse(revokeApiTokenSchema, raw);
  return runTx(db, async (tx) => {
    const before = await tx.apiToken.findUnique({ where: { id }, select: { ...rowSelect, userId: true } });
    if (!before) throw new AppError("notFound");
    await managedUser(tx, scope, before.userId);
    if (before.revokedAt) return { id, userId: before.userId };
    const after = await tx.apiToken.update({ where: { id }, data: { revokedAt: now }, select: { ...rowSelect, userId: true } });
    await audit(tx, { actor: await actorOf(tx, scope), action: "api_token.revoke", entity: "ApiToken", entityId: id, before, after });
    return { id, userId: before.userId };
  });
}

/**
 * The account a bearer token stands for, or null: unknown, revoked or expired token, inactive account
 * or organisation. Marks the token used (at most once a minute, so that a busy integration does not
 * write on every request). A token acts as its account even while that account's password is a
 * generated one: integration accounts never sign in.
 */
export async function authenticateBearer(db: PrismaClient, token: string, now = new Date()): Promise<SessionUser | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const found = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      revokedAt: true,
      expiresAt: true,
      user: { include: sessionUserInclude },
    },
  });
  if (!found || found.revokedAt || (found.expiresAt && found.expiresAt <= now)) return null;
  const user = toSessionUser(found.user);
  if (!user) return null;
  await db.apiToken.updateMany({
    where: { id: found.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_RESOLUTION_MS) } }] },
    data: { lastUsedAt: now },
  });
  // Integration accounts never sign in, so a pending password change does not hold them up.
  return { ...user, mustChangePassword: false };
}
