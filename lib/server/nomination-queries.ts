import "server-only";
import { applicationWhere, authorize, isBureauRole, postWhere, programWhere, type Scope } from "../auth/policy";
import { isLiveApplication } from "../domain/nomination-rules";
import { effectiveClosesAt, submissionRefusal, type SubmissionRefusal } from "../domain/vetting";
import { AppError } from "../errors";
import type { ApplicationStatus } from "../generated/prisma/enums";
import type { PrismaClient } from "../generated/prisma/client";
import { PICKER_LIMIT } from "../schemas/list-query";
import { judgeDoctorForPost, type DoctorPostEvaluation } from "./eligibility";

// What the nomination and self-registration pages read besides the use cases: the registration
// window as it applies to the caller's unit, the doctor's own verdict for a post, the applications
// the picked doctors already have in the programme, and the application list's filter options.

export interface RegistrationWindow {
  opensAt: Date;
  /** The unit's deadline: the stage's own, or a later one staff granted the unit. */
  closesAt: Date;
  /** True when staff reopened the stage for the unit. */
  reopened: boolean;
  /** Why a submission now would be refused, or null when registration is open. */
  refusal: SubmissionRefusal | null;
}

/** The unit a submission by the caller counts for: the nominator's own organisation, or the doctor's employer. */
async function submittingUnitId(db: PrismaClient, scope: Scope): Promise<string> {
  if (scope.user.role !== "DOCTOR") return scope.user.organizationId;
  if (!scope.user.doctorId) throw new AppError("forbidden");
  const doctor = await db.doctor.findUniqueOrThrow({ where: { id: scope.user.doctorId }, select: { employerId: true } });
  return doctor.employerId;
}

/**
 * The programme's registration window for the caller's unit, as the nomination use cases apply it
 * (lib/server/applications.ts assertRegistrationOpen); null when the programme has no registration stage.
 */
export async function registrationWindow(db: PrismaClient, scope: Scope, programId: string, now = new Date()): Promise<RegistrationWindow | null> {
  authorize(scope, "program.read");
  const program = await db.program.findFirst({
    where: { AND: [{ id: programId }, programWhere(scope)] },
    select: { stages: { where: { kind: "REGISTRATION" }, select: { opensAt: true, closesAt: true } } },
  });
  const stage = program?.stages[0];
  if (!stage) return null;
  const unitId = await submittingUnitId(db, scope);
  const reopenings = await db.stageReopening.findMany({ where: { programId, stage: "REGISTRATION", organizationId: unitId }, select: { closesAt: true } });
  const until = reopenings.map((r) => r.closesAt);
  const closesAt = effectiveClosesAt(stage, until);
  return { opensAt: stage.opensAt, closesAt, reopened: closesAt.getTime() > stage.closesAt.getTime(), refusal: submissionRefusal(stage, until, now) };
}

/** The signed-in doctor's own verdict for a post they may register for (doctors do not screen others). */
export async function ownVerdictForPost(db: PrismaClient, scope: Scope, postId: string): Promise<DoctorPostEvaluation> {
  authorize(scope, "application.register");
  const doctorId = scope.user.doctorId;
  if (!doctorId) throw new AppError("forbidden");
  const post = await db.post.count({ where: { AND: [{ id: postId }, postWhere(scope)] } });
  if (!post) throw new AppError("notFound");
  return judgeDoctorForPost(db, postId, doctorId);
}

export interface ExistingApplication {
  id: string;
  doctorId: string;
  postId: string;
  postTitle: string;
  status: ApplicationStatus;
  /** Still under way: the doctor cannot apply for another post of the programme. */
  isLive: boolean;
}

/** The latest application in the programme of each of these doctors that the caller may see. */
export async function existingApplications(db: PrismaClient, scope: Scope, programId: string, doctorIds: string[]): Promise<Map<string, ExistingApplication>> {
  authorize(scope, "application.read");
  if (doctorIds.length === 0) return new Map();
  const rows = await db.application.findMany({
    where: { AND: [applicationWhere(scope), { doctorId: { in: doctorIds }, post: { programId } }] },
    select: { id: true, doctorId: true, postId: true, status: true, post: { select: { title: true } } },
    orderBy: { createdAt: "asc" },
  });
  return new Map(
    rows.map((r) => [r.doctorId, { id: r.id, doctorId: r.doctorId, postId: r.postId, postTitle: r.post.title, status: r.status, isLive: isLiveApplication(r.status) }]),
  );
}

export interface ApplicationFilterOptions {
  programs: { id: string; name: string }[];
  /**
   * Nominating units with applications the caller sees (bureaus only; others see their own): the
   * chosen one and the first PICKER_LIMIT by name, or those whose name contains `unitQuery`. A
   * province has hundreds, so the list's picker searches the rest on demand (searchApplicationUnits).
   */
  units: { id: string; name: string }[];
}

/** The programmes and (for bureaus) nominating units the application list can be filtered by. */
export async function applicationFilterOptions(db: PrismaClient, scope: Scope, units: { unitId?: string; unitQuery?: string } = {}): Promise<ApplicationFilterOptions> {
  authorize(scope, "application.read");
  const [programs, found] = await Promise.all([
    db.program.findMany({ where: { AND: [programWhere(scope), { posts: { some: { applications: { some: applicationWhere(scope) } } } }] }, select: { id: true, name: true }, orderBy: [{ year: "desc" }, { name: "asc" }], take: 200 }),
    searchApplicationUnits(db, scope, units.unitQuery ?? "", units.unitId),
  ]);
  return { programs, units: found };
}

/** The nominating units of applications the caller sees whose name contains `q` (bureaus only), the chosen one first. */
export async function searchApplicationUnits(db: PrismaClient, scope: Scope, q: string, chosenId?: string): Promise<{ id: string; name: string }[]> {
  authorize(scope, "application.read");
  if (!isBureauRole(scope.user.role)) return [];
  const visible = applicationWhere(scope);
  const [chosen, matching] = await Promise.all([
    chosenId ? db.organization.findFirst({ where: { id: chosenId, nominations: { some: visible } }, select: { id: true, name: true } }) : null,
    db.organization.findMany({
      where: { nominations: { some: visible }, ...(q ? { name: { contains: q, mode: "insensitive" } } : {}) },
      select: { id: true, name: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      take: PICKER_LIMIT,
    }),
  ]);
  return chosen ? [chosen, ...matching.filter((u) => u.id !== chosen.id)] : matching;
}
