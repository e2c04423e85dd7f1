import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { prisma } from "../db";
import type { OrganizationKind, OrganizationLevel, Role } from "../generated/prisma/enums";
import { authOptions } from "./options";
import { isSessionCurrent } from "./session-policy";

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  organizationId: string;
  organizationName: string;
  organizationKind: OrganizationKind;
  organizationLevel: OrganizationLevel;
  doctorId: string | null;
  locale: string;
  mustChangePassword: boolean;
}

/** The signed-in user, read fresh from the database once per request; null when signed out or deactivated. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  const userId = session?.userId;
  if (!userId) return null;
  const user = await prisma.user.findUnique({
    where: { id: userId },
    include: { organization: { select: { name: true, kind: true, level: true, isActive: true } } },
  });
  if (!user || !user.isActive || !user.organization.isActive) return null;
  if (!isSessionCurrent(session.loginAt, user.sessionsValidFrom)) return null;
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    organizationId: user.organizationId,
    organizationName: user.organization.name,
    organizationKind: user.organization.kind,
    organizationLevel: user.organization.level,
    doctorId: user.doctorId,
    locale: user.locale,
    mustChangePassword: user.mustChangePassword,
  };
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
