// The one place that decides what a user may see. Lists are filtered in the database with the
// `where` fragments below, never after fetching. Unknown roles see nothing (fail closed).
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import type { EvaluationParty, Role } from "../generated/prisma/enums";

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
const ALL_ROLES: readonly Role[] = ["BUREAU_ADMIN", "BUREAU_STAFF", "HOSPITAL_NOMINATOR", "RECEIVING_SUPERVISOR", "DOCTOR", "AUDITOR", "FINANCE_OFFICER"];
const NOTHING = { id: { in: [] as string[] } };

/**
 * Who may do what: the permission matrix. Every server action and route handler names one of these
 * (tests/unit/entry-points-guarded.test.ts proves it); record-level checks then ask
 * `authorize` with the record's owning organisation, derived on the server from the record's id.
 */
export const permissions = {
  "self.switchLocale": ALL_ROLES,
  "self.changePassword": ALL_ROLES,
  "organization.read": ["BUREAU_ADMIN", "BUREAU_STAFF", "AUDITOR"],
  "organization.manage": ["BUREAU_ADMIN"],
  "user.read": ["BUREAU_ADMIN", "AUDITOR"],
  "user.manage": ["BUREAU_ADMIN"],
  "audit.read": ["BUREAU_ADMIN", "AUDITOR"],
  // Programmes: every role reads those programWhere lets it see; bureaus run them.
  "program.read": ALL_ROLES,
  "program.manage": ["BUREAU_ADMIN", "BUREAU_STAFF"],
  // Doctors' registry: hospitals keep their own doctors' records; bureaus may correct those below them.
  "doctor.read": ["BUREAU_ADMIN", "BUREAU_STAFF", "HOSPITAL_NOMINATOR", "AUDITOR", "DOCTOR"],
  "doctor.manage": ["BUREAU_ADMIN", "BUREAU_STAFF", "HOSPITAL_NOMINATOR"],
  // The full ID number is shown only to those who need it (a doctor sees their own); others see it masked.
  "doctor.viewIdNumber": ["BUREAU_ADMIN", "BUREAU_STAFF", "HOSPITAL_NOMINATOR", "DOCTOR"],
  "eligibility.screen": ["BUREAU_ADMIN", "BUREAU_STAFF", "AUDITOR", "HOSPITAL_NOMINATOR"],
  // Nominations and vetting: everyone reads the applications applicationWhere lets them see; units
  // nominate their doctors and endorse self-registrations; doctors register themselves; bureaus vet.
  "application.read": ALL_ROLES,
  "application.nominate": ["HOSPITAL_NOMINATOR"],
  "application.register": ["DOCTOR"],
  "application.endorse": ["HOSPITAL_NOMINATOR"],
  /** Withdrawing one's own application (the doctor) or one's unit's nomination. Staff withdraw by a decision. */
  "application.withdraw": ["HOSPITAL_NOMINATOR", "DOCTOR"],
  "application.decide": ["BUREAU_ADMIN", "BUREAU_STAFF"],
  "application.reopenStage": ["BUREAU_ADMIN", "BUREAU_STAFF"],
  /** The vetting board, quotas of every unit, and the report and approved lists as spreadsheets. */
  "vetting.read": ["BUREAU_ADMIN", "BUREAU_STAFF", "AUDITOR"],
  /** Programme health (issue 16): posts filled, the stages' counts and waits, ratios, quotas, service, allowances and grades of a programme. The bureau only: hospitals and doctors are refused. */
  "program.health": ["BUREAU_ADMIN", "BUREAU_STAFF", "AUDITOR"],
  "attachment.upload": ["BUREAU_ADMIN", "BUREAU_STAFF", "HOSPITAL_NOMINATOR", "DOCTOR"],
  "self.notifications": ALL_ROLES,
  // After selection. The public notice (公示) of the approved list: staff publish, answer objections
  // and confirm (freeze) the list; anyone signed in who can see the programme may object.
  "notice.manage": ["BUREAU_ADMIN", "BUREAU_STAFF"],
  "notice.object": ALL_ROLES,
  // Dispatch and service: everyone reads the dispatches dispatchWhere lets them see; bureaus dispatch.
  "dispatch.read": ALL_ROLES,
  "dispatch.manage": ["BUREAU_ADMIN", "BUREAU_STAFF"],
  /** The doctor files leave, work logs, mentoring pairs and the hand-over packet of their own dispatch. */
  "service.file": ["DOCTOR"],
  /** Confirming that one has read a hand-over packet (交接): the successor doctor and the receiving unit. */
  "handover.acknowledge": ["RECEIVING_SUPERVISOR", "DOCTOR"],
  /** The receiving supervisor confirms logs, approves leave first and records attendance of doctors placed with it. */
  "service.supervise": ["RECEIVING_SUPERVISOR"],
  /** Bureau staff approve leave the programme office must approve, and record spot checks. */
  "service.oversee": ["BUREAU_ADMIN", "BUREAU_STAFF"],
  // Evaluations (annual assessment, end-of-service form): everyone reads what assessmentWhere lets
  // them see; bureaus make schemes, open assessments and grade; each party scores its own doctors
  // (the bureau, the receiving unit's supervisor, the dispatching unit's nominator).
  "evaluation.read": ALL_ROLES,
  "evaluation.manage": ["BUREAU_ADMIN", "BUREAU_STAFF"],
  "evaluation.score": ["BUREAU_ADMIN", "BUREAU_STAFF", "RECEIVING_SUPERVISOR", "HOSPITAL_NOMINATOR"],
  /** The end-of-service form (服务期满评价表): the doctor, the dispatching and receiving units and the bureau each fill their part (the use case checks which, and whose dispatch). */
  "evaluation.endOfService": ["BUREAU_ADMIN", "BUREAU_STAFF", "RECEIVING_SUPERVISOR", "HOSPITAL_NOMINATOR", "DOCTOR"],
  /** Deciding leave: the receiving supervisor first, the bureau for leave that extends service (the use case checks which step and whose unit). */
  "leave.decide": ["RECEIVING_SUPERVISOR", "BUREAU_ADMIN", "BUREAU_STAFF"],
  /** Recording attendance (spot checks, routine checks, leave without approval): the receiving supervisor or the programme's bureau. */
  "attendance.record": ["RECEIVING_SUPERVISOR", "BUREAU_ADMIN", "BUREAU_STAFF"],
  // Allowances (docs/decisions/003-finance-role.md): everyone reads the lines allowanceLineWhere lets
  // them see; bureau staff keep the policy and add event lines and corrections; finance officers pay.
  "allowance.read": ALL_ROLES,
  "allowance.manage": ["BUREAU_ADMIN", "BUREAU_STAFF"],
  /** The finance month, totals and the payment sheet. */
  "allowance.finance": ["BUREAU_ADMIN", "BUREAU_STAFF", "AUDITOR", "FINANCE_OFFICER"],
  "allowance.pay": ["FINANCE_OFFICER"],
  // Workforce (seed 002, issue 16). The region's indicators are the bureaus' (a county bureau its own
  // region and those below); targeted students' contracts and the grassroots service owed before
  // promotion are also read by a hospital for its own doctors and the students serving with it.
  // Only bureau staff enter targets, actuals and contracts.
  "workforce.read": ["BUREAU_ADMIN", "BUREAU_STAFF", "AUDITOR", "HOSPITAL_NOMINATOR"],
  "workforce.indicators": ["BUREAU_ADMIN", "BUREAU_STAFF", "AUDITOR"],
  "workforce.manage": ["BUREAU_ADMIN", "BUREAU_STAFF"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export function isPermission(value: unknown): value is Permission {
  return typeof value === "string" && Object.hasOwn(permissions, value);
}

/** Whether the user's role carries the permission, and, for a record, whether it lies in the user's scope. */
export function can(scope: Scope, permission: Permission, target?: { organizationId: string }): boolean {
  const roles: readonly Role[] = permissions[permission] ?? [];
  if (!roles.includes(scope.user.role)) return false;
  if (!target) return true;
  if (permission.startsWith("self.")) return true;
  return scope.subtreeIds.includes(target.organizationId);
}

/** `can`, or an AppError("forbidden") that the action client and the API turn into a refusal (403). */
export function authorize(scope: Scope, permission: Permission, target?: { organizationId: string }): void {
  if (!can(scope, permission, target)) throw new AppError("forbidden");
}

/**
 * The employer a doctor's record may name, when the user does not choose it: a hospital's nominator
 * registers and edits doctors of its own hospital only (the form shows it fixed); bureaus choose
 * among the hospitals below them (null).
 */
export function fixedEmployerId(scope: Scope): string | null {
  return scope.user.role === "HOSPITAL_NOMINATOR" ? scope.user.organizationId : null;
}

/**
 * Whether a programme's applications concern the user (the programme page's applications panel:
 * nominate, register, the vetting board, the list). A receiving supervisor meets the doctors only
 * once they are dispatched, in the service pages.
 */
export function followsApplications(scope: Scope): boolean {
  return scope.user.role !== "RECEIVING_SUPERVISOR";
}

/** Whether the user's list of applications holds other people's: a doctor sees only his own, so no search by a doctor's name. */
export function searchesApplicantsByName(scope: Scope): boolean {
  return scope.user.role !== "DOCTOR";
}

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
  if (role === "FINANCE_OFFICER") {
    // A bureau's finance office: its programmes; a dispatching unit's: the programmes its doctors serve in.
    return { OR: [{ bureauId: { in: scope.subtreeIds } }, { dispatches: { some: { doctor: { employerId: { in: scope.subtreeIds } } } } }] };
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

/**
 * The stored screening verdicts (issue 17) of the doctors doctorWhere lets the caller see. The same
 * rule, read off the verdict's copy of the doctor's employer where the rule is "employed in the
 * subtree" (so the page's index serves it without joining the registry); otherwise through the doctor.
 */
export function screeningVerdictWhere(scope: Scope): Prisma.ScreeningVerdictWhereInput {
  const { role } = scope.user;
  if (isBureauRole(role) || role === "HOSPITAL_NOMINATOR") return { employerId: { in: scope.subtreeIds } };
  if (role === "DOCTOR") return scope.user.doctorId ? { doctorId: scope.user.doctorId } : { doctorId: { in: [] } };
  return { doctor: doctorWhere(scope) };
}

/**
 * screeningVerdictWhere as a list of employers, where it is one (bureaus, nominators: "employed in the
 * subtree"): the screening tabs' counts are then summed from the kept counts per post and employer
 * (ScreeningVerdictCount). null where the rule is another (a doctor, a receiving unit): counted from
 * the verdicts themselves. tests/unit/policy.test.ts holds the two together.
 */
export function screeningEmployerIds(scope: Scope): string[] | null {
  return employerIdsOf(screeningVerdictWhere(scope));
}

/**
 * doctorWhere as a list of employers, where it is one (bureaus, nominators): the doctors list's total is
 * then summed from the kept doctors per employer (DoctorTally). null where the rule is another.
 */
export function doctorEmployerIds(scope: Scope): string[] | null {
  return employerIdsOf(doctorWhere(scope));
}

function employerIdsOf(where: { employerId?: unknown }): string[] | null {
  const employer = where.employerId;
  return employer && typeof employer === "object" && "in" in employer && Array.isArray(employer.in) ? [...(employer.in as string[])] : null;
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

/** Accounts: bureau admins and auditors see the accounts of their organisation and all below it. */
export function userWhere(scope: Scope): Prisma.UserWhereInput {
  if (scope.user.role === "BUREAU_ADMIN" || scope.user.role === "AUDITOR") return { organizationId: { in: scope.subtreeIds } };
  return NOTHING;
}

/**
 * Audit rows are scoped by the organisation the actor acted for (snapshotted in the row). Some rows
 * have no actor organisation: failed logins with an unknown or inactive user name, and system events
 * (the demo seed). They belong to no bureau, yet someone must see them (they are how a password-
 * guessing attack shows up), so the admins and auditors of a top-level bureau (an organisation with
 * nothing above it) see them too; a county bureau's admin, whose organisation has a parent, does not.
 * On a deployment shared by several top-level bureaus, each of them sees these unattributed rows.
 */
export function auditLogWhere(scope: Scope): Prisma.AuditLogWhereInput {
  if (scope.user.role !== "BUREAU_ADMIN" && scope.user.role !== "AUDITOR") return { id: { in: [] as bigint[] } };
  const own: Prisma.AuditLogWhereInput = { actorOrgId: { in: scope.subtreeIds } };
  const isTopLevel = scope.ancestorIds.length === 1 && scope.ancestorIds[0] === scope.user.organizationId;
  return isTopLevel ? { OR: [own, { actorOrgId: null }] } : own;
}

/**
 * Dispatches (and through them leave, attendance, work logs, mentoring and hand-overs): bureaus see
 * their programmes' dispatches; a dispatching unit its own doctors'; a receiving unit those placed
 * with it; a doctor their own.
 */
export function dispatchWhere(scope: Scope): Prisma.DispatchWhereInput {
  const { role } = scope.user;
  if (isBureauRole(role)) return { program: { bureauId: { in: scope.subtreeIds } } };
  if (role === "HOSPITAL_NOMINATOR") return { doctor: { employerId: { in: scope.subtreeIds } } };
  if (role === "RECEIVING_SUPERVISOR") return { receivingOrgId: { in: scope.subtreeIds } };
  if (role === "DOCTOR") return scope.user.doctorId ? { doctorId: scope.user.doctorId } : NOTHING;
  return NOTHING;
}

/**
 * The dispatches whose hand-over packet a user may open: those dispatchWhere lets them see, and the
 * predecessors of those (a doctor reads the packet left to them by the doctor they succeed). Drafts
 * stay the author's (lib/server/handover.ts).
 */
export function handoverDispatchWhere(scope: Scope): Prisma.DispatchWhereInput {
  return { OR: [dispatchWhere(scope), { successor: dispatchWhere(scope) }] };
}

/**
 * The dispatches whose payment schedules a user may open: those of dispatchWhere; for a finance
 * office, those of its bureau's programmes and of its unit's doctors (finance sees nothing else of
 * the service).
 */
export function allowanceDispatchWhere(scope: Scope): Prisma.DispatchWhereInput {
  if (scope.user.role === "FINANCE_OFFICER") return { OR: [{ program: { bureauId: { in: scope.subtreeIds } } }, { doctor: { employerId: { in: scope.subtreeIds } } }] };
  return dispatchWhere(scope);
}

/**
 * Annual assessments: bureaus see their programmes'; a receiving unit those with doctors placed with
 * it; a dispatching unit those with its doctors; a doctor those they are in.
 */
export function assessmentWhere(scope: Scope): Prisma.AssessmentWhereInput {
  const { role } = scope.user;
  if (isBureauRole(role)) return { program: { bureauId: { in: scope.subtreeIds } } };
  return { subjects: { some: assessmentSubjectWhere(scope) } };
}

/** The doctors of an assessment a user may see: the bureau all; units their own; a doctor themself. */
export function assessmentSubjectWhere(scope: Scope): Prisma.AssessmentSubjectWhereInput {
  const { role } = scope.user;
  if (isBureauRole(role)) return { assessment: { program: { bureauId: { in: scope.subtreeIds } } } };
  if (role === "HOSPITAL_NOMINATOR") return { dispatchingOrgId: { in: scope.subtreeIds } };
  if (role === "RECEIVING_SUPERVISOR") return { receivingOrgId: { in: scope.subtreeIds } };
  if (role === "DOCTOR") return scope.user.doctorId ? { doctorId: scope.user.doctorId } : NOTHING;
  return NOTHING;
}

/**
 * dispatchWhere for aggregate SQL (the workload totals group in the database, where Prisma's `where`
 * cannot follow): which column of a dispatch (or of its programme or doctor) must lie in `ids`.
 * The same decision as dispatchWhere, role by role; tests/unit/policy.test.ts holds them together.
 */
export type DispatchScopeFilter = { column: "program.bureauId" | "doctor.employerId" | "receivingOrgId" | "doctorId"; ids: string[] } | { column: "none" };

export function dispatchScopeFilter(scope: Scope): DispatchScopeFilter {
  const { role } = scope.user;
  if (isBureauRole(role)) return { column: "program.bureauId", ids: scope.subtreeIds };
  if (role === "HOSPITAL_NOMINATOR") return { column: "doctor.employerId", ids: scope.subtreeIds };
  if (role === "RECEIVING_SUPERVISOR") return { column: "receivingOrgId", ids: scope.subtreeIds };
  if (role === "DOCTOR") return scope.user.doctorId ? { column: "doctorId", ids: [scope.user.doctorId] } : { column: "none" };
  return { column: "none" };
}

/**
 * programWhere for the programme-health aggregates (SQL, lib/server/program-health.ts): the bureaus
 * whose programmes the user may read the health of — a bureau its own and those below it; anyone
 * else none (they hold no "program.health" either).
 */
export function programHealthBureauIds(scope: Scope): string[] {
  return can(scope, "program.health") ? scope.subtreeIds : [];
}

/**
 * Allowance lines: bureaus, units and doctors see the lines of the dispatches they see; a receiving
 * unit what it receives; a finance office the lines of its bureau's programmes, or, for a dispatching
 * unit's, the lines its unit pays.
 */
export function allowanceLineWhere(scope: Scope): Prisma.AllowanceLineWhereInput {
  const { role } = scope.user;
  if (role === "RECEIVING_SUPERVISOR") return { payee: "RECEIVING_UNIT", dispatch: { receivingOrgId: { in: scope.subtreeIds } } };
  if (role === "FINANCE_OFFICER") {
    return {
      OR: [
        { dispatch: { program: { bureauId: { in: scope.subtreeIds } } } },
        { payer: "DISPATCHING_UNIT", dispatch: { doctor: { employerId: { in: scope.subtreeIds } } } },
      ],
    };
  }
  if (isBureauRole(role) || role === "HOSPITAL_NOMINATOR" || role === "DOCTOR") return { dispatch: dispatchWhere(scope) };
  return { id: { in: [] as string[] } };
}

/** The regions whose workforce indicators a user reads: the bureaus at and below the user's own (none for a hospital). */
export function workforceRegionWhere(scope: Scope): Prisma.OrganizationWhereInput {
  if (!can(scope, "workforce.indicators")) return NOTHING;
  return { id: { in: scope.subtreeIds }, kind: "BUREAU" };
}

/** Targeted students' contracts: those owed to a unit at or below the user's (a hospital: its own). */
export function targetedStudentWhere(scope: Scope): Prisma.TargetedStudentWhereInput {
  if (!can(scope, "workforce.read")) return NOTHING;
  return { serviceOrgId: { in: scope.subtreeIds } };
}

// ─── What a page offers, by who reads it: pages ask these (or `can`), never the role itself ───

/**
 * Where the user's service work lives: the doctor's own workspace (/service: the logs, leave and
 * hand-over of their own dispatches), the receiving unit's (/receiving: the doctors placed with it),
 * or the lists bureaus and dispatching units read (/worklogs, /dispatches). Breadcrumbs and the home
 * page lead there; a doctor opens no other doctor's dispatch.
 */
export type ServiceDesk = "own" | "receiving" | "lists";

export function serviceDesk(scope: Scope): ServiceDesk {
  if (can(scope, "service.file")) return "own";
  if (can(scope, "service.supervise")) return "receiving";
  return "lists";
}

/**
 * What the allowances home shows: the month's lines due and paid per payer (finance and bureau
 * staff), the month of what a receiving unit receives, or the schedules of the dispatches the user
 * follows (a doctor their own, a dispatching unit its doctors').
 */
export function allowanceDesk(scope: Scope): "finance" | "receiving" | "schedules" {
  if (can(scope, "allowance.finance")) return "finance";
  if (serviceDesk(scope) === "receiving") return "receiving";
  return "schedules";
}

// ─── What waits on the user (the to-do inbox, lib/server/inbox.ts; the leave queue, the hand-overs) ───
// Each returns the `where` fragment of the records waiting for the user's own act, or null when the
// user's role has no such duty: the same permission as the act itself, within the same scope.

/** Applications waiting for a vetting decision (the bureau's staff). */
export function reviewWaitingWhere(scope: Scope): Prisma.ApplicationWhereInput | null {
  return can(scope, "application.decide") ? { AND: [applicationWhere(scope), { status: "IN_PROGRESS" }] } : null;
}

/** Self-registrations waiting for the unit's endorsement (the unit's nominator). */
export function endorsementWaitingWhere(scope: Scope): Prisma.ApplicationWhereInput | null {
  return can(scope, "application.endorse") ? { AND: [applicationWhere(scope), { status: "PENDING_ENDORSEMENT" }] } : null;
}

/** Objections to a public notice not answered yet (the programme's staff). */
export function objectionWaitingWhere(scope: Scope): Prisma.NoticeObjectionWhereInput | null {
  return can(scope, "notice.manage") ? { answer: { is: null }, notice: { program: programWhere(scope) } } : null;
}

/** Leave waiting on the user: the receiving supervisor's first step, the bureau's second. */
export function leaveWaitingWhere(scope: Scope): Prisma.LeaveRequestWhereInput | null {
  const or: Prisma.LeaveRequestWhereInput[] = [];
  if (can(scope, "service.supervise")) or.push({ status: "PENDING_SUPERVISOR", dispatch: { receivingOrgId: { in: scope.subtreeIds } } });
  if (can(scope, "service.oversee")) or.push({ status: "PENDING_BUREAU", dispatch: { program: { bureauId: { in: scope.subtreeIds } } } });
  return or.length === 0 ? null : { AND: [{ OR: or }, { dispatch: dispatchWhere(scope) }] };
}

/** Work logs waiting for the receiving supervisor's confirmation. */
export function workLogWaitingWhere(scope: Scope): Prisma.WorkLogWhereInput | null {
  return can(scope, "service.supervise") ? { status: "SUBMITTED", dispatch: dispatchWhere(scope) } : null;
}

/** The doctor's own work logs returned with a comment, waiting to be corrected and sent again. */
export function returnedLogWhere(scope: Scope): Prisma.WorkLogWhereInput | null {
  return can(scope, "service.file") ? { status: "RETURNED", dispatch: dispatchWhere(scope) } : null;
}

/**
 * Submitted hand-over packets the user has not read: the successor doctor's (the packet of the
 * dispatch their own follows) and the receiving unit's (the packets of doctors placed with it).
 */
export function handoverToReadWhere(scope: Scope): Prisma.HandoverPacketWhereInput | null {
  if (!can(scope, "handover.acknowledge")) return null;
  const unread: Prisma.HandoverPacketWhereInput = { submittedAt: { not: null }, reads: { none: { userId: scope.user.id } } };
  if (can(scope, "service.file")) return scope.user.doctorId ? { ...unread, dispatch: { successor: { doctorId: scope.user.doctorId } } } : null;
  return { ...unread, dispatch: { receivingOrgId: { in: scope.subtreeIds } } };
}

/** The parties of an assessment scheme the user scores as: the bureau, the receiving unit's supervisor, the dispatching unit's nominator. */
const PARTIES_OF_ROLE: Partial<Record<Role, readonly EvaluationParty[]>> = {
  BUREAU_ADMIN: ["BUREAU", "RECEIVING_HEALTH_DEPT", "SUPPORT_HEALTH_DEPT"],
  BUREAU_STAFF: ["BUREAU", "RECEIVING_HEALTH_DEPT", "SUPPORT_HEALTH_DEPT"],
  RECEIVING_SUPERVISOR: ["RECEIVING_UNIT", "RECEIVING_INSTITUTION"],
  HOSPITAL_NOMINATOR: ["DISPATCHING_UNIT", "SUPPORT_INSTITUTION"],
};

export function scoringParties(scope: Scope): readonly EvaluationParty[] {
  return can(scope, "evaluation.score") ? (PARTIES_OF_ROLE[scope.user.role] ?? []) : [];
}

/** Assessed doctors of an assessment still scoring whose sheet for `party` the user has yet to submit. */
export function scoreWaitingWhere(scope: Scope, party: EvaluationParty): Prisma.AssessmentSubjectWhereInput | null {
  if (!scoringParties(scope).includes(party)) return null;
  return {
    AND: [assessmentSubjectWhere(scope), { assessed: true, assessment: { status: "SCORING", scheme: { parties: { some: { party } } } }, scores: { none: { party, submitted: true } } }],
  };
}

/**
 * A bureau's workbench (the landing page's figures, its programmes and deadlines, and its to-do inbox)
 * for aggregate SQL (lib/server/workbench-sql.ts), where Prisma's counts and group-bys would take a
 * statement each: which ids each of the filters above tests and which duties the role holds. The same
 * decisions as programWhere (Program.bureauId), postWhere (through the programme), doctorWhere
 * (Doctor.employerId), organizationWhere (Organization.id), auditLogWhere, reviewWaitingWhere
 * (the application's programme, through its post), objectionWaitingWhere, leaveWaitingWhere (the
 * bureau's step: the dispatch's programme) and scoringParties for a bureau role; the other waiting
 * fragments hold nothing for a bureau. tests/unit/policy.test.ts and
 * tests/integration/workbench-queries.test.ts hold them together. null for every other role.
 */
export interface BureauWorkbenchFilter {
  bureauIds: string[];
  employerIds: string[];
  organizationIds: string[];
  /** null: the role reads no audit log. */
  audit: { actorOrgIds: string[]; unattributed: boolean } | null;
  reviews: boolean;
  objections: boolean;
  leave: boolean;
  scoreParties: readonly EvaluationParty[];
}

export function bureauWorkbenchFilter(scope: Scope): BureauWorkbenchFilter | null {
  const { role } = scope.user;
  // A duty the SQL does not cover (the others' inbox items) sends the role down the Prisma path.
  const beyond: Permission[] = ["application.endorse", "service.supervise", "service.file", "handover.acknowledge", "allowance.pay"];
  if (!isBureauRole(role) || beyond.some((permission) => can(scope, permission))) return null;
  const readsAudit = role === "BUREAU_ADMIN" || role === "AUDITOR";
  const isTopLevel = scope.ancestorIds.length === 1 && scope.ancestorIds[0] === scope.user.organizationId;
  return {
    bureauIds: scope.subtreeIds,
    employerIds: scope.subtreeIds,
    organizationIds: scope.subtreeIds,
    audit: readsAudit ? { actorOrgIds: scope.subtreeIds, unattributed: isTopLevel } : null,
    reviews: can(scope, "application.decide"),
    objections: can(scope, "notice.manage"),
    leave: can(scope, "service.oversee"),
    scoreParties: scoringParties(scope),
  };
}

/** Unpaid allowance lines due by `dueBy` that the user's office pays (a dispatching unit's lines its unit, the others the programme's bureau). */
export function paymentDueWhere(scope: Scope, dueBy: Date): Prisma.AllowanceLineWhereInput | null {
  if (!can(scope, "allowance.pay")) return null;
  return {
    status: "UNPAID",
    dueDate: { lte: dueBy },
    OR: [
      { payer: { not: "DISPATCHING_UNIT" }, dispatch: { program: { bureauId: { in: scope.subtreeIds } } } },
      { payer: "DISPATCHING_UNIT", dispatch: { doctor: { employerId: { in: scope.subtreeIds } } } },
    ],
  };
}
