import "server-only";
import { audit } from "../audit";
import { applicationWhere, authorize, dispatchWhere, type Scope } from "../auth/policy";
import { shanghaiDay, transitionRefusal, type DispatchAction } from "../domain/dispatch";
import { isoDay } from "../domain/eligibility/calendar";
import { dayDate, daysFrom, lastDayOfService } from "../domain/service-period";
import { AppError } from "../errors";
import type { PrismaClient } from "../generated/prisma/client";
import type { DispatchEventKind, DispatchStatus } from "../generated/prisma/enums";
import {
  cancelDispatchSchema,
  createDispatchSchema,
  dispatchTransitionSchema,
  extendDispatchSchema,
  terminateDispatchSchema,
} from "../schemas/dispatches";
import { checkVersion, lockDispatch, moveLastDay, overlapConflict } from "./dispatch-dates";
import { regenerateSchedule } from "./allowance-schedule";
import { actorOf, fieldError, parse, runTx, visibleOr, type Tx } from "./kit";
import { doctorUserId, notify } from "./notifications";
import { assertOnConfirmedList } from "./public-notice";

// Dispatches (派驻) by the bureau: created from an approved application on the batch's confirmed
// list (lib/server/public-notice.ts), then planned → active →
// completed, or cancelled before arrival, ended early or extended (the last two through moveLastDay,
// lib/server/dispatch-dates.ts). Every change locks the dispatch row, checks the version the form
// started from (a stale one is a 409), bumps it, appends a DispatchEvent and writes the audit row.
// The database refuses two overlapping dispatches of one doctor (an exclusion constraint); the
// loser of a race gets the same 409 in words as the one the check before it gives.

export interface DispatchSummary {
  id: string;
  status: DispatchStatus;
  version: number;
  startDate: string;
  plannedLastDay: string;
  lastDay: string;
  serviceMonths: number;
}

const summarySelect = { id: true, status: true, version: true, startDate: true, plannedLastDay: true, lastDay: true, serviceMonths: true } as const;

function summaryOf(row: { id: string; status: DispatchStatus; version: number; startDate: Date; plannedLastDay: Date; lastDay: Date; serviceMonths: number }): DispatchSummary {
  return { ...row, startDate: isoDay(row.startDate), plannedLastDay: isoDay(row.plannedLastDay), lastDay: isoDay(row.lastDay) };
}

const UNIQUE_FIELDS = {
  Dispatch_applicationId_key: ["applicationId", "alreadyDispatched"],
  Dispatch_predecessorId_key: ["predecessorId", "predecessorTaken"],
} as const;

/** Programme statuses in which dispatches are created. */
const DISPATCHABLE = new Set(["OPEN", "VETTING", "DISPATCHING", "IN_SERVICE"]);

/** Staff create a dispatch from an approved application: the post's receiving unit and batch, the programme's service months unless given. */
export async function createDispatch(db: PrismaClient, scope: Scope, raw: unknown, now = new Date()): Promise<DispatchSummary> {
  const input = parse(createDispatchSchema, raw);
  authorize(scope, "dispatch.manage");
  return runTx(
    db,
    async (tx) => {
      const found = await tx.application.findFirst({ where: { AND: [{ id: input.applicationId }, applicationWhere(scope)] }, select: { id: true } });
      visibleOr(found);
      // The application row locked: two officers dispatching the same appointee queue here.
      await tx.$queryRaw`SELECT id FROM "Application" WHERE id = ${input.applicationId} FOR UPDATE`;
      const app = await tx.application.findUniqueOrThrow({
        where: { id: input.applicationId },
        select: {
          id: true,
          status: true,
          doctorId: true,
          doctor: { select: { name: true } },
          post: {
            select: {
              id: true,
              title: true,
              specialty: true,
              receivingOrgId: true,
              rotationBatch: true,
              program: { select: { id: true, name: true, bureauId: true, status: true, serviceMonths: true } },
            },
          },
          dispatch: { select: { id: true } },
        },
      });
      const { post } = app;
      authorize(scope, "dispatch.manage", { organizationId: post.program.bureauId });
      if (!DISPATCHABLE.has(post.program.status)) throw new AppError("conflict", "programNotDispatching");
      if (app.status !== "APPROVED") throw new AppError("conflict", "applicationNotApproved", undefined, { doctor: app.doctor.name });
      if (app.dispatch) throw fieldError("applicationId", "alreadyDispatched");
      // From the confirmed list only: the current version of the batch's list, after its public notice.
      await assertOnConfirmedList(tx, { programId: post.program.id, rotationBatch: post.rotationBatch, applicationId: app.id, doctor: app.doctor.name });

      const serviceMonths = input.serviceMonths ?? post.program.serviceMonths;
      const lastDay = lastDayOfService(input.startDate, serviceMonths);

      if (input.predecessorId) await checkPredecessor(tx, input.predecessorId, post, input.startDate);

      // The doctor's other dispatches: told in words; the exclusion constraint refuses it all the same.
      const clash = await tx.dispatch.findFirst({
        where: { doctorId: app.doctorId, status: { not: "CANCELLED" }, startDate: { lte: dayDate(lastDay) }, lastDay: { gte: dayDate(input.startDate) } },
        select: { id: true },
      });
      if (clash) throw new AppError("conflict", "overlapsOtherDispatch", undefined, { doctor: app.doctor.name });

      const created = await tx.dispatch
        .create({
          data: {
            programId: post.program.id,
            postId: post.id,
            applicationId: app.id,
            doctorId: app.doctorId,
            receivingOrgId: post.receivingOrgId,
            rotationBatch: post.rotationBatch,
            startDate: dayDate(input.startDate),
            serviceMonths,
            plannedLastDay: dayDate(lastDay),
            lastDay: dayDate(lastDay),
            actingPosition: input.actingPosition,
            predecessorId: input.predecessorId,
            createdById: scope.user.id,
          },
          select: { ...summarySelect, actingPosition: true, predecessorId: true, receivingOrgId: true },
        })
        .catch(overlapConflict(app.doctor.name));
      await tx.dispatchEvent.create({
        data: { dispatchId: created.id, kind: "CREATED", toLastDay: dayDate(lastDay), effectiveOn: dayDate(input.startDate), actedById: scope.user.id, at: now },
      });
      const summary = summaryOf(created);
      await audit(tx, {
        actor: await actorOf(tx, scope),
        action: "dispatch.create",
        entity: "Dispatch",
        entityId: created.id,
        after: { ...summary, applicationId: app.id, doctor: app.doctor.name, post: post.title, actingPosition: created.actingPosition, predecessorId: created.predecessorId },
      });
      // The payment schedule of the programme's allowance policy, in the same transaction.
      await regenerateSchedule(tx, created.id, await actorOf(tx, scope), "CREATED", now);
      await notify(tx, [await doctorUserId(tx, app.doctorId), ...(await supervisorIds(tx, post.receivingOrgId))], {
        key: "dispatchCreated",
        values: { doctor: app.doctor.name, post: post.title, program: post.program.name, start: summary.startDate, lastDay: summary.lastDay },
        link: `/dispatches/${created.id}`,
      });
      return summary;
    },
    { uniqueFields: UNIQUE_FIELDS },
  );
}

/** The predecessor covers the same kind of post at the same receiving unit, and started before this one. */
async function checkPredecessor(tx: Tx, predecessorId: string, post: { specialty: string; receivingOrgId: string }, startDate: string) {
  const predecessor = await tx.dispatch.findUnique({
    where: { id: predecessorId },
    select: { id: true, status: true, startDate: true, receivingOrgId: true, post: { select: { specialty: true } }, successor: { select: { id: true } } },
  });
  if (!predecessor || predecessor.status === "CANCELLED") throw fieldError("predecessorId", "predecessorInvalid");
  if (predecessor.receivingOrgId !== post.receivingOrgId || predecessor.post.specialty !== post.specialty) throw fieldError("predecessorId", "predecessorOtherPost");
  if (daysFrom(predecessor.startDate, startDate) <= 0) throw fieldError("predecessorId", "predecessorStartsLater");
  if (predecessor.successor) throw fieldError("predecessorId", "predecessorTaken");
}

async function supervisorIds(tx: Tx, receivingOrgId: string): Promise<string[]> {
  const rows = await tx.user.findMany({ where: { organizationId: receivingOrgId, role: "RECEIVING_SUPERVISOR", isActive: true }, select: { id: true } });
  return rows.map((r) => r.id);
}

/** The dispatch the caller may manage, locked, with its version checked and the action allowed today. */
async function loadForChange(tx: Tx, scope: Scope, dispatchId: string, expectedVersion: number, action: DispatchAction, now: Date) {
  visibleOr(await tx.dispatch.findFirst({ where: { AND: [{ id: dispatchId }, dispatchWhere(scope)] }, select: { id: true } }));
  const locked = await lockDispatch(tx, dispatchId);
  const program = await tx.program.findUniqueOrThrow({ where: { id: locked.programId }, select: { bureauId: true } });
  authorize(scope, "dispatch.manage", { organizationId: program.bureauId });
  checkVersion(locked.version, expectedVersion);
  const refusal = transitionRefusal({ status: locked.status, startDate: isoDay(locked.startDate), lastDay: isoDay(locked.lastDay) }, action, shanghaiDay(now));
  if (refusal) throw new AppError("conflict", refusal);
  return locked;
}

const STATUS_AFTER: Record<"activate" | "complete" | "cancel", { status: DispatchStatus; event: DispatchEventKind; auditAction: string }> = {
  activate: { status: "ACTIVE", event: "ACTIVATED", auditAction: "dispatch.activate" },
  complete: { status: "COMPLETED", event: "COMPLETED", auditAction: "dispatch.complete" },
  cancel: { status: "CANCELLED", event: "CANCELLED", auditAction: "dispatch.cancel" },
};

async function changeStatus(db: PrismaClient, scope: Scope, action: "activate" | "complete" | "cancel", input: { dispatchId: string; expectedVersion: number; reason: string | null }, now: Date): Promise<DispatchSummary> {
  authorize(scope, "dispatch.manage");
  return runTx(db, async (tx) => {
    const locked = await loadForChange(tx, scope, input.dispatchId, input.expectedVersion, action, now);
    const { status, event, auditAction } = STATUS_AFTER[action];
    const updated = await tx.dispatch.update({ where: { id: locked.id }, data: { status, version: { increment: 1 } }, select: summarySelect });
    await tx.dispatchEvent.create({
      data: { dispatchId: locked.id, kind: event, effectiveOn: dayDate(shanghaiDay(now)), reason: input.reason, actedById: scope.user.id, at: now },
    });
    await audit(tx, {
      actor: await actorOf(tx, scope),
      action: auditAction,
      entity: "Dispatch",
      entityId: locked.id,
      before: { status: locked.status, version: locked.version },
      after: { status: updated.status, version: updated.version, reason: input.reason },
    });
    // A cancelled dispatch pays nothing: its unpaid lines go (a paid one is answered by a negative line).
    if (action === "cancel") await regenerateSchedule(tx, locked.id, await actorOf(tx, scope), "CANCELLED", now);
    return summaryOf(updated);
  });
}

/** The doctor has arrived: planned → active (not before the first day of service). */
export async function activateDispatch(db: PrismaClient, scope: Scope, raw: unknown, now = new Date()) {
  return changeStatus(db, scope, "activate", parse(dispatchTransitionSchema, raw), now);
}

/** Service is over: active → completed (on or after the last day). */
export async function completeDispatch(db: PrismaClient, scope: Scope, raw: unknown, now = new Date()) {
  return changeStatus(db, scope, "complete", parse(dispatchTransitionSchema, raw), now);
}

/** A planned dispatch is called off before the doctor arrives, with the reason. */
export async function cancelDispatch(db: PrismaClient, scope: Scope, raw: unknown, now = new Date()) {
  return changeStatus(db, scope, "cancel", parse(cancelDispatchSchema, raw), now);
}

async function changeLastDay(db: PrismaClient, scope: Scope, action: "terminate" | "extend", input: { dispatchId: string; expectedVersion: number; lastDay: string; reason: string }, now: Date) {
  authorize(scope, "dispatch.manage");
  return runTx(db, async (tx) => {
    await loadForChange(tx, scope, input.dispatchId, input.expectedVersion, action, now);
    await moveLastDay(tx, scope, { dispatchId: input.dispatchId, toLastDay: input.lastDay, kind: action === "extend" ? "EXTENDED" : "TERMINATED", reason: input.reason, expectedVersion: input.expectedVersion }, now);
    return summaryOf(await tx.dispatch.findUniqueOrThrow({ where: { id: input.dispatchId }, select: summarySelect }));
  });
}

/** Service ends early: the last day served (not after the current last day), and why. */
export async function terminateDispatch(db: PrismaClient, scope: Scope, raw: unknown, now = new Date()) {
  return changeLastDay(db, scope, "terminate", parse(terminateDispatchSchema, raw), now);
}

/** Service is extended: a later last day, and why. */
export async function extendDispatch(db: PrismaClient, scope: Scope, raw: unknown, now = new Date()) {
  return changeLastDay(db, scope, "extend", parse(extendDispatchSchema, raw), now);
}
