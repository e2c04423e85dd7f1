import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { IDLE_TIMEOUT_SECONDS, isBeyondAbsoluteLifetime, isSessionCurrent } from "../auth/session-policy";
import type { Tx } from "./kit";

// Server-side sessions: the JWT in the cookie names a UserSession row; the server refuses a session
// idle longer than 30 minutes, ended (sign-out) or older than 12 hours, whatever the cookie says, on
// every instance alike. Activity is written at most once a minute (LAST_SEEN_RESOLUTION_MS), and the
// idle check counts from the last written instant, so it errs towards ending a session early.

export const LAST_SEEN_RESOLUTION_MS = 60_000;

/** Opens a session for the user (inside the sign-in transaction); its id goes into the JWT. */
export async function startSession(tx: Tx, userId: string, now: Date): Promise<string> {
  const row = await tx.userSession.create({ data: { userId, createdAt: now, lastSeenAt: now }, select: { id: true } });
  return row.id;
}

export interface SessionClaims {
  uid?: string;
  sid?: string;
  loginAt?: number;
}

export type SessionVerdict = "live" | "ended";

/**
 * Whether the token's session is still live, marking it used. "ended": no such session, signed out,
 * idle beyond the limit, beyond the absolute lifetime, or every session of the account was ended.
 */
export async function touchSession(db: PrismaClient, claims: SessionClaims, now: Date = new Date()): Promise<SessionVerdict> {
  const { uid, sid, loginAt } = claims;
  if (!uid || !sid || isBeyondAbsoluteLifetime(loginAt, now.getTime())) return "ended";
  const row = await db.userSession.findUnique({
    where: { id: sid },
    select: { userId: true, lastSeenAt: true, endedAt: true, user: { select: { sessionsValidFrom: true } } },
  });
  if (!row || row.userId !== uid || row.endedAt) return "ended";
  if (!isSessionCurrent(loginAt, row.user.sessionsValidFrom)) return "ended";
  const idleMs = now.getTime() - row.lastSeenAt.getTime();
  if (idleMs > IDLE_TIMEOUT_SECONDS * 1000) {
    await db.userSession.updateMany({ where: { id: sid, endedAt: null }, data: { endedAt: now } });
    return "ended";
  }
  if (idleMs >= LAST_SEEN_RESOLUTION_MS) {
    await db.userSession.updateMany({ where: { id: sid, endedAt: null, lastSeenAt: { lt: now } }, data: { lastSeenAt: now } });
  }
  return "live";
}
