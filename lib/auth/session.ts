import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { prisma } from "../db";
import { authOptions } from "./options";
import { contextOf, rememberContext } from "./session-context";
import { isSessionCurrent } from "./session-policy";
import { sessionUserInclude, toSessionUser, type SessionUser } from "./session-user";

export type { SessionUser };

/** The signed-in user, read fresh from the database once per request; null when signed out or deactivated. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  const userId = session?.userId;
  if (!userId) return null;
  const context = contextOf(session);
  if (context) {
    // Read with the session row by next-auth's jwt callback (lib/server/sessions.ts resolveSession).
    if (!context.user || context.user.id !== userId) return null;
    rememberContext(context.user, context);
    return context.user;
  }
  const row = await prisma.user.findUnique({ where: { id: userId }, include: sessionUserInclude });
  if (row && !isSessionCurrent(session.loginAt, row.sessionsValidFrom)) return null;
  return toSessionUser(row);
});

/**
 * For pages: the signed-in user, or a redirect to the login page. A user whose password was set by
 * an administrator is sent to change it first (except on that page itself).
 */
export async function requireUser(options: { passwordChangePending?: "allow" } = {}): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  if (user.mustChangePassword && options.passwordChangePending !== "allow") redirect("/account/password");
  return user;
}
