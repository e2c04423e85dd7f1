// The main navigation, per role. One entry per area; an area appears only for the roles its page's
// permission (lib/auth/policy.ts) admits, narrowed to the roles that work there, and its label says
// what that role does there (a doctor's 我的报名, a hospital's 推荐报名, the bureau's 报名审核). The
// pages check access again themselves. Labels are keys of the "nav" namespace.
import { permissions, type Permission } from "./auth/policy";
import type { Role } from "./generated/prisma/enums";

export interface NavItem {
  href: string;
  labelKey: string;
  icon: "dashboard" | "organizations" | "users" | "audit" | "programs" | "doctors" | "applications" | "leave" | "service" | "receiving" | "workload" | "dispatches" | "evaluations" | "allowances" | "timeline" | "workforce";
  /** The permission the page asks for: the item is shown only to roles that hold it. */
  permission: Permission;
  /** The roles that work there (a subset of the permission's roles); all of them when absent. */
  roles?: readonly Role[];
  /** A role's own label, when it does something else there than the others. */
  labelFor?: Partial<Record<Role, string>>;
}

/** Finance officers see programmes and allowances only: nothing of selection or of the service (docs/decisions/003-finance-role.md). */
const SERVICE_ROLES: readonly Role[] = ["BUREAU_ADMIN", "BUREAU_STAFF", "HOSPITAL_NOMINATOR", "RECEIVING_SUPERVISOR", "DOCTOR", "AUDITOR"];

export const navItems: readonly NavItem[] = [
  { href: "/", labelKey: "dashboard", icon: "dashboard", permission: "self.notifications" },
  { href: "/service", labelKey: "service", icon: "service", permission: "service.file" },
  { href: "/receiving", labelKey: "receiving", icon: "receiving", permission: "service.supervise" },
  {
    href: "/programs",
    labelKey: "programs",
    icon: "programs",
    permission: "program.read",
    labelFor: { DOCTOR: "programsToApply", HOSPITAL_NOMINATOR: "programsToNominate", RECEIVING_SUPERVISOR: "programsView", AUDITOR: "programsView", FINANCE_OFFICER: "programsView" },
  },
  {
    href: "/applications",
    labelKey: "applications",
    icon: "applications",
    permission: "application.read",
    roles: ["BUREAU_ADMIN", "BUREAU_STAFF", "HOSPITAL_NOMINATOR", "DOCTOR", "AUDITOR"],
    labelFor: { DOCTOR: "myApplications", HOSPITAL_NOMINATOR: "nominations", AUDITOR: "applicationsView" },
  },
  { href: "/leave", labelKey: "leave", icon: "leave", permission: "leave.decide", labelFor: { RECEIVING_SUPERVISOR: "leaveFirst" } },
  { href: "/leave", labelKey: "myLeave", icon: "leave", permission: "service.file" },
  { href: "/worklogs", labelKey: "workload", icon: "workload", permission: "dispatch.read", roles: ["BUREAU_ADMIN", "BUREAU_STAFF", "AUDITOR"] },
  { href: "/dispatches", labelKey: "dispatches", icon: "dispatches", permission: "dispatch.read", roles: SERVICE_ROLES, labelFor: { DOCTOR: "myDispatches" } },
  { href: "/counterparts", labelKey: "counterparts", icon: "organizations", permission: "dispatch.read", roles: ["BUREAU_ADMIN", "BUREAU_STAFF", "AUDITOR", "HOSPITAL_NOMINATOR", "RECEIVING_SUPERVISOR"] },
  { href: "/allowances", labelKey: "allowances", icon: "allowances", permission: "allowance.read", labelFor: { DOCTOR: "myAllowances" } },
  { href: "/doctors", labelKey: "doctors", icon: "doctors", permission: "doctor.read", roles: ["BUREAU_ADMIN", "BUREAU_STAFF", "HOSPITAL_NOMINATOR", "AUDITOR"], labelFor: { HOSPITAL_NOMINATOR: "ourDoctors" } },
  { href: "/evaluations", labelKey: "evaluations", icon: "evaluations", permission: "evaluation.read", roles: SERVICE_ROLES, labelFor: { DOCTOR: "myEvaluations" } },
  // Workforce indicators and targeted students (seed 002): the bureaus' region; a hospital its own students and doctors.
  { href: "/workforce", labelKey: "workforce", icon: "workforce", permission: "workforce.read", labelFor: { HOSPITAL_NOMINATOR: "workforceOwn" } },
  // The doctor's own record across programmes and years (issue 16); others open a doctor's from his page.
  { href: "/timeline", labelKey: "myTimeline", icon: "timeline", permission: "application.register" },
  { href: "/admin/users", labelKey: "users", icon: "users", permission: "user.read" },
  { href: "/admin/organizations", labelKey: "organizations", icon: "organizations", permission: "organization.read" },
  { href: "/admin/audit", labelKey: "audit", icon: "audit", permission: "audit.read" },
];

/** The role's menu, each item with the label for that role. */
export function navFor(role: Role): NavItem[] {
  return navItems
    .filter((item) => (permissions[item.permission] as readonly Role[]).includes(role) && (!item.roles || item.roles.includes(role)))
    .map((item) => ({ ...item, labelKey: item.labelFor?.[role] ?? item.labelKey }));
}

/** The label key the role's menu gives the area at `href` (breadcrumbs use the same words as the menu). */
export function navLabelFor(href: string, role: Role): string {
  const item = navItems.find((candidate) => candidate.href === href);
  if (!item) throw new Error(`No menu item at ${href}`);
  return item.labelFor?.[role] ?? item.labelKey;
}
