// The main navigation, per role. One entry per area; an area appears only for the roles that may
// use it (the pages check access again themselves). Labels are keys of the "nav" namespace.
import type { Role } from "./generated/prisma/enums";

export interface NavItem {
  href: string;
  labelKey: string;
  icon: "dashboard" | "organizations" | "users" | "audit" | "programs" | "doctors" | "applications" | "leave" | "service" | "receiving" | "workload" | "dispatches" | "evaluations" | "allowances";
  roles: readonly Role[];
}

const ALL_ROLES: readonly Role[] = ["BUREAU_ADMIN", "BUREAU_STAFF", "HOSPITAL_NOMINATOR", "RECEIVING_SUPERVISOR", "DOCTOR", "AUDITOR", "FINANCE_OFFICER"];
/** Finance officers see programmes and allowances only: nothing of selection or of the service (docs/decisions/003-finance-role.md). */
const SERVICE_ROLES: readonly Role[] = ["BUREAU_ADMIN", "BUREAU_STAFF", "HOSPITAL_NOMINATOR", "RECEIVING_SUPERVISOR", "DOCTOR", "AUDITOR"];

export const navItems: readonly NavItem[] = [
  { href: "/", labelKey: "dashboard", icon: "dashboard", roles: ALL_ROLES },
  { href: "/service", labelKey: "service", icon: "service", roles: ["DOCTOR"] },
  { href: "/receiving", labelKey: "receiving", icon: "receiving", roles: ["RECEIVING_SUPERVISOR"] },
  { href: "/programs", labelKey: "programs", icon: "programs", roles: ALL_ROLES },
  { href: "/applications", labelKey: "applications", icon: "applications", roles: ["BUREAU_ADMIN", "BUREAU_STAFF", "HOSPITAL_NOMINATOR", "DOCTOR", "AUDITOR"] },
  { href: "/leave", labelKey: "leave", icon: "leave", roles: ["BUREAU_ADMIN", "BUREAU_STAFF", "RECEIVING_SUPERVISOR"] },
  { href: "/leave", labelKey: "myLeave", icon: "leave", roles: ["DOCTOR"] },
  { href: "/worklogs", labelKey: "workload", icon: "workload", roles: ["BUREAU_ADMIN", "BUREAU_STAFF", "AUDITOR"] },
  { href: "/dispatches", labelKey: "dispatches", icon: "dispatches", roles: SERVICE_ROLES },
  { href: "/counterparts", labelKey: "counterparts", icon: "organizations", roles: ["BUREAU_ADMIN", "BUREAU_STAFF", "AUDITOR", "HOSPITAL_NOMINATOR", "RECEIVING_SUPERVISOR"] },
  { href: "/allowances", labelKey: "allowances", icon: "allowances", roles: ALL_ROLES },
  { href: "/doctors", labelKey: "doctors", icon: "doctors", roles: ["BUREAU_ADMIN", "BUREAU_STAFF", "HOSPITAL_NOMINATOR", "AUDITOR"] },
  { href: "/evaluations", labelKey: "evaluations", icon: "evaluations", roles: ["BUREAU_ADMIN", "BUREAU_STAFF", "HOSPITAL_NOMINATOR", "RECEIVING_SUPERVISOR", "AUDITOR", "DOCTOR"] },
  { href: "/admin/users", labelKey: "users", icon: "users", roles: ["BUREAU_ADMIN", "AUDITOR"] },
  { href: "/admin/organizations", labelKey: "organizations", icon: "organizations", roles: ["BUREAU_ADMIN", "BUREAU_STAFF", "AUDITOR"] },
  { href: "/admin/audit", labelKey: "audit", icon: "audit", roles: ["BUREAU_ADMIN", "AUDITOR"] },
];

export function navFor(role: Role): NavItem[] {
  return navItems.filter((item) => item.roles.includes(role));
}
