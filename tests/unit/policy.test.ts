import { describe, expect, it } from "vitest";
import { allowanceDesk, can, permissions, serviceDesk, type Permission, type Scope } from "@/lib/auth/policy";
import type { Role } from "@/lib/generated/prisma/enums";

const ROLES: Role[] = ["BUREAU_ADMIN", "BUREAU_STAFF", "HOSPITAL_NOMINATOR", "RECEIVING_SUPERVISOR", "DOCTOR", "AUDITOR", "FINANCE_OFFICER"];

function scopeOf(role: Role): Scope {
  return { user: { id: "u", role, organizationId: "city", doctorId: null }, subtreeIds: ["city", "county", "hospital"], ancestorIds: ["city"] };
}

// The expected matrix, written out by hand so that a change to lib/auth/policy.ts must be made twice.
const expected: Record<Permission, Role[]> = {
  "self.switchLocale": ROLES,
  "self.changePassword": ROLES,
  "organization.read": ["BUREAU_ADMIN", "BUREAU_STAFF", "AUDITOR"],
  "organization.manage": ["BUREAU_ADMIN"],
  "user.read": ["BUREAU_ADMIN", "AUDITOR"],
  "user.manage": ["BUREAU_ADMIN"],
  "audit.read": ["BUREAU_ADMIN", "AUDITOR"],
  "program.read": ROLES,
  "program.manage": ["BUREAU_ADMIN", "BUREAU_STAFF"],
  "doctor.read": ["BUREAU_ADMIN", "BUREAU_STAFF", "HOSPITAL_NOMINATOR", "AUDITOR", "DOCTOR"],
  "doctor.manage": ["BUREAU_ADMIN", "BUREAU_STAFF", "HOSPITAL_NOMINATOR"],
  "doctor.viewIdNumber": ["BUREAU_ADMIN", "BUREAU_STAFF", "HOSPITAL_NOMINATOR", "DOCTOR"],
  "eligibility.screen": ["BUREAU_ADMIN", "BUREAU_STAFF", "AUDITOR", "HOSPITAL_NOMINATOR"],
  "application.read": ROLES,
  "application.nominate": ["HOSPITAL_NOMINATOR"],
  "application.register": ["DOCTOR"],
  "application.endorse": ["HOSPITAL_NOMINATOR"],
  "application.withdraw": ["HOSPITAL_NOMINATOR", "DOCTOR"],
  "application.decide": ["BUREAU_ADMIN", "BUREAU_STAFF"],
  "application.reopenStage": ["BUREAU_ADMIN", "BUREAU_STAFF"],
  "vetting.read": ["BUREAU_ADMIN", "BUREAU_STAFF", "AUDITOR"],
  "program.health": ["BUREAU_ADMIN", "BUREAU_STAFF", "AUDITOR"],
  "attachment.upload": ["BUREAU_ADMIN", "BUREAU_STAFF", "HOSPITAL_NOMINATOR", "DOCTOR"],
  "self.notifications": ROLES,
  "notice.manage": ["BUREAU_ADMIN", "BUREAU_STAFF"],
  "notice.object": ROLES,
  "dispatch.read": ROLES,
  "dispatch.manage": ["BUREAU_ADMIN", "BUREAU_STAFF"],
  "service.file": ["DOCTOR"],
  "service.supervise": ["RECEIVING_SUPERVISOR"],
  "handover.acknowledge": ["RECEIVING_SUPERVISOR", "DOCTOR"],
  "service.oversee": ["BUREAU_ADMIN", "BUREAU_STAFF"],
  "evaluation.read": ROLES,
  "evaluation.manage": ["BUREAU_ADMIN", "BUREAU_STAFF"],
  "evaluation.score": ["BUREAU_ADMIN", "BUREAU_STAFF", "RECEIVING_SUPERVISOR", "HOSPITAL_NOMINATOR"],
  "evaluation.endOfService": ["BUREAU_ADMIN", "BUREAU_STAFF", "RECEIVING_SUPERVISOR", "HOSPITAL_NOMINATOR", "DOCTOR"],
  "leave.decide": ["RECEIVING_SUPERVISOR", "BUREAU_ADMIN", "BUREAU_STAFF"],
  "attendance.record": ["RECEIVING_SUPERVISOR", "BUREAU_ADMIN", "BUREAU_STAFF"],
  "allowance.read": ROLES,
  "allowance.manage": ["BUREAU_ADMIN", "BUREAU_STAFF"],
  "allowance.finance": ["BUREAU_ADMIN", "BUREAU_STAFF", "AUDITOR", "FINANCE_OFFICER"],
  "allowance.pay": ["FINANCE_OFFICER"],
  "workforce.read": ["BUREAU_ADMIN", "BUREAU_STAFF", "AUDITOR", "HOSPITAL_NOMINATOR"],
  "workforce.indicators": ["BUREAU_ADMIN", "BUREAU_STAFF", "AUDITOR"],
  "workforce.manage": ["BUREAU_ADMIN", "BUREAU_STAFF"],
};

describe("permission matrix", () => {
  const cases = (Object.keys(permissions) as Permission[]).flatMap((p) => ROLES.map((r) => [p, r] as const));
  it.each(cases)("%s for %s", (permission, role) => {
    expect(can(scopeOf(role), permission)).toBe((expected[permission] ?? []).includes(role));
  });

  it("lists every permission in the expected matrix (a new one must be decided here)", () => {
    expect(Object.keys(permissions).sort()).toEqual(Object.keys(expected).sort());
  });

  it("allows a record only inside the user's subtree", () => {
    const admin = scopeOf("BUREAU_ADMIN");
    expect(can(admin, "organization.manage", { organizationId: "hospital" })).toBe(true);
    expect(can(admin, "organization.manage", { organizationId: "another-city" })).toBe(false);
  });

  it("fails closed for an unknown role or permission", () => {
    expect(can(scopeOf("INTRUDER" as Role), "self.switchLocale")).toBe(false);
    expect(can(scopeOf("BUREAU_ADMIN"), "everything.delete" as Permission)).toBe(false);
  });
});

describe("dispatchScopeFilter says what dispatchWhere says, for aggregate SQL", () => {
  it.each(ROLES)("%s", async (role) => {
    const { dispatchScopeFilter, dispatchWhere } = await import("@/lib/auth/policy");
    const scope = { ...scopeOf(role), user: { ...scopeOf(role).user, doctorId: role === "DOCTOR" ? "doc1" : null } };
    const where = JSON.stringify(dispatchWhere(scope));
    const filter = dispatchScopeFilter(scope);
    if (filter.column === "none") {
      expect(where).toBe(JSON.stringify({ id: { in: [] } }));
      return;
    }
    const [relation, column] = filter.column.includes(".") ? filter.column.split(".") : [null, filter.column];
    const expected = relation ? { [relation]: { [column!]: { in: filter.ids } } } : column === "doctorId" ? { doctorId: filter.ids[0] } : { [column!]: { in: filter.ids } };
    expect(JSON.parse(where)).toEqual(expected);
  });
  it("a doctor without a registry record sees nothing", async () => {
    const { dispatchScopeFilter } = await import("@/lib/auth/policy");
    expect(dispatchScopeFilter(scopeOf("DOCTOR"))).toEqual({ column: "none" });
  });
});

describe("bureauWorkbenchFilter says what the workbench's where fragments say, for aggregate SQL", () => {
  it.each(ROLES)("%s", async (role) => {
    const policy = await import("@/lib/auth/policy");
    const scope = scopeOf(role);
    const filter = policy.bureauWorkbenchFilter(scope);
    if (!policy.isBureauRole(role)) {
      expect(filter).toBeNull();
      return;
    }
    const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;
    expect(filter).not.toBeNull();
    expect(plain(policy.programWhere(scope))).toEqual({ bureauId: { in: filter!.bureauIds } });
    expect(plain(policy.postWhere(scope))).toEqual({ program: { bureauId: { in: filter!.bureauIds } } });
    expect(plain(policy.doctorWhere(scope))).toEqual({ employerId: { in: filter!.employerIds } });
    expect(plain(policy.organizationWhere(scope))).toEqual({ id: { in: filter!.organizationIds } });
    const audit = filter!.audit;
    const own = audit ? { actorOrgId: { in: audit.actorOrgIds } } : null;
    expect(plain(policy.auditLogWhere(scope))).toEqual(audit ? (audit.unattributed ? { OR: [own, { actorOrgId: null }] } : own) : { id: { in: [] } });
    const inProgramme = { post: { program: { bureauId: { in: filter!.bureauIds } } } };
    expect(plain(policy.reviewWaitingWhere(scope))).toEqual(filter!.reviews ? { AND: [inProgramme, { status: "IN_PROGRESS" }] } : null);
    expect(plain(policy.objectionWaitingWhere(scope))).toEqual(filter!.objections ? { answer: { is: null }, notice: { program: { bureauId: { in: filter!.bureauIds } } } } : null);
    const dispatch = { program: { bureauId: { in: filter!.bureauIds } } };
    expect(plain(policy.leaveWaitingWhere(scope))).toEqual(filter!.leave ? { AND: [{ OR: [{ status: "PENDING_BUREAU", dispatch }] }, { dispatch }] } : null);
    expect(policy.scoringParties(scope)).toEqual(filter!.scoreParties);
    for (const party of filter!.scoreParties) {
      expect(plain(policy.scoreWaitingWhere(scope, party))).toEqual({
        AND: [{ assessment: { program: { bureauId: { in: filter!.bureauIds } } } }, { assessed: true, assessment: { status: "SCORING", scheme: { parties: { some: { party } } } }, scores: { none: { party, submitted: true } } }],
      });
    }
    // The other waiting fragments hold nothing for a bureau, so the SQL leaves them out.
    expect(policy.endorsementWaitingWhere(scope)).toBeNull();
    expect(policy.workLogWaitingWhere(scope)).toBeNull();
    expect(policy.returnedLogWhere(scope)).toBeNull();
    expect(policy.handoverToReadWhere(scope)).toBeNull();
    expect(policy.paymentDueWhere(scope, new Date())).toBeNull();
  });
});

describe("screeningEmployerIds says what screeningVerdictWhere says, where that is a list of employers", () => {
  it.each(ROLES)("%s", async (role) => {
    const { screeningEmployerIds, screeningVerdictWhere } = await import("@/lib/auth/policy");
    const scope = { ...scopeOf(role), user: { ...scopeOf(role).user, doctorId: role === "DOCTOR" ? "doc1" : null } };
    const ids = screeningEmployerIds(scope);
    const where = JSON.parse(JSON.stringify(screeningVerdictWhere(scope))) as unknown;
    if (ids === null) expect(where).not.toHaveProperty("employerId");
    else expect(where).toEqual({ employerId: { in: ids } });
    expect(ids !== null).toBe(["BUREAU_ADMIN", "BUREAU_STAFF", "AUDITOR", "HOSPITAL_NOMINATOR"].includes(role));
  });
});

// Pages ask these instead of testing the role (issue 10); written out by hand like the matrix.
describe("what a page offers, by who reads it", () => {
  const desks: Record<Role, [ReturnType<typeof serviceDesk>, ReturnType<typeof allowanceDesk>]> = {
    BUREAU_ADMIN: ["lists", "finance"],
    BUREAU_STAFF: ["lists", "finance"],
    AUDITOR: ["lists", "finance"],
    FINANCE_OFFICER: ["lists", "finance"],
    HOSPITAL_NOMINATOR: ["lists", "schedules"],
    RECEIVING_SUPERVISOR: ["receiving", "receiving"],
    DOCTOR: ["own", "schedules"],
  };
  it.each(ROLES)("%s", (role) => {
    expect([serviceDesk(scopeOf(role)), allowanceDesk(scopeOf(role))]).toEqual(desks[role]);
  });
  it("an unknown role has no desk of its own and sees schedules only", () => {
    const unknown = scopeOf("NOBODY" as Role);
    expect([serviceDesk(unknown), allowanceDesk(unknown)]).toEqual(["lists", "schedules"]);
  });
});
