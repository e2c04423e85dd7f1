import "server-only";
import { audit } from "../audit";
import { authorize, programWhere, type Scope } from "../auth/policy";
import { candidateTargets, transitionRefusal } from "../domain/program-status";
import { defaultTemplateStart, layOutTemplate } from "../domain/program-templates";
import { daysToOpenRegistrationOn, isRegistrationPast, shiftTimelineByDays } from "../domain/program-timeline";
import { shanghaiDay } from "../domain/dispatch";
import { programPhase, type ProgramPhase } from "../domain/program-phase";
import { AppError } from "../errors";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import type { ProgramKind, ProgramStatus, StageKind } from "../generated/prisma/enums";
import { orderOf, pageArgs, toPage, type Page, type SortDir } from "../schemas/list-query";
import { changeStatusSchema, createProgramSchema, PROGRAM_DEFAULT_SORT, PROGRAM_SORT_KEYS, shiftTimelineSchema, timelineSchema, updateProgramSchema, type ProgramListQuery } from "../schemas/programs";
import { actorOf, parse, runTx, type Tx } from "./kit";
import { checkEditVersion } from "./edit-version";
import { loadProgramForChange, programSnapshotSelect, type ProgramSnapshot } from "./program-support";
import { enqueueProgramScreening, kickScreeningJobs } from "./screening-store";

// Use cases of programmes (issue 4): list, read, create from a template, edit, timeline and cut-off
// dates, status changes behind the guards of lib/domain/program-status.ts. Each takes the database,
// the caller's scope and raw input: parse → authorize → transaction with its audit row.
// Duplication is in lib/server/program-duplicate.ts, posts and quotas in lib/server/posts.ts.

// ───────────── Reads ─────────────

export interface ProgramRow {
  id: string;
  name: string;
  kind: ProgramKind;
  year: number;
  batchNumber: number | null;
  status: ProgramStatus;
  postCount: number;
  headcount: number;
  phase: ProgramPhase;
}

/** One page of the programmes the user may see, searched and filtered in SQL. */
const orders: Record<(typeof PROGRAM_SORT_KEYS)[number], (dir: SortDir) => Prisma.ProgramOrderByWithRelationInput[]> = {
  name: (dir) => [{ name: dir }],
  year: (dir) => [{ year: dir }, { batchNumber: dir }],
  status: (dir) => [{ status: dir }, { year: "desc" }],
};

export async function listPrograms(db: PrismaClient, scope: Scope, query: ProgramListQuery, now = new Date()): Promise<Page<ProgramRow>> {
  authorize(scope, "program.read");
  const filters: Prisma.ProgramWhereInput[] = [programWhere(scope)];
  if (query.q) filters.push({ OR: [{ name: { contains: query.q, mode: "insensitive" } }, { description: { contains: query.q, mode: "insensitive" } }] });
  if (query.status) filters.push({ status: query.status });
  const where: Prisma.ProgramWhereInput = { AND: filters };
  const [total, rows] = await Promise.all([
    db.program.count({ where }),
    db.program.findMany({
      where,
      orderBy: orderOf(orders, query, PROGRAM_DEFAULT_SORT, [{ createdAt: "desc" }, { id: "asc" }]),
      ...pageArgs(query),
      select: {
        id: true,
        name: true,
        kind: true,
        year: true,
        batchNumber: true,
        status: true,
        stages: { select: { kind: true, sequence: true, opensAt: true, closesAt: true } },
        posts: { select: { headcount: true } },
      },
    }),
  ]);
  return toPage(
    rows.map(({ stages, posts, ...p }) => ({
      ...p,
      postCount: posts.length,
      headcount: posts.reduce((sum, post) => sum + post.headcount, 0),
      phase: programPhase(p.status, stages, now),
    })),
    total,
    query,
  );
}

export interface ProgramDetail extends ProgramSnapshot {
  bureauName: string;
  stages: { id: string; kind: StageKind; sequence: number; opensAt: Date; closesAt: Date; ratio: number | null }[];
  cutoffDates: { id: string; code: string; label: string; date: Date }[];
  postCount: number;
  headcount: number;
  applicationCount: number;
  phase: ProgramPhase;
  /** Statuses the user could ask for (the guards decide). */
  targets: ProgramStatus[];
  /** The registration window has closed: opening now warns and offers to shift the timeline. */
  isRegistrationPast: boolean;
  /** The days the timeline would move so registration opens today (null: no registration stage). */
  registrationShiftDays: number | null;
}

/** One programme the user may see, or null (missing or out of scope: the page says "not found"). */
export async function getProgram(db: PrismaClient, scope: Scope, id: string, now = new Date()): Promise<ProgramDetail | null> {
  authorize(scope, "program.read");
  const program = await db.program.findFirst({
    where: { AND: [programWhere(scope), { id }] },
    select: {
      ...programSnapshotSelect,
      bureau: { select: { name: true } },
      stages: { orderBy: { sequence: "asc" }, select: { id: true, kind: true, sequence: true, opensAt: true, closesAt: true, ratio: true } },
      cutoffDates: { orderBy: { date: "asc" }, select: { id: true, code: true, label: true, date: true } },
      posts: { select: { headcount: true, _count: { select: { applications: true } } } },
    },
  });
  if (!program) return null;
  const { bureau, posts, ...rest } = program;
  const registration = rest.stages.find((st) => st.kind === "REGISTRATION");
  return {
    ...rest,
    bureauName: bureau.name,
    postCount: posts.length,
    headcount: posts.reduce((sum, p) => sum + p.headcount, 0),
    applicationCount: posts.reduce((sum, p) => sum + p._count.applications, 0),
    phase: programPhase(rest.status, rest.stages, now),
    targets: candidateTargets(rest.status),
    isRegistrationPast: isRegistrationPast(registration?.closesAt ?? null, now),
    registrationShiftDays: registration ? daysToOpenRegistrationOn(registration.opensAt, shanghaiDay(now)) : null,
  };
}

// ───────────── Mutations ─────────────

/**
 * A new programme of the user's own organisation (the bureau is never taken from the client), with
 * the template's stages and cut-off dates laid out from the chosen start date (left out: the next
 * day the template opens, today included). Status DRAFT.
 */
export async function createProgram(db: PrismaClient, scope: Scope, raw: unknown, now = new Date()): Promise<ProgramSnapshot> {
  const { template, startDate: chosen, ...values } = parse(createProgramSchema, raw);
  const startDate = chosen ?? defaultTemplateStart(template, shanghaiDay(now));
  authorize(scope, "program.manage", { organizationId: scope.user.organizationId });
  return runTx(db, async (tx) => {
    const bureau = await tx.organization.findUnique({ where: { id: scope.user.organizationId }, select: { kind: true, isActive: true } });
    if (!bureau || bureau.kind !== "BUREAU" || !bureau.isActive) throw new AppError("forbidden", "notABureau");
    const timeline = layOutTemplate(template, startDate);
    const created = await tx.program.create({
      data: {
        ...values,
        bureauId: scope.user.organizationId,
        status: "DRAFT",
        stages: { create: timeline.stages },
        cutoffDates: { create: timeline.cutoffs },
        stageDocuments: { create: timeline.documents },
      },
      select: programSnapshotSelect,
    });
    await audit(tx, { actor: await actorOf(tx, scope), action: "program.create", entity: "Program", entityId: created.id, after: { ...created, template, startDate, ...timeline } });
    return created;
  });
}

/** Edits the programme's fields. Not once closed; rotation batches not below a post's batch. */
export async function updateProgram(db: PrismaClient, scope: Scope, raw: unknown): Promise<ProgramSnapshot> {
  const { id, version, ...values } = parse(updateProgramSchema, raw);
  authorize(scope, "program.manage");
  return runTx(db, async (tx) => {
    const before = await loadProgramForChange(tx, scope, id);
    await checkEditVersion(tx, "Program", id, before.version, version);
    if (before.status === "CLOSED") throw new AppError("conflict", "programClosed");
    const highestBatch = await tx.post.aggregate({ where: { programId: id }, _max: { rotationBatch: true } });
    if ((highestBatch._max.rotationBatch ?? 0) > values.rotationBatches) {
      throw new AppError("validation", "postsInLaterBatch", { rotationBatches: ["postsInLaterBatch"] });
    }
    const changed = (Object.keys(values) as (keyof typeof values)[]).some((key) => values[key] !== before[key]);
    if (!changed) return before;
    const after = await tx.program.update({ where: { id }, data: { ...values, version: { increment: 1 } }, select: programSnapshotSelect });
    await audit(tx, { actor: await actorOf(tx, scope), action: "program.update", entity: "Program", entityId: id, before, after });
    return after;
  });
}

async function timelineOf(tx: Tx, programId: string) {
  const [stages, cutoffs] = await Promise.all([
    tx.programStage.findMany({ where: { programId }, orderBy: { sequence: "asc" }, select: { kind: true, sequence: true, opensAt: true, closesAt: true, ratio: true } }),
    tx.cutoffDate.findMany({ where: { programId }, orderBy: { code: "asc" }, select: { code: true, label: true, date: true } }),
  ]);
  return { stages, cutoffs };
}

/** Replaces the timeline (sequence = order given) and the cut-off dates, audited with both versions. */
export async function updateTimeline(db: PrismaClient, scope: Scope, raw: unknown) {
  const input = parse(timelineSchema, raw);
  authorize(scope, "program.manage");
  const timeline = await runTx(db, async (tx) => {
    const program = await loadProgramForChange(tx, scope, input.id);
    if (program.status === "CLOSED") throw new AppError("conflict", "programClosed");
    if (program.status !== "DRAFT" && !input.stages.some((s) => s.kind === "REGISTRATION")) {
      throw new AppError("conflict", "registrationRequiredOnceOpen");
    }
    const before = await timelineOf(tx, program.id);
    await tx.programStage.deleteMany({ where: { programId: program.id } });
    await tx.cutoffDate.deleteMany({ where: { programId: program.id } });
    await tx.programStage.createMany({ data: input.stages.map((s, i) => ({ programId: program.id, kind: s.kind, sequence: i + 1, opensAt: s.opensAt, closesAt: s.closesAt, ratio: s.ratio })) });
    await tx.cutoffDate.createMany({ data: input.cutoffs.map((c) => ({ programId: program.id, ...c })) });
    const after = await timelineOf(tx, program.id);
    await audit(tx, { actor: await actorOf(tx, scope), action: "program.timeline_updated", entity: "Program", entityId: program.id, before, after });
    // New cut-offs: the programme's stored screening verdicts are re-evaluated (issue 17).
    if (JSON.stringify(before.cutoffs) !== JSON.stringify(after.cutoffs)) await enqueueProgramScreening(tx, program.id, "cutoff");
    return after;
  });
  kickScreeningJobs();
  return timeline;
}

/** Moves the programme to another status if the guard allows it; otherwise a refusal in words (its catalogue key). */
export async function changeProgramStatus(db: PrismaClient, scope: Scope, raw: unknown, now = new Date()): Promise<ProgramSnapshot> {
  const { id, target, confirmed, shiftTimeline } = parse(changeStatusSchema, raw);
  authorize(scope, "program.manage");
  return runTx(db, async (tx) => {
    const before = await loadProgramForChange(tx, scope, id);
    // Opening after the window with the shift asked for: the timeline moves first, in the same
    // transaction and with its own audit row, so the guard reads the moved window.
    if (shiftTimeline && target === "OPEN" && before.status === "DRAFT") await shiftIfPast(tx, scope, id, shanghaiDay(now), now);
    const [stages, posts, approvedApplications] = await Promise.all([
      tx.programStage.findMany({ where: { programId: id }, select: { kind: true, closesAt: true } }),
      tx.post.findMany({ where: { programId: id }, select: { headcount: true, rotationBatch: true } }),
      tx.application.count({ where: { status: "APPROVED", post: { programId: id } } }),
    ]);
    const refusal = transitionRefusal(
      {
        status: before.status,
        stageKinds: stages.map((s) => s.kind),
        registrationClosesAt: stages.find((s) => s.kind === "REGISTRATION")?.closesAt ?? null,
        posts,
        rotationBatches: before.rotationBatches,
        approvedApplications,
      },
      target,
      now,
      confirmed,
    );
    if (refusal) throw new AppError("conflict", refusal);
    const after = await tx.program.update({ where: { id }, data: { status: target }, select: programSnapshotSelect });
    await audit(tx, { actor: await actorOf(tx, scope), action: "program.status_changed", entity: "Program", entityId: id, before: { status: before.status }, after: { status: after.status } });
    return after;
  });
}

/**
 * Moves every stage and cut-off date of the programme by the same whole days so registration opens
 * on `opensOn` (a Beijing day), keeping the intervals and times of day; audited with the timeline
 * before and after and the days moved. Returns the timeline as it now stands.
 */
async function moveTimeline(tx: Tx, scope: Scope, programId: string, opensOn: string) {
  const before = await timelineOf(tx, programId);
  const registration = before.stages.find((s) => s.kind === "REGISTRATION");
  if (!registration) throw new AppError("conflict", "noRegistrationStage");
  const shiftDays = daysToOpenRegistrationOn(registration.opensAt, opensOn);
  if (shiftDays === 0) return before;
  const after = shiftTimelineByDays(before, shiftDays);
  for (const stage of after.stages) {
    await tx.programStage.update({ where: { programId_kind: { programId, kind: stage.kind } }, data: { opensAt: stage.opensAt, closesAt: stage.closesAt } });
  }
  for (const cutoff of after.cutoffs) {
    await tx.cutoffDate.update({ where: { programId_code: { programId, code: cutoff.code } }, data: { date: cutoff.date } });
  }
  await audit(tx, { actor: await actorOf(tx, scope), action: "program.timeline_shifted", entity: "Program", entityId: programId, before, after: { shiftDays, ...after } });
  if (after.cutoffs.length > 0) await enqueueProgramScreening(tx, programId, "cutoff");
  return after;
}

async function shiftIfPast(tx: Tx, scope: Scope, programId: string, today: string, now: Date) {
  const registration = await tx.programStage.findFirst({ where: { programId, kind: "REGISTRATION" }, select: { closesAt: true } });
  if (registration && isRegistrationPast(registration.closesAt, now)) await moveTimeline(tx, scope, programId, today);
}

/**
 * Shifts the programme's timeline so registration opens on the day given (default today, Beijing):
 * the offer made when a programme is opened after its registration window. Not once vetting has
 * begun (the stages have been worked through) nor once closed.
 */
export async function shiftProgramTimeline(db: PrismaClient, scope: Scope, raw: unknown, now = new Date()) {
  const { id, opensOn } = parse(shiftTimelineSchema, raw);
  authorize(scope, "program.manage");
  return runTx(db, async (tx) => {
    const program = await loadProgramForChange(tx, scope, id);
    if (program.status !== "DRAFT" && program.status !== "OPEN") throw new AppError("conflict", "shiftOnlyBeforeVetting");
    return moveTimeline(tx, scope, program.id, opensOn ?? shanghaiDay(now));
  });
}
