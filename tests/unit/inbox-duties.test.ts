// Who has which duty in the to-do inbox (lib/auth/policy.ts's waiting fragments), role by role,
// written out by hand: a fragment is null (fail closed) for every role without the duty.
import { describe, expect, it } from "vitest";
import {
  endorsementWaitingWhere,
  handoverToReadWhere,
  leaveWaitingWhere,
  objectionWaitingWhere,
  paymentDueWhere,
  returnedLogWhere,
  reviewWaitingWhere,
  scoringParties,
  workLogWaitingWhere,
  type Scope,
} from "@/lib/auth/policy";
import type { Role } from "@/lib/generated/prisma/enums";

const ROLES: Role[] = ["BUREAU_ADMIN", "BUREAU_STAFF", "HOSPITAL_NOMINATOR", "RECEIVING_SUPERVISOR", "DOCTOR", "AUDITOR", "FINANCE_OFFICER"];
const scopeOf = (role: Role): Scope => ({ user: { id: "u", role, organizationId: "city", doctorId: role === "DOCTOR" ? "d1" : null }, subtreeIds: ["city", "county"], ancestorIds: ["city"] });
const day = new Date("2026-12-31T00:00:00Z");

const duties: Record<string, [(scope: Scope) => unknown, Role[]]> = {
  review: [reviewWaitingWhere, ["BUREAU_ADMIN", "BUREAU_STAFF"]],
  endorse: [endorsementWaitingWhere, ["HOSPITAL_NOMINATOR"]],
  objection: [objectionWaitingWhere, ["BUREAU_ADMIN", "BUREAU_STAFF"]],
  leave: [leaveWaitingWhere, ["BUREAU_ADMIN", "BUREAU_STAFF", "RECEIVING_SUPERVISOR"]],
  workLog: [workLogWaitingWhere, ["RECEIVING_SUPERVISOR"]],
  returnedLog: [returnedLogWhere, ["DOCTOR"]],
  handover: [handoverToReadWhere, ["RECEIVING_SUPERVISOR", "DOCTOR"]],
  payment: [(scope) => paymentDueWhere(scope, day), ["FINANCE_OFFICER"]],
  score: [(scope) => (scoringParties(scope).length > 0 ? {} : null), ["BUREAU_ADMIN", "BUREAU_STAFF", "HOSPITAL_NOMINATOR", "RECEIVING_SUPERVISOR"]],
};

describe("the inbox's duties per role", () => {
  for (const [duty, [where, roles]] of Object.entries(duties)) {
    it(`${duty}: ${roles.join(", ")} only`, () => {
      expect(ROLES.filter((role) => where(scopeOf(role)) !== null)).toEqual(roles);
    });
  }

  it("a doctor's hand-overs are those left to his own dispatch; a doctor account without a record has none", () => {
    expect(handoverToReadWhere(scopeOf("DOCTOR"))).toMatchObject({ dispatch: { successor: { doctorId: "d1" } }, reads: { none: { userId: "u" } } });
    expect(handoverToReadWhere({ ...scopeOf("DOCTOR"), user: { ...scopeOf("DOCTOR").user, doctorId: null } })).toBeNull();
  });
});
