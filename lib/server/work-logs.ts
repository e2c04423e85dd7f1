import "server-only";
import { audit } from "../audit";
import { authorize, dispatchWhere, type Scope } from "../auth/policy";
import { shanghaiDay } from "../domain/dispatch";
import { periodProblem, type Period } from "../domain/work-log";
import { isoDay } from "../domain/eligibility/calendar";
import { dayDate } from "../domain/service-period";
import { AppError } from "../errors";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { confirmWorkLogsSchema, fileWorkLogSchema, resubmitWorkLogSchema, returnWorkLogSchema, type WorkLogFields } from "../schemas/work-logs";
import { actorOf, fieldError, parse, runTx, visibleOr, type Tx } from "./kit";

// Work logs: the doctor files a day's or a week's work on their own dispatch and corrects it while it
// waits or after it was returned; the receiving supervisor confirms (one or a selection) or returns it
// with a comment. Each act locks the dispatch (filing: no two overlapping logs even from two tabs at
// once) or the logs (review: no double review), checks the version the user started from (409 when
// stale), writes and audits in one transaction. Only confirmed logs count (lib/server/work-log-queries.ts).

export const workLogSnapshotSelect = {
  id: true,
  dispatchId: true,
  periodStart: true,
  periodEnd: true,
  outpatients: true,
  operations: true,
  caseDiscussions: true,
  juniorsMentored: true,
  lectures: true,
  newTechniques: true,
  newDepartments: true,
  freeClinics: true,
  donatedMedicineFen: true,
  teaching: true,
  otherWork: true,
  status: true,
  reviewComment: true,
  reviewedAt: true,
  filedAt: true,
  version: true,
} as const satisfies Prisma.WorkLogSelect;
export type WorkLogSnapshot = Prisma.WorkLogGetPayload<{ select: typeof workLogSnapshotSelect }>;

/** A dispatch whose logs may be filed: not planned (not yet begun) nor cancelled. */
const FILING_STATUSES = new Set(["ACTIVE", "COMPLETED", "TERMINATED"]);

function dataOf(fields: WorkLogFields) {
  return {
    periodStart: dayDate(fields.periodStart),
    periodEnd: dayDate(fields.periodEnd),
    outpatients: fields.outpatients,
    operations: fields.operations,
    caseDiscussions: fields.caseDiscussions,
    juniorsMentored: fields.juniorsMentored,
    lectures: fields.lectures,
    newTechniques: fields.newTechniques,
    newDepartments: fields.newDepartments,
    freeClinics: fields.freeClinics,
    donatedMedicineFen: fields.donatedMedicineYuan,
    teaching: fields.teaching,
    otherWork: fields.otherWork,
  };
}

/** The dispatch locked FOR UPDATE, if the doctor may file on it (their own); otherwise 404. */
async function lockOwnDispatch(tx: Tx, scope: Scope, dispatchId: string) {
  await tx.$queryRaw`SELECT id FROM "Dispatch" WHERE id = ${dispatchId} FOR UPDATE`;
  const dispatch = visibleOr(
    await tx.dispatch.findFirst({
      where: { AND: [{ id: dispatchId }, dispatchWhere(scope)] },
      select: { id: true, status: true, startDate: true, lastDay: true, doctorId: true, receivingOrgId: true },
    }),
  );
  // dispatchWhere already limits a doctor to their own dispatches; say it again where it matters most.
  if (dispatch.doctorId !== scope.user.doctorId) throw new AppError("notFound");
  if (!FILING_STATUSES.has(dispatch.status)) throw new AppError("conflict", "dispatchNotInService");
  return dispatch;
}

/** The period's refusal as a field error (dates) or a conflict (overlap), in words of the catalogue. */
async function checkPeriod(tx: Tx, dispatch: { id: string; startDate: Date; lastDay: Date }, fields: WorkLogFields, now: Date, exceptId?: string) {
  const others = await tx.workLog.findMany({
    where: { dispatchId: dispatch.id, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { periodStart: true, periodEnd: true },
  });
  const period: Period = { first: fields.periodStart, last: fields.periodEnd };
  const problem = periodProblem(
    period,
    { first: isoDay(dispatch.startDate), last: isoDay(dispatch.lastDay) },
    shanghaiDay(now),
    others.map((o) => ({ first: isoDay(o.periodStart), last: isoDay(o.periodEnd) })),
  );
  if (problem === "overlaps") throw new AppError("conflict", "periodOverlaps");
  if (problem === "endBeforeStart") throw fieldError("periodEnd", "endBeforeStart");
  if (problem) throw fieldError(problem === "tooLong" || problem === "afterDispatch" || problem === "inFuture" ? "periodEnd" : "periodStart", problem);
}

/** The doctor files a log for a day or a week of their own dispatch. */
export async function fileWorkLog(db: PrismaClient, scope: Scope, raw: unknown, now = new Date()): Promise<WorkLogSnapshot> {
  const input = parse(fileWorkLogSchema, raw);
  authorize(scope, "service.file");
  return runTx(
    db,
    async (tx) => {
      const dispatch = await lockOwnDispatch(tx, scope, input.dispatchId);
      await checkPeriod(tx, dispatch, input, now);
      const created = await tx.workLog.create({
        data: { dispatchId: dispatch.id, filedById: scope.user.id, filedAt: now, ...dataOf(input) },
        select: workLogSnapshotSelect,
      });
      await audit(tx, { actor: await actorOf(tx, scope), action: "workLog.file", entity: "WorkLog", entityId: created.id, after: created });
      return created;
    },
    { uniqueFields: { WorkLog_dispatchId_periodStart_key: ["periodStart", "periodOverlaps"] } },
  );
}

/** The doctor corrects a log still waiting or returned to them; it goes back to the supervisor. */
export async function resubmitWorkLog(db: PrismaClient, scope: Scope, raw: unknown, now = new Date()): Promise<WorkLogSnapshot> {
  const input = parse(resubmitWorkLogSchema, raw);
  authorize(scope, "service.file");
  return runTx(
    db,
    async (tx) => {
      const found = await tx.workLog.findFirst({ where: { id: input.workLogId, dispatch: dispatchWhere(scope) }, select: { dispatchId: true } });
      const dispatch = await lockOwnDispatch(tx, scope, visibleOr(found).dispatchId);
      const before = visibleOr(await tx.workLog.findUnique({ where: { id: input.workLogId }, select: workLogSnapshotSelect }));
      if (before.version !== input.version) throw new AppError("conflict", "stale");
      if (before.status === "CONFIRMED") throw new AppError("conflict", "alreadyConfirmed");
      await checkPeriod(tx, dispatch, input, now, before.id);
      const after = await tx.workLog.update({
        where: { id: before.id },
        data: { ...dataOf(input), status: "SUBMITTED", filedAt: now, version: { increment: 1 } },
        select: workLogSnapshotSelect,
      });
      await audit(tx, { actor: await actorOf(tx, scope), action: "workLog.resubmit", entity: "WorkLog", entityId: after.id, before, after });
      return after;
    },
    { uniqueFields: { WorkLog_dispatchId_periodStart_key: ["periodStart", "periodOverlaps"] } },
  );
}

/**
 * The logs of `refs` locked in id order, each visible to the supervisor (a log of a doctor placed
 * with another unit is "not found"), at the version the supervisor saw and still waiting.
 */
async function lockForReview(tx: Tx, scope: Scope, refs: { workLogId: string; version: number }[]) {
  const ids = [...new Set(refs.map((r) => r.workLogId))].sort();
  if (ids.length !== refs.length) throw fieldError("logs", "duplicateSelection");
  await tx.$queryRaw`SELECT id FROM "WorkLog" WHERE id = ANY(${ids}::text[]) ORDER BY id FOR UPDATE`;
  const logs = await tx.workLog.findMany({
    where: { id: { in: ids }, dispatch: dispatchWhere(scope) },
    select: { ...workLogSnapshotSelect, dispatch: { select: { receivingOrgId: true, doctor: { select: { name: true } } } } },
  });
  if (logs.length !== ids.length) throw new AppError("notFound");
  for (const log of logs) {
    authorize(scope, "service.supervise", { organizationId: log.dispatch.receivingOrgId });
    const ref = refs.find((r) => r.workLogId === log.id)!;
    if (log.version !== ref.version) throw new AppError("conflict", "stale", undefined, { doctor: log.dispatch.doctor.name });
    if (log.status !== "SUBMITTED") throw new AppError("conflict", "notWaiting", undefined, { doctor: log.dispatch.doctor.name });
  }
  return logs;
}

function snapshot<T extends WorkLogSnapshot & { dispatch?: unknown }>(log: T): WorkLogSnapshot {
  const { dispatch: _dispatch, ...rest } = log;
  return rest;
}

/** The supervisor confirms one log or a selection, all or none. */
export async function confirmWorkLogs(db: PrismaClient, scope: Scope, raw: unknown, now = new Date()): Promise<{ confirmed: number }> {
  const input = parse(confirmWorkLogsSchema, raw);
  authorize(scope, "service.supervise");
  return runTx(db, async (tx) => {
    const logs = await lockForReview(tx, scope, input.logs);
    const actor = await actorOf(tx, scope);
    for (const log of logs) {
      const after = await tx.workLog.update({
        where: { id: log.id },
        data: { status: "CONFIRMED", reviewedById: scope.user.id, reviewedAt: now, reviewComment: null, version: { increment: 1 } },
        select: workLogSnapshotSelect,
      });
      await audit(tx, { actor, action: "workLog.confirm", entity: "WorkLog", entityId: log.id, before: snapshot(log), after });
    }
    return { confirmed: logs.length };
  });
}

/** The supervisor returns a log with a comment; the doctor corrects and resubmits it. */
export async function returnWorkLog(db: PrismaClient, scope: Scope, raw: unknown, now = new Date()): Promise<WorkLogSnapshot> {
  const input = parse(returnWorkLogSchema, raw);
  authorize(scope, "service.supervise");
  return runTx(db, async (tx) => {
    const [log] = await lockForReview(tx, scope, [{ workLogId: input.workLogId, version: input.version }]);
    const after = await tx.workLog.update({
      where: { id: log!.id },
      data: { status: "RETURNED", reviewedById: scope.user.id, reviewedAt: now, reviewComment: input.comment, version: { increment: 1 } },
      select: workLogSnapshotSelect,
    });
    await audit(tx, { actor: await actorOf(tx, scope), action: "workLog.return", entity: "WorkLog", entityId: after.id, before: snapshot(log!), after });
    return after;
  });
}
