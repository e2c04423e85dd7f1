// Who is acting, as the app sees it, whether they came with a session cookie (lib/auth/session.ts)
// or an API token (lib/server/api-tokens.ts): one shape, read with one include, built in one place.
import type { Prisma } from "../generated/prisma/client";
import type { OrganizationKind, OrganizationLevel, Role } from "../generated/prisma/enums";

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

export const sessionUserInclude = {
  organization: { select: { name: true, kind: true, level: true, isActive: true } },
} satisfies Prisma.UserInclude;

type UserWithOrganization = Pick<
  Prisma.UserGetPayload<{ include: typeof sessionUserInclude }>,
  "id" | "username" | "displayName" | "role" | "organizationId" | "doctorId" | "locale" | "mustChangePassword" | "isActive" | "organization"
>;

/** The acting user, or null when the account or its organisation is deactivated. */
export function toSessionUser(user: UserWithOrganization | null): SessionUser | null {
  if (!user || !user.isActive || !user.organization.isActive) return null;
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
}
