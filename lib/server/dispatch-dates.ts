import "server-only";
import { audit } from "../audit";
import type { Scope } from "../auth/policy";
import { daysFrom, dayDate } from "../domain/service-period";
import { isoDay } from "../domain/eligibility/calendar";
import { AppError } from "../errors";
import type { DispatchStatus } from "../generated/prisma/enums";
import { regenerateSchedule } from "./allowance-schedule";
import { actorOf, fieldError, isExclusionViolation, type Tx } from "./kit";
import { doctorUserId, notify } from "./notifications";

// The one place a dispatch's last day of service changes: leave of the programme's threshold or more
// (the leave use cases), an extension and an early end (lib/server/dispatches.ts). Everything that
// hangs on the last day — the payment schedule of the allowances, the hand-over date — follows from
// here, inside the same transaction:
//
//   await moveLastDay(tx, scope, { dispatchId, toLastDay: "2027-03-09", kind: "LAST_DAY_MOVED", reason, expectedVersion });
//
// moveLastDay does not decide who may move the date: the calling use case has authorised its actor
// (staff for an extension, the approver of the leave for a moved last day). It locks the dispatch row
// (SELECT … FOR UPDATE), checks the version and the dates, updates lastDay and version, appends a
// DispatchEvent, writes the audit row and then runs afterLastDayChanged (below) with the change.

export type LastDayChangeKind = "LAST_DAY_MOVED" | "EXTENDED" | "TERMINATED";

export interface MoveLastDayInput {
  dispatchId: string;
  /** The new last day of service, "YYYY-MM-DD". */
  toLastDay: string;
  kind: LastDayChangeKind;
  reason: string;
  /** The version the caller's form started from; a different current version is a 409. Left out: no check (the caller holds its own lock). */
  expectedVersion?: number;
  /** A reference the audit row keeps (e.g. { leaveRequestId }). */
  cause?: Record<string, string>;
}

/** A change of the last day, as afterLastDayChanged receives it. */
export interface LastDayChange {
  dispatchId: string;
  programId: string;
  doctorId: string;
  kind: LastDayChangeKind;
  fromLastDay: string;
  toLastDay: string;
  status: DispatchStatus;
  version: number;
  reason: string;
}

/** Statuses in which the last day may still move. */
const OPEN_STATUSES: ReadonlySet<DispatchStatus> = new Set(["PLANNED", "ACTIVE"]);

interface LockedDispatch {
  id: string;
  programId: string;
  doctorId: string;
  receivingOrgId: string;
  status: DispatchStatus;
  version: number;
  startDate: Date;
  lastDay: Date;
}

/** The dispatch row locked for the rest of the transaction, or a 404. */
export async function lockDispatch(tx: Tx, dispatchId: string): Promise<LockedDispatch> {
  const rows = await tx.$queryRaw<LockedDispatch[]>`
    SELECT id, "programId", "doctorId", "receivingOrgId", status, version, "startDate", "lastDay"
    FROM "Dispatch" WHERE id = ${dispatchId} FOR UPDATE`;
  const row = rows[0];
  if (!row) throw new AppError("notFound");
  return row;
}

async function doctorName(tx: Tx, doctorId: string): Promise<string> {
  return (await tx.doctor.findUnique({ where: { id: doctorId }, select: { name: true } }))?.name ?? "";
}

/** A stale form (someone changed the dispatch since it was opened): 409 with the reason. */
export function checkVersion(current: number, expected: number | undefined): void {
  if (expected !== undefined && expected !== current) throw new AppError("conflict", "staleVersion");
}

/**
 * A write the database refused because it would overlap the doctor's other dispatch (the exclusion
 * constraint; the loser of two concurrent requests): a 409 in words, not a 500. Use as `.catch(overlapConflict(name))`.
 */
export function overlapConflict(doctor: string) {
  return (error: unknown): never => {
    if (isExclusionViolation(error, "Dispatch_doctor_no_overlap")) throw new AppError("conflict", "overlapsOtherDispatch", undefined, { doctor });
    throw error;
  };
}

export async function moveLastDay(tx: Tx, scope: Scope, input: MoveLastDayInput, now = new Date()): Promise<LastDayChange> {
  const dispatch = await lockDispatch(tx, input.dispatchId);
  checkVersion(dispatch.version, input.expectedVersion);
  if (!OPEN_STATUSES.has(dispatch.status)) throw new AppError("conflict", "dispatchClosed");
  if (input.kind === "TERMINATED" && dispatch.status !== "ACTIVE") throw new AppError("conflict", "terminateOnlyActive");

  const fromLastDay = isoDay(dispatch.lastDay);
  const toLastDay = isoDay(dayDate(input.toLastDay));
  if (daysFrom(dispatch.startDate, toLastDay) < 0) throw fieldError("lastDay", "lastDayBeforeStart");
  const shift = daysFrom(fromLastDay, toLastDay);
  if (shift === 0) throw fieldError("lastDay", "lastDayUnchanged");
  if (input.kind === "EXTENDED" && shift < 0) throw fieldError("lastDay", "extendMustBeLater");
  if (input.kind === "TERMINATED" && shift > 0) throw fieldError("lastDay", "terminateMustBeEarlier");

  // Overlap with the doctor's next dispatch: told in words here; the database refuses it all the same
  // (an extension racing another dispatch's creation) and overlapConflict turns that into the same 409.
  const clash = await tx.dispatch.findFirst({
    where: {
      doctorId: dispatch.doctorId,
      id: { not: dispatch.id },
      status: { not: "CANCELLED" },
      startDate: { lte: dayDate(toLastDay) },
      lastDay: { gte: dispatch.startDate },
    },
    select: { id: true },
  });
  if (clash) throw new AppError("conflict", "overlapsOtherDispatch", undefined, { doctor: await doctorName(tx, dispatch.doctorId) });

  const status: DispatchStatus = input.kind === "TERMINATED" ? "TERMINATED" : dispatch.status;
  const updated = await tx.dispatch
    .update({
      where: { id: dispatch.id },
      data: { lastDay: dayDate(toLastDay), status, version: { increment: 1 } },
      select: { id: true, version: true, status: true, lastDay: true },
    })
    .catch(overlapConflict(await doctorName(tx, dispatch.doctorId)));
  const event = await tx.dispatchEvent.create({
    data: {
      dispatchId: dispatch.id,
      kind: input.kind,
      fromLastDay: dispatch.lastDay,
      toLastDay: dayDate(toLastDay),
      effectiveOn: input.kind === "TERMINATED" ? dayDate(toLastDay) : null,
      reason: input.reason,
      actedById: scope.user.id,
      at: now,
    },
    select: { id: true },
  });
  await audit(tx, {
    actor: await actorOf(tx, scope),
    action: AUDIT_ACTION[input.kind],
    entity: "Dispatch",
    entityId: dispatch.id,
    before: { lastDay: fromLastDay, status: dispatch.status, version: dispatch.version },
    after: { lastDay: toLastDay, status: updated.status, version: updated.version, eventId: event.id, reason: input.reason, ...(input.cause ? { cause: input.cause } : {}) },
  });

  const change: LastDayChange = {
    dispatchId: dispatch.id,
    programId: dispatch.programId,
    doctorId: dispatch.doctorId,
    kind: input.kind,
    fromLastDay,
    toLastDay,
    status: updated.status,
    version: updated.version,
    reason: input.reason,
  };
  await afterLastDayChanged(tx, scope, change, dispatch.receivingOrgId, now);
  return change;
}

const AUDIT_ACTION: Record<LastDayChangeKind, string> = { LAST_DAY_MOVED: "dispatch.move_last_day", EXTENDED: "dispatch.extend", TERMINATED: "dispatch.terminate" };

/**
 * What follows a change of the last day, in the same transaction. Whatever is computed from the last
 * day is brought up to date here, one call per dependent module — the allowances' payment schedule
 * (unpaid lines regenerated, paid months adjusted by a new line); then the doctor and the receiving
 * unit's supervisors are told.
 */
async function afterLastDayChanged(tx: Tx, scope: Scope, change: LastDayChange, receivingOrgId: string, now: Date): Promise<void> {
  await regenerateSchedule(tx, change.dispatchId, await actorOf(tx, scope), change.kind, now);
  const supervisors = await tx.user.findMany({ where: { organizationId: receivingOrgId, role: "RECEIVING_SUPERVISOR", isActive: true }, select: { id: true } });
  await notify(tx, [await doctorUserId(tx, change.doctorId), ...supervisors.map((s) => s.id)], {
    key: "dispatchLastDayChanged",
    values: { doctor: await doctorName(tx, change.doctorId), from: change.fromLastDay, to: change.toLastDay, reason: change.reason },
    link: `/dispatches/${change.dispatchId}`,
  });
}
