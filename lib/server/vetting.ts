import "server-only";
import { audit } from "../audit";
import { applicationWhere, authorize, programWhere, type Scope } from "../auth/policy";
import { encodeMissing } from "../domain/required-documents";
import { applyDecision, capExceeded, hasPassed, stageCap, stageOrder, tallyStage, type StageTally } from "../domain/vetting";
import { LIVE_APPLICATION_STATUSES, verdictOverrides } from "../domain/nomination-rules";
import { AppError } from "../errors";
import type { PrismaClient } from "../generated/prisma/client";
import type { ApplicationStatus, AttachmentKind, StageKind } from "../generated/prisma/enums";
import { decideSchema, rankSchema, reopenStageSchema } from "../schemas/applications";
import { applicationSnapshotSelect, snapshotOf } from "./applications";
import { doctorUserId, notify, unitNominatorIds } from "./notifications";
import { subtreeIds } from "./organization-tree";
import type { z } from "zod";
import { actorOf, fieldError, parse, runTx, type Tx } from "./kit";
import { loadProgramForChange } from "./program-support";
import { missingToPass } from "./required-documents";

// Vetting by the bureau: decisions at each stage (one or a selection at once), the shortlist's
// ranking, reopening a stage for a unit, and the board's counts. Ratio caps are checked with the
// posts locked (SELECT … FOR UPDATE), so two officers approving at the same moment queue behind each
// other and the second sees the first's approvals: a post never gets more than its cap.

/** Programme statuses in which the bureau records decisions (seed 000 reviews while registration runs). */
const DECIDING_STATUSES = new Set(["OPEN", "VETTING"]);

export interface DecideResult {
  decided: number;
}

/** Records one decision for each selected application, all at the same stage. All or nothing. */
export async function decide(db: PrismaClient, scope: Scope, raw: unknown, now = new Date()): Promise<DecideResult> {
  const input = parse(decideSchema, raw);
  authorize(scope, "application.decide");
  return runTx(db, (tx) => decideInTx(tx, scope, input, now));
}

/**
 * The decision path itself, inside the caller's transaction: `decide` above, and the public notice's
 * withdrawal of an appointee (lib/server/public-notice.ts), which decides while the programme is
 * already dispatching (`statuses`).
 */
export async function decideInTx(tx: Tx, scope: Scope, input: z.output<typeof decideSchema>, now: Date, statuses: ReadonlySet<string> = DECIDING_STATUSES): Promise<DecideResult> {
  authorize(scope, "application.decide");
  const ids = [...new Set(input.applicationIds)];
  const found = await tx.application.findMany({
    where: { id: { in: ids } },
    select: { id: true, postId: true, post: { select: { programId: true } } },
  });
  if (found.length !== ids.length) throw new AppError("notFound");
  const postIds = [...new Set(found.map((a) => a.postId))].sort();
  // Posts first, in id order (no deadlock between two selections), then the applications.
  await tx.$queryRaw`SELECT id FROM "Post" WHERE id = ANY(${postIds}::text[]) ORDER BY id FOR UPDATE`;
  await tx.$queryRaw`SELECT id FROM "Application" WHERE id = ANY(${ids}::text[]) ORDER BY id FOR UPDATE`;

  const apps = await tx.application.findMany({
    where: { AND: [{ id: { in: ids } }, applicationWhere(scope)] },
    select: {
      ...applicationSnapshotSelect,
      doctor: { select: { name: true } },
      post: {
        select: {
          id: true,
          title: true,
          headcount: true,
          program: { select: { id: true, name: true, bureauId: true, status: true, stages: { select: { kind: true, sequence: true, ratio: true } } } },
        },
      },
    },
  });
  if (apps.length !== ids.length) throw new AppError("forbidden");
  for (const app of apps) {
    authorize(scope, "application.decide", { organizationId: app.post.program.bureauId });
    if (!statuses.has(app.post.program.status)) throw new AppError("conflict", "programNotVetting");
  }

  // The verdict override: passing the preliminary review of a doctor not found eligible needs the reason.
  if (!input.reason && verdictOverrides(input.outcome, input.stage, apps).length > 0) {
    throw fieldError("reason", "overrideReasonRequired");
  }

  const results = apps.map((app) => {
    const order = stageOrder(app.post.program.stages);
    const result = applyDecision(order, app, input.stage, input.outcome, input.reason);
    if (!result.ok && result.refusal === "reasonRequired") throw fieldError("reason", "reasonRequired");
    if (!result.ok) throw new AppError("conflict", result.refusal, undefined, { doctor: app.doctor.name });
    return { app, order, result };
  });

  // One doctor, one post per programme: a correction may not bring back a doctor now in the running elsewhere.
  const reinstated = results.filter((r) => r.result.ok && (r.app.status === "REJECTED" || r.app.status === "WITHDRAWN") && (r.result.status === "IN_PROGRESS" || r.result.status === "APPROVED"));
  for (const { app } of reinstated) {
    const elsewhere = await tx.application.count({
      where: { doctorId: app.doctorId, id: { not: app.id }, post: { programId: app.post.program.id }, status: { in: [...LIVE_APPLICATION_STATUSES] } },
    });
    const twiceHere = reinstated.filter((r) => r.app.doctorId === app.doctorId).length > 1;
    if (elsewhere > 0 || twiceHere) throw new AppError("conflict", "alreadyInProgram", undefined, { doctor: app.doctor.name });
  }

  // Ratio caps: per post, those already through plus those passing now.
  if (input.outcome === "PASS") {
    for (const postId of postIds) {
      const passing = results.filter((r) => r.app.postId === postId && r.result.ok && r.result.status !== "REJECTED" && r.result.status !== "WITHDRAWN");
      if (passing.length === 0) continue;
      const { post } = passing[0]!.app;
      const stageConfig = post.program.stages.find((s) => s.kind === input.stage);
      const cap = stageConfig ? stageCap(stageConfig, post.headcount) : null;
      if (cap === null) continue;
      const others = await tx.application.findMany({
        where: { postId, status: { in: ["IN_PROGRESS", "APPROVED"] }, id: { notIn: ids } },
        select: { status: true, currentStage: true },
      });
      const order = passing[0]!.order;
      const through = others.filter((o) => hasPassed(order, o, input.stage)).length;
      const exceeded = capExceeded(cap, through, passing.length);
      if (exceeded) {
        throw new AppError("conflict", "capExceeded", undefined, { post: post.title, cap: String(exceeded.cap), passed: String(exceeded.passed), adding: String(passing.length) });
      }
    }
  }

  // Required documents (issue 15), after the caps (an exception cannot lift a cap): a pass needs the
  // documents of this stage and every earlier one, or the decider's written exception. Refused all
  // together, naming each application's missing ones.
  const waived = input.outcome === "PASS" ? await missingToPass(tx, input.stage, results.map((r) => ({ id: r.app.id, programId: r.app.post.program.id, order: r.order }))) : new Map<string, AttachmentKind[]>();
  if (waived.size > 0 && !input.documentException) {
    const entries = results.filter((r) => waived.has(r.app.id)).map((r) => ({ doctor: r.app.doctor.name, missing: waived.get(r.app.id)! }));
    throw new AppError("conflict", "documentsMissing", undefined, { documents: encodeMissing(entries), count: String(entries.length) });
  }

  // A reason given once for several applications may name another unit's candidate: it is kept for
  // the bureau's staff, and those concerned get a neutral notice. A reason meant for a unit is given
  // on that unit's application alone.
  const reasonStaffOnly = !!input.reason && results.length > 1;
  const actor = await actorOf(tx, scope);
  for (const { app, result } of results) {
    if (!result.ok) continue;
    const before = snapshotOf(app);
    const after = await tx.application.update({
      where: { id: app.id },
      data: { status: result.status, currentStage: result.currentStage },
      select: applicationSnapshotSelect,
    });
    const decision = await tx.stageDecision.create({
      data: {
        applicationId: app.id,
        stage: input.stage,
        outcome: input.outcome,
        reason: input.reason,
        reasonStaffOnly,
        ...(waived.has(app.id) ? { documentException: input.documentException, waivedDocuments: waived.get(app.id) } : {}),
        decidedById: scope.user.id,
        decidedAt: now,
      },
      select: { id: true, stage: true, outcome: true, reason: true, reasonStaffOnly: true, documentException: true, waivedDocuments: true },
    });
    await audit(tx, {
      actor,
      action: result.isCorrection ? "application.correct" : "application.decide",
      entity: "Application",
      entityId: app.id,
      before,
      after: { ...after, decision },
    });
    const recipients = [await doctorUserId(tx, app.doctorId), ...(await unitNominatorIds(tx, app.nominatingOrgId))];
    await notify(tx, recipients, {
      key: input.reason && !reasonStaffOnly ? "decisionWithReason" : "decision",
      values: { doctor: app.doctor.name, post: app.post.title, stage: input.stage, outcome: input.outcome, status: result.status, reason: reasonStaffOnly ? "" : (input.reason ?? "") },
      link: `/applications/${app.id}`,
    });
  }
  return { decided: results.length };
}

/**
 * Staff rank a post's shortlisted candidates (1 = first choice). The list must be exactly the post's
 * applications still in the running that passed the shortlist stage.
 */
export async function rankShortlist(db: PrismaClient, scope: Scope, raw: unknown): Promise<{ ranked: number }> {
  const input = parse(rankSchema, raw);
  authorize(scope, "application.decide");
  return runTx(db, async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Post" WHERE id = ${input.postId} FOR UPDATE`;
    const post = await tx.post.findUnique({
      where: { id: input.postId },
      select: { id: true, title: true, program: { select: { bureauId: true, stages: { select: { kind: true, sequence: true } } } } },
    });
    if (!post) throw new AppError("notFound");
    authorize(scope, "application.decide", { organizationId: post.program.bureauId });
    const order = stageOrder(post.program.stages);
    if (!order.includes("INSPECTION_SHORTLIST")) throw new AppError("conflict", "noShortlistStage");
    const candidates = await tx.application.findMany({
      where: { postId: post.id, status: { in: ["IN_PROGRESS", "APPROVED"] } },
      select: { id: true, status: true, currentStage: true, rank: true },
    });
    const shortlisted = candidates.filter((a) => hasPassed(order, a, "INSPECTION_SHORTLIST"));
    const wanted = new Set(input.applicationIds);
    if (wanted.size !== input.applicationIds.length || shortlisted.length !== wanted.size || shortlisted.some((a) => !wanted.has(a.id))) {
      throw new AppError("conflict", "rankMustListShortlist");
    }
    const before = shortlisted.map((a) => ({ id: a.id, rank: a.rank }));
    for (const [index, id] of input.applicationIds.entries()) {
      await tx.application.update({ where: { id }, data: { rank: index + 1 } });
    }
    await audit(tx, {
      actor: await actorOf(tx, scope),
      action: "application.rank",
      entity: "Post",
      entityId: post.id,
      before,
      after: input.applicationIds.map((id, index) => ({ id, rank: index + 1 })),
    });
    return { ranked: input.applicationIds.length };
  });
}

/** Staff reopen a stage for one unit until a new deadline, with a reason; the unit's nominators are told. */
export async function reopenStage(db: PrismaClient, scope: Scope, raw: unknown, now = new Date()) {
  const input = parse(reopenStageSchema, raw);
  authorize(scope, "application.reopenStage");
  return runTx(db, async (tx) => {
    const program = await loadProgramForChange(tx, scope, input.programId);
    authorize(scope, "application.reopenStage", { organizationId: program.bureauId });
    if (program.status !== "OPEN" && program.status !== "VETTING") throw new AppError("conflict", "programNotVetting");
    const stage = await tx.programStage.findUnique({ where: { programId_kind: { programId: program.id, kind: input.stage } }, select: { kind: true, closesAt: true } });
    if (!stage) throw fieldError("stage", "stageNotInProgram");
    if (input.closesAt.getTime() <= now.getTime()) throw fieldError("closesAt", "closesInPast");
    const units = await subtreeIds(tx, program.bureauId);
    if (input.organizationId === program.bureauId || !units.includes(input.organizationId)) throw fieldError("organizationId", "unitNotInProgram");
    const created = await tx.stageReopening.create({
      data: { programId: program.id, stage: input.stage, organizationId: input.organizationId, closesAt: input.closesAt, reason: input.reason, createdById: scope.user.id },
      select: { id: true, programId: true, stage: true, organizationId: true, closesAt: true, reason: true },
    });
    await audit(tx, { actor: await actorOf(tx, scope), action: "stage.reopen", entity: "StageReopening", entityId: created.id, after: created });
    await notify(tx, await unitNominatorIds(tx, input.organizationId), {
      key: "stageReopened",
      values: { program: program.name, stage: input.stage, closesAt: input.closesAt, reason: input.reason },
      link: `/programs/${program.id}`,
    });
    return created;
  });
}

// ───────────── The board ─────────────

export interface BoardStage {
  kind: StageKind;
  ratio: number | null;
  opensAt: Date;
  closesAt: Date;
}

export interface BoardPost {
  id: string;
  title: string;
  rotationBatch: number;
  headcount: number;
  receivingOrgName: string;
  /** Self-registrations the units have not endorsed yet. */
  pendingEndorsement: number;
  /** Ended (rejected or withdrawn) applications per stage. */
  ended: Partial<Record<StageKind, number>>;
  stages: Partial<Record<StageKind, StageTally>>;
  approved: number;
  total: number;
}

export interface Board {
  program: { id: string; name: string; status: string; bureauId: string };
  stages: BoardStage[];
  posts: BoardPost[];
}

/** Per post and stage: waiting, passed (still running), cap, shortfall. The counts come from ApplicationTally (kept by triggers), one read for all posts. */
export async function vettingBoard(db: PrismaClient, scope: Scope, programId: string): Promise<Board> {
  authorize(scope, "vetting.read");
  const program = await db.program.findFirst({
    where: { AND: [{ id: programId }, programWhere(scope)] },
    select: {
      id: true,
      name: true,
      status: true,
      bureauId: true,
      stages: { select: { kind: true, sequence: true, ratio: true, opensAt: true, closesAt: true }, orderBy: { sequence: "asc" } },
      posts: {
        select: { id: true, title: true, rotationBatch: true, headcount: true, receivingOrg: { select: { name: true } } },
        orderBy: [{ rotationBatch: "asc" }, { title: "asc" }, { id: "asc" }],
      },
    },
  });
  if (!program) throw new AppError("notFound");
  // The kept counts per post, stage and status (ApplicationTally), not a GROUP BY over every application.
  const groups = await db.applicationTally.findMany({ where: { post: { programId } }, select: { postId: true, currentStage: true, status: true, n: true } });
  const order = stageOrder(program.stages);
  const byPost = new Map<string, { currentStage: StageKind; status: ApplicationStatus; n: number }[]>();
  for (const g of groups) {
    const list = byPost.get(g.postId) ?? [];
    list.push({ currentStage: g.currentStage, status: g.status, n: g.n });
    byPost.set(g.postId, list);
  }
  const posts = program.posts.map((post): BoardPost => {
    const rows = byPost.get(post.id) ?? [];
    const sum = (pred: (r: (typeof rows)[number]) => boolean) => rows.filter(pred).reduce((n, r) => n + r.n, 0);
    const stages: Partial<Record<StageKind, StageTally>> = {};
    const ended: Partial<Record<StageKind, number>> = {};
    for (const stage of program.stages) {
      if (stage.kind === "REGISTRATION") continue;
      const waiting = sum((r) => r.status === "IN_PROGRESS" && r.currentStage === stage.kind);
      const passed = sum((r) => hasPassed(order, r, stage.kind));
      const upstream = sum((r) => r.status === "PENDING_ENDORSEMENT" || (r.status === "IN_PROGRESS" && order.indexOf(r.currentStage) < order.indexOf(stage.kind)));
      stages[stage.kind] = tallyStage(stageCap(stage, post.headcount), waiting, passed, upstream);
      ended[stage.kind] = sum((r) => (r.status === "REJECTED" || r.status === "WITHDRAWN") && r.currentStage === stage.kind);
    }
    return {
      id: post.id,
      title: post.title,
      rotationBatch: post.rotationBatch,
      headcount: post.headcount,
      receivingOrgName: post.receivingOrg.name,
      pendingEndorsement: sum((r) => r.status === "PENDING_ENDORSEMENT"),
      ended,
      stages,
      approved: sum((r) => r.status === "APPROVED"),
      total: sum(() => true),
    };
  });
  return {
    program: { id: program.id, name: program.name, status: program.status, bureauId: program.bureauId },
    stages: program.stages.map((s) => ({ kind: s.kind, ratio: s.ratio, opensAt: s.opensAt, closesAt: s.closesAt })),
    posts,
  };
}


