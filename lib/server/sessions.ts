import "server-only";
import type { SessionContext } from "../auth/session-context";
import { toSessionUser } from "../auth/session-user";
import type { PrismaClient } from "../generated/prisma/client";
import type { OrganizationKind, OrganizationLevel, Role } from "../generated/prisma/enums";
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

/** Whether the token's session is still live, marking it used (resolveSession without the context). */
export async function touchSession(db: PrismaClient, claims: SessionClaims, now: Date = new Date()): Promise<SessionVerdict> {
  return (await resolveSession(db, claims, now)).verdict;
}

interface SessionRow {
  userId: string;
  lastSeenAt: Date;
  endedAt: Date | null;
  sessionsValidFrom: Date | null;
  username: string;
  displayName: string;
  role: Role;
  organizationId: string;
  doctorId: string | null;
  locale: string;
  mustChangePassword: boolean;
  isActive: boolean;
  organizationName: string;
  organizationKind: OrganizationKind;
  organizationLevel: OrganizationLevel;
  organizationActive: boolean;
  unread: number;
  subtreeIds: string[];
  ancestorIds: string[];
}

/**
 * Whether the token's session is still live, marking it used. "ended": no such session, signed out,
 * idle beyond the limit, beyond the absolute lifetime, or every session of the account was ended.
 * A live session comes with everything a signed-in request needs before its own queries (the user
 * and organisation, the unread count, the scope's subtree and ancestors), read in the same single
 * query as the session row: one query a request (plus the activity write, at most once a minute).
 */
export async function resolveSession(
  db: Pick<PrismaClient, "$queryRaw" | "userSession">,
  claims: SessionClaims,
  now: Date = new Date(),
): Promise<{ verdict: "ended" } | { verdict: "live"; context: SessionContext }> {
  const { uid, sid, loginAt } = claims;
  if (!uid || !sid || isBeyondAbsoluteLifetime(loginAt, now.getTime())) return { verdict: "ended" };
  const [row] = await db.$queryRaw<SessionRow[]>`
    SELECT s."userId", s."lastSeenAt", s."endedAt", u."sessionsValidFrom",
      u.username, u."displayName", u.role, u."organizationId", u."doctorId", u.locale, u."mustChangePassword", u."isActive",
      o.name AS "organizationName", o.kind AS "organizationKind", o.level AS "organizationLevel", o."isActive" AS "organizationActive",
      (SELECT count(*)::int FROM "Notification" n WHERE n."userId" = u.id AND n."readAt" IS NULL) AS unread,
      ARRAY(WITH RECURSIVE tree AS (
        SELECT id FROM "Organization" WHERE id = u."organizationId"
        UNION ALL
        SELECT c.id FROM "Organization" c JOIN tree t ON c."parentId" = t.id
      ) SELECT id FROM tree) AS "subtreeIds",
      ARRAY(WITH RECURSIVE chain AS (
        SELECT id, "parentId" FROM "Organization" WHERE id = u."organizationId"
        UNION ALL
        SELECT p.id, p."parentId" FROM "Organization" p JOIN chain c ON p.id = c."parentId"
      ) SELECT id FROM chain) AS "ancestorIds"
    FROM "UserSession" s
    JOIN "User" u ON u.id = s."userId"
    JOIN "Organization" o ON o.id = u."organizationId"
    WHERE s.id = ${sid}`;
  if (!row || row.userId !== uid || row.endedAt) return { verdict: "ended" };
  if (!isSessionCurrent(loginAt, row.sessionsValidFrom)) return { verdict: "ended" };
  const idleMs = now.getTime() - row.lastSeenAt.getTime();
  if (idleMs > IDLE_TIMEOUT_SECONDS * 1000) {
    await db.userSession.updateMany({ where: { id: sid, endedAt: null }, data: { endedAt: now } });
    return { verdict: "ended" };
  }
  if (idleMs >= LAST_SEEN_RESOLUTION_MS) {
    await db.userSession.updateMany({ where: { id: sid, endedAt: null, lastSeenAt: { lt: now } }, data: { lastSeenAt: now } });
  }
  const user = toSessionUser({
    ...row,
    id: row.userId,
    organization: { name: row.organizationName, kind: row.organizationKind, level: row.organizationLevel, isActive: row.organizationActive },
  });
  return { verdict: "live", context: { user, unread: row.unread, subtreeIds: row.subtreeIds, ancestorIds: row.ancestorIds } };
}
