// The one place that decides what a user may see. Lists are filtered in the database with the
// `where` fragments below, never after fetching. Unknown roles see nothing (fail closed).
import type { Prisma } from "../generated/prisma/client";
import type { Role } from "../generated/prisma/enums";

export interface PolicyUser {
  id: string;
  role: Role;
  organizationId: string;
  doctorId: string | null;
}

/** The organisations around the user's own, loaded once per request (lib/server/scope.ts). */
export interface Scope {
  user: PolicyUser;
  /** The user's organisation and all below it. */
  subtreeIds: string[];
  /** The user's organisation and all above it. */
  ancestorIds: string[];
}

const BUREAU_ROLES: readonly Role[] = ["BUREAU_ADMIN", "BUREAU_STAFF", "AUDITOR"];
const NOTHING = { id: { in: [] as string[] } };

export function isBureauRole(role: Role): boolean {
  return BUREAU_ROLES.includes(role);
}

export function programWhere(scope: Scope): Prisma.ProgramWhereInput {
  const { role } = scope.user;
  if (isBureauRole(role)) return { bureauId: { in: scope.subtreeIds } };
  if (role === "HOSPITAL_NOMINATOR" || role === "DOCTOR") {
    // Units and doctors see the published programmes of the bureaus above them.
    return { bureauId: { in: scope.ancestorIds }, status: { not: "DRAFT" } };
  }
  if (role === "RECEIVING_SUPERVISOR") {
    return { status: { not: "DRAFT" }, posts: { some: { receivingOrgId: scope.user.organizationId } } };
  }
  return NOTHING;
}

export function postWhere(scope: Scope): Prisma.PostWhereInput {
  if (scope.user.role === "RECEIVING_SUPERVISOR") {
    return { receivingOrgId: scope.user.organizationId, program: { status: { not: "DRAFT" } } };
  }
  return { program: programWhere(scope) };
}

export function doctorWhere(scope: Scope): Prisma.DoctorWhereInput {
  const { role } = scope.user;
  if (isBureauRole(role) || role === "HOSPITAL_NOMINATOR") return { employerId: { in: scope.subtreeIds } };
  if (role === "DOCTOR") return scope.user.doctorId ? { id: scope.user.doctorId } : NOTHING;
  if (role === "RECEIVING_SUPERVISOR") {
    return { applications: { some: { status: "APPROVED", post: { receivingOrgId: scope.user.organizationId } } } };
  }
  return NOTHING;
}

export function applicationWhere(scope: Scope): Prisma.ApplicationWhereInput {
  const { role } = scope.user;
  if (isBureauRole(role)) return { post: { program: { bureauId: { in: scope.subtreeIds } } } };
  if (role === "HOSPITAL_NOMINATOR") return { nominatingOrgId: { in: scope.subtreeIds } };
  if (role === "DOCTOR") return scope.user.doctorId ? { doctorId: scope.user.doctorId } : NOTHING;
  if (role === "RECEIVING_SUPERVISOR") return { status: "APPROVED", post: { receivingOrgId: scope.user.organizationId } };
  return NOTHING;
}

export function organizationWhere(scope: Scope): Prisma.OrganizationWhereInput {
  if (isBureauRole(scope.user.role)) return { id: { in: scope.subtreeIds } };
  return { id: scope.user.organizationId };
}

export function auditLogWhere(scope: Scope): Prisma.AuditLogWhereInput {
  if (scope.user.role === "BUREAU_ADMIN" || scope.user.role === "AUDITOR") return { actorOrgId: { in: scope.subtreeIds } };
  return { id: { in: [] as bigint[] } };
}
