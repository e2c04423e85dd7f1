import "server-only";
import { nextRegistrationNo } from "./registration-numbers";
import { audit } from "../audit";
import { applicationWhere, authorize, doctorWhere, postWhere, type Permission, type Scope } from "../auth/policy";
import { firstVettingStage, stageOrder, submissionRefusal } from "../domain/vetting";
import { applicationBlock, exceptionReasonProblem, keptExceptionReason } from "../domain/nomination-rules";
import { AppError } from "../errors";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { endorseSchema, nominateSchema, registerSchema, withdrawSchema } from "../schemas/applications";
import { judgeDoctorForPost } from "./eligibility";
import { doctorUserId, notify, unitNominatorIds } from "./notifications";
import { actorOf, fieldError, parse, runTx, visibleOr, type Tx } from "./kit";

// Nominations (DOMAIN.md "Nominations and the vetting pipeline"): a unit nominates its doctor, or a
// doctor registers and their unit endorses. Both are submissions, refused outside the registration
// window (the unit's own deadline if staff reopened it). The eligibility verdict is recorded with the
// application; a doctor who is not surely eligible needs the nominator's written reason. Every
// change appends a StageDecision, writes its audit row and notifies in the same transaction.

/** What an application's audit rows and use cases read of it. */
export const applicationSnapshotSelect = {
  id: true,
  postId: true,
  doctorId: true,
  nominatingOrgId: true,
  source: true,
  status: true,
  currentStage: true,
  eligibilityVerdict: true,
  exceptionReason: true,
  rank: true,
  submittedAt: true,
  registrationNo: true,
} as const satisfies Prisma.ApplicationSelect;

export type ApplicationSnapshot = Prisma.ApplicationGetPayload<{ select: typeof applicationSnapshotSelect }>;

const postForApplicationSelect = {
  id: true,
  title: true,
  headcount: true,
  programId: true,
  program: {
    select: {
      id: true,
      name: true,
      bureauId: true,
      status: true,
      stages: { select: { kind: true, sequence: true, opensAt: true, closesAt: true, ratio: true }, orderBy: { sequence: "asc" } },
    },
  },
} as const satisfies Prisma.PostSelect;

export type PostForApplication = Prisma.PostGetPayload<{ select: typeof postForApplicationSelect }>;

async function loadPost(tx: Tx, scope: Scope, postId: string): Promise<PostForApplication> {
  const post = await tx.post.findFirst({ where: { AND: [{ id: postId }, postWhere(scope)] }, select: postForApplicationSelect });
  return visibleOr(post);
}

/**
 * Refuses a submission outside the registration window of the post's programme, with the deadline
 * that applied to the unit (the stage's own, or a later one staff granted it when reopening).
 */
export async function assertRegistrationOpen(tx: Tx, post: PostForApplication, organizationId: string, now = new Date()): Promise<void> {
  if (post.program.status !== "OPEN" && post.program.status !== "VETTING") throw new AppError("conflict", "registrationNotOpen");
  const registration = post.program.stages.find((s) => s.kind === "REGISTRATION");
  if (!registration) throw new AppError("conflict", "registrationNotOpen");
  const reopenings = await tx.stageReopening.findMany({
    where: { programId: post.programId, stage: "REGISTRATION", organizationId },
    select: { closesAt: true },
  });
  const until = reopenings.map((r) => r.closesAt);
  // Once vetting has begun, only a unit staff reopened registration for may still submit.
  if (post.program.status === "VETTING" && until.length === 0) throw new AppError("conflict", "registrationNotOpen");
  const refusal = submissionRefusal(registration, until, now);
  if (refusal === "notYetOpen") throw new AppError("deadlinePassed", "registrationNotYetOpen", undefined, { opensAt: registration.opensAt.toISOString() });
  if (refusal === "closed") {
    const closesAt = until.reduce((latest, d) => (d > latest ? d : latest), registration.closesAt);
    throw new AppError("deadlinePassed", "registrationClosed", undefined, { closesAt: closesAt.toISOString() });
  }
}

/**
 * One doctor, one post per programme: refused on a post the doctor already applied to (one row per
 * doctor and post, even withdrawn), and while any other application of theirs in the programme is alive.
 */
async function assertNoOtherApplication(tx: Tx, doctorId: string, post: PostForApplication): Promise<void> {
  // The doctor's row locked: a nomination and a self-registration at the same moment queue, and the second sees the first.
  await tx.$queryRaw`SELECT id FROM "Doctor" WHERE id = ${doctorId} FOR UPDATE`;
  const existing = await tx.application.findMany({
    where: { doctorId, post: { programId: post.programId } },
    select: { postId: true, status: true },
  });
  const block = applicationBlock(existing, post.id);
  if (block) throw new AppError("conflict", block);
}

async function assertEligibleOrExplained(tx: Tx, postId: string, doctorId: string, exceptionReason: string | null) {
  const judged = await judgeDoctorForPost(tx, postId, doctorId);
  const problem = exceptionReasonProblem(judged.verdict, exceptionReason);
  if (problem) throw fieldError("exceptionReason", problem);
  return judged.verdict;
}

/** A nominating unit nominates one of its doctors to a post: submitted at once, vetting starts. */
export async function nominate(db: PrismaClient, scope: Scope, raw: unknown, now = new Date()): Promise<ApplicationSnapshot> {
  const input = parse(nominateSchema, raw);
  authorize(scope, "application.nominate");
  return runTx(db, async (tx) => {
    const post = await loadPost(tx, scope, input.postId);
    const doctor = await tx.doctor.findFirst({ where: { AND: [{ id: input.doctorId }, doctorWhere(scope)] }, select: { id: true, name: true } });
    visibleOr(doctor);
    await assertRegistrationOpen(tx, post, scope.user.organizationId, now);
    await assertNoOtherApplication(tx, input.doctorId, post);
    const verdict = await assertEligibleOrExplained(tx, post.id, input.doctorId, input.exceptionReason);
    const order = stageOrder(post.program.stages);
    const data = {
      nominatingOrgId: scope.user.organizationId,
      source: "UNIT" as const,
      status: "IN_PROGRESS" as const,
      currentStage: firstVettingStage(order),
      eligibilityVerdict: verdict,
      exceptionReason: keptExceptionReason(verdict, input.exceptionReason),
      rank: null,
      submittedAt: now,
      createdById: scope.user.id,
    };
    const registrationNo = await nextRegistrationNo(tx, post.id);
    const created = await tx.application.create({ data: { ...data, registrationNo, postId: post.id, doctorId: input.doctorId }, select: applicationSnapshotSelect });
    await tx.stageDecision.create({ data: { applicationId: created.id, stage: "REGISTRATION", outcome: "PASS", decidedById: scope.user.id, decidedAt: now } });
    await audit(tx, { actor: await actorOf(tx, scope), action: "application.nominate", entity: "Application", entityId: created.id, after: created });
    await notify(tx, [await doctorUserId(tx, input.doctorId)], { key: "nominated", values: { post: post.title, program: post.program.name }, link: `/applications/${created.id}` });
    return created;
  });
}

/** A doctor registers themself for a post; the application waits for their unit's endorsement. */
export async function register(db: PrismaClient, scope: Scope, raw: unknown, now = new Date()): Promise<ApplicationSnapshot> {
  const input = parse(registerSchema, raw);
  authorize(scope, "application.register");
  const doctorId = scope.user.doctorId;
  if (!doctorId) throw new AppError("forbidden");
  return runTx(db, async (tx) => {
    const post = await loadPost(tx, scope, input.postId);
    const doctor = await tx.doctor.findUniqueOrThrow({ where: { id: doctorId }, select: { employerId: true } });
    await assertRegistrationOpen(tx, post, doctor.employerId, now);
    await assertNoOtherApplication(tx, doctorId, post);
    const verdict = await assertEligibleOrExplained(tx, post.id, doctorId, input.exceptionReason);
    const created = await tx.application.create({
      data: {
        registrationNo: await nextRegistrationNo(tx, post.id),
        postId: post.id,
        doctorId,
        nominatingOrgId: doctor.employerId,
        source: "SELF",
        status: "PENDING_ENDORSEMENT",
        currentStage: "REGISTRATION",
        eligibilityVerdict: verdict,
        exceptionReason: keptExceptionReason(verdict, input.exceptionReason),
        submittedAt: now,
        createdById: scope.user.id,
      },
      select: applicationSnapshotSelect,
    });
    await audit(tx, { actor: await actorOf(tx, scope), action: "application.register", entity: "Application", entityId: created.id, after: created });
    await notify(tx, await unitNominatorIds(tx, doctor.employerId), { key: "awaitingEndorsement", values: { post: post.title, program: post.program.name }, link: `/applications/${created.id}` });
    return created;
  });
}

/** The application, locked for the rest of the transaction, if the caller's role and scope allow `permission` on it. */
export async function loadApplicationForChange(tx: Tx, scope: Scope, applicationId: string, permission: Permission) {
  await tx.$queryRaw`SELECT id FROM "Application" WHERE id = ${applicationId} FOR UPDATE`;
  const app = await tx.application.findFirst({
    where: { AND: [{ id: applicationId }, applicationWhere(scope)] },
    select: { ...applicationSnapshotSelect, post: { select: postForApplicationSelect }, doctor: { select: { id: true, name: true, employerId: true } } },
  });
  const found = visibleOr(app);
  const owner = permission === "application.decide" ? found.post.program.bureauId : found.nominatingOrgId;
  if (scope.user.role === "DOCTOR") {
    authorize(scope, permission);
    if (found.doctorId !== scope.user.doctorId) throw new AppError("forbidden");
  } else {
    authorize(scope, permission, { organizationId: owner });
  }
  return found;
}

export function snapshotOf<T extends ApplicationSnapshot>(app: T): ApplicationSnapshot {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(applicationSnapshotSelect)) out[key] = app[key as keyof ApplicationSnapshot];
  return out as ApplicationSnapshot;
}

/** The unit endorses its doctor's self-registration (vetting starts) or declines it with a reason. */
export async function endorse(db: PrismaClient, scope: Scope, raw: unknown, now = new Date()): Promise<ApplicationSnapshot> {
  const input = parse(endorseSchema, raw);
  authorize(scope, "application.endorse");
  return runTx(db, async (tx) => {
    const app = await loadApplicationForChange(tx, scope, input.applicationId, "application.endorse");
    if (app.status !== "PENDING_ENDORSEMENT") throw new AppError("conflict", "notAwaitingEndorsement");
    await assertRegistrationOpen(tx, app.post, app.nominatingOrgId, now);
    const before = snapshotOf(app);
    let data: Prisma.ApplicationUpdateInput;
    if (input.endorse) {
      const exceptionReason = input.exceptionReason ?? app.exceptionReason;
      const verdict = await assertEligibleOrExplained(tx, app.postId, app.doctorId, exceptionReason);
      data = { status: "IN_PROGRESS", currentStage: firstVettingStage(stageOrder(app.post.program.stages)), eligibilityVerdict: verdict, exceptionReason: keptExceptionReason(verdict, exceptionReason) };
    } else {
      if (!input.reason) throw fieldError("reason", "reasonRequired");
      data = { status: "REJECTED" };
    }
    const after = await tx.application.update({ where: { id: app.id }, data, select: applicationSnapshotSelect });
    await tx.stageDecision.create({
      data: { applicationId: app.id, stage: "REGISTRATION", outcome: input.endorse ? "PASS" : "FAIL", reason: input.endorse ? null : input.reason, decidedById: scope.user.id, decidedAt: now },
    });
    await audit(tx, { actor: await actorOf(tx, scope), action: input.endorse ? "application.endorse" : "application.decline", entity: "Application", entityId: app.id, before, after });
    await notify(tx, [await doctorUserId(tx, app.doctorId)], {
      key: input.endorse ? "endorsed" : "declined",
      values: { post: app.post.title, program: app.post.program.name, reason: input.reason ?? "" },
      link: `/applications/${app.id}`,
    });
    return after;
  });
}

/** The doctor, or their nominating unit, withdraws an application still under way, with the reason. */
export async function withdraw(db: PrismaClient, scope: Scope, raw: unknown, now = new Date()): Promise<ApplicationSnapshot> {
  const input = parse(withdrawSchema, raw);
  authorize(scope, "application.withdraw");
  return runTx(db, async (tx) => {
    const app = await loadApplicationForChange(tx, scope, input.applicationId, "application.withdraw");
    if (app.status !== "IN_PROGRESS" && app.status !== "PENDING_ENDORSEMENT") throw new AppError("conflict", "notWithdrawable");
    const before = snapshotOf(app);
    const after = await tx.application.update({ where: { id: app.id }, data: { status: "WITHDRAWN" }, select: applicationSnapshotSelect });
    await tx.stageDecision.create({ data: { applicationId: app.id, stage: app.currentStage, outcome: "WITHDRAW", reason: input.reason, decidedById: scope.user.id, decidedAt: now } });
    await audit(tx, { actor: await actorOf(tx, scope), action: "application.withdraw", entity: "Application", entityId: app.id, before, after });
    const others = scope.user.role === "DOCTOR" ? await unitNominatorIds(tx, app.nominatingOrgId) : [await doctorUserId(tx, app.doctorId)];
    await notify(tx, others, { key: "withdrawn", values: { post: app.post.title, doctor: app.doctor.name, reason: input.reason }, link: `/applications/${app.id}` });
    return after;
  });
}
