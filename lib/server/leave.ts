import "server-only";
import { audit } from "../audit";
import { authorize, dispatchWhere, type Scope } from "../auth/policy";
import { extendsService, leaveDays, leaveRefusals, statusAfterDecision, stepOf, type LeaveRefusal } from "../domain/leave-rules";
import { movedLastDay } from "../domain/service-clock";
import { dayDate } from "../domain/service-period";
import { isoDay } from "../domain/eligibility/calendar";
import { AppError } from "../errors";
import { defaultLocale, timeZone } from "../i18n/config";
import { loadMessages } from "../i18n/messages";
import { createTranslator } from "next-intl";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { cancelLeaveSchema, decideLeaveSchema, fileLeaveSchema } from "../schemas/leave";
import { lockDispatch, moveLastDay } from "./dispatch-dates";
import { actorOf, isExclusionViolation, parse, runTx, visibleOr, type Tx } from "./kit";
import { doctorUserId, notify } from "./notifications";

// Leave during service (请假): the doctor files it on their own dispatch; the receiving unit's
// supervisor approves or refuses; leave of the programme's threshold or more (请假5天以上, 5 included)
// then goes to the programme's bureau, whose approval moves the dispatch's last day later by the
// leave's days (moveLastDay, in the same transaction). The doctor may withdraw a leave still waiting.
// The dispatch row is locked first in every use case, so two filings or a filing and a decision
// queue behind each other; the database refuses overlapping live leave all the same.

/** Why the last day moved, as the dispatch's history keeps it (in the default language, like a reason typed in). */
async function moveReason(kind: string, start: string, end: string, days: number): Promise<string> {
  const t = createTranslator({ locale: defaultLocale, messages: await loadMessages(defaultLocale), timeZone });
  return t("leave.moveReason" as never, { kind, start, end, days } as never);
}

export const leaveSelect = {
  id: true,
  dispatchId: true,
  kind: true,
  startDate: true,
  endDate: true,
  days: true,
  reason: true,
  status: true,
  extendsService: true,
  filedAt: true,
  supervisorComment: true,
  supervisorDecidedAt: true,
  bureauComment: true,
  bureauDecidedAt: true,
  version: true,
} as const satisfies Prisma.LeaveRequestSelect;

type LeaveRow = Prisma.LeaveRequestGetPayload<{ select: typeof leaveSelect }>;

export interface LeaveView extends Omit<LeaveRow, "startDate" | "endDate"> {
  startDate: string;
  endDate: string;
}

export function leaveView(row: LeaveRow): LeaveView {
  return { ...row, startDate: isoDay(row.startDate), endDate: isoDay(row.endDate) };
}

const dispatchForLeaveSelect = {
  id: true,
  doctorId: true,
  receivingOrgId: true,
  status: true,
  startDate: true,
  lastDay: true,
  doctor: { select: { name: true } },
  program: { select: { bureauId: true, leaveFilingThresholdDays: true, homeLeavesPerYear: true, spouseVisitsMax: true, spouseVisitMaxMonths: true } },
} as const satisfies Prisma.DispatchSelect;

/** The dispatch, locked, if the caller may see it (404 for both missing and out of scope). */
async function lockVisibleDispatch(tx: Tx, scope: Scope, dispatchId: string) {
  await lockDispatch(tx, dispatchId);
  return visibleOr(await tx.dispatch.findFirst({ where: { AND: [{ id: dispatchId }, dispatchWhere(scope)] }, select: dispatchForLeaveSelect }));
}

/** The active supervisors of the receiving unit, or the bureau's staff: who decides next. */
async function approverIds(tx: Tx, step: "supervisor" | "bureau", dispatch: { receivingOrgId: string; program: { bureauId: string } }): Promise<string[]> {
  const where: Prisma.UserWhereInput =
    step === "supervisor"
      ? { organizationId: dispatch.receivingOrgId, role: "RECEIVING_SUPERVISOR", isActive: true }
      : { organizationId: dispatch.program.bureauId, role: { in: ["BUREAU_ADMIN", "BUREAU_STAFF"] }, isActive: true };
  return (await tx.user.findMany({ where, select: { id: true } })).map((u) => u.id);
}

/** A refusal of the leave rules as a field error whose message the form fills with the details. */
function refusalError(refusal: LeaveRefusal): AppError {
  const { code, field, ...values } = refusal;
  const details = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)]));
  return new AppError("validation", code, { [field]: [code] }, details);
}

const OPEN_DISPATCH = new Set(["PLANNED", "ACTIVE"]);

/** The doctor files leave on their own dispatch. */
export async function fileLeave(db: PrismaClient, scope: Scope, raw: unknown, now = new Date()): Promise<LeaveView> {
  const input = parse(fileLeaveSchema, raw);
  authorize(scope, "service.file");
  try {
    return await runTx(db, async (tx) => {
      const dispatch = await lockVisibleDispatch(tx, scope, input.dispatchId);
      if (dispatch.doctorId !== scope.user.doctorId) throw new AppError("forbidden");
      if (!OPEN_DISPATCH.has(dispatch.status)) throw new AppError("conflict", "dispatchClosed");
      const others = await tx.leaveRequest.findMany({ where: { dispatchId: dispatch.id }, select: { id: true, kind: true, startDate: true, endDate: true, status: true } });
      const refusals = leaveRefusals(dispatch, input, others, dispatch.program);
      if (refusals.length) throw refusalError(refusals[0]!);

      const days = leaveDays(input.startDate, input.endDate);
      const extending = extendsService(days, dispatch.program.leaveFilingThresholdDays);
      const created = await tx.leaveRequest.create({
        data: {
          dispatchId: dispatch.id,
          kind: input.kind,
          startDate: dayDate(input.startDate),
          endDate: dayDate(input.endDate),
          days,
          reason: input.reason,
          extendsService: extending,
          filedById: scope.user.id,
          filedAt: now,
        },
        select: leaveSelect,
      });
      const view = leaveView(created);
      await audit(tx, { actor: await actorOf(tx, scope), action: "leave.file", entity: "LeaveRequest", entityId: created.id, after: view });
      await notify(tx, await approverIds(tx, "supervisor", dispatch), {
        key: "leaveFiled",
        values: { doctor: dispatch.doctor.name, kind: input.kind, start: view.startDate, end: view.endDate, days, extends: String(extending) },
        link: `/dispatches/${dispatch.id}/leave`,
      });
      return view;
    });
  } catch (error) {
    // Two filings at the same moment: the database's exclusion constraint has the last word.
    if (isExclusionViolation(error, "LeaveRequest_no_overlap")) throw new AppError("validation", "overlapsLeaveNow", { startDate: ["overlapsLeaveNow"] });
    throw error;
  }
}

async function lockLeave(tx: Tx, scope: Scope, leaveId: string) {
  const found = await tx.leaveRequest.findFirst({ where: { id: leaveId, dispatch: dispatchWhere(scope) }, select: { dispatchId: true } });
  const { dispatchId } = visibleOr(found);
  const dispatch = await lockVisibleDispatch(tx, scope, dispatchId);
  await tx.$queryRaw`SELECT id FROM "LeaveRequest" WHERE id = ${leaveId} FOR UPDATE`;
  const leave = await tx.leaveRequest.findUniqueOrThrow({ where: { id: leaveId }, select: leaveSelect });
  return { dispatch, leave };
}

function checkLeaveVersion(current: number, expected: number): void {
  if (current !== expected) throw new AppError("conflict", "staleVersion");
}

/**
 * The receiving supervisor (first) or the programme's bureau (then, for leave that extends service)
 * approves or refuses. The final approval of leave that extends service moves the last day.
 */
export async function decideLeave(db: PrismaClient, scope: Scope, raw: unknown, now = new Date()): Promise<LeaveView> {
  const input = parse(decideLeaveSchema, raw);
  authorize(scope, "leave.decide");
  return runTx(db, async (tx) => {
    const { dispatch, leave } = await lockLeave(tx, scope, input.leaveId);
    const step = stepOf(leave.status);
    if (step === "supervisor") authorize(scope, "service.supervise", { organizationId: dispatch.receivingOrgId });
    else if (step === "bureau") authorize(scope, "service.oversee", { organizationId: dispatch.program.bureauId });
    checkLeaveVersion(leave.version, input.version);
    const status = statusAfterDecision(leave.status, leave.extendsService, input.approve);
    if (!step || !status) throw new AppError("conflict", "leaveNotPending");

    const stamp = step === "supervisor" ? { supervisorDecidedById: scope.user.id, supervisorDecidedAt: now, supervisorComment: input.comment } : { bureauDecidedById: scope.user.id, bureauDecidedAt: now, bureauComment: input.comment };
    const updated = await tx.leaveRequest.update({ where: { id: leave.id }, data: { status, ...stamp, version: { increment: 1 } }, select: leaveSelect });
    const before = leaveView(leave);
    const after = leaveView(updated);
    await audit(tx, { actor: await actorOf(tx, scope), action: input.approve ? "leave.approve" : "leave.refuse", entity: "LeaveRequest", entityId: leave.id, before, after: { ...after, step } });

    let toLastDay: string | null = null;
    if (status === "APPROVED" && leave.extendsService) {
      toLastDay = movedLastDay(dispatch.lastDay, leave.days);
      await moveLastDay(tx, scope, { dispatchId: dispatch.id, toLastDay, kind: "LAST_DAY_MOVED", reason: await moveReason(leave.kind, after.startDate, after.endDate, leave.days), cause: { leaveRequestId: leave.id } }, now);
    }

    const values = { doctor: dispatch.doctor.name, kind: leave.kind, start: after.startDate, end: after.endDate, days: leave.days, comment: input.comment ?? "", lastDay: toLastDay ?? "" };
    const link = `/dispatches/${dispatch.id}/leave`;
    const key = status === "PENDING_BUREAU" ? "leaveAwaitsBureau" : status === "APPROVED" ? (toLastDay ? "leaveApprovedMoved" : "leaveApproved") : "leaveRefused";
    await notify(tx, [await doctorUserId(tx, dispatch.doctorId)], { key, values, link });
    if (status === "PENDING_BUREAU") await notify(tx, await approverIds(tx, "bureau", dispatch), { key: "leaveFiledBureau", values, link });
    return after;
  });
}

/** The doctor withdraws their own leave while it waits for a decision. */
export async function cancelLeave(db: PrismaClient, scope: Scope, raw: unknown): Promise<LeaveView> {
  const input = parse(cancelLeaveSchema, raw);
  authorize(scope, "service.file");
  return runTx(db, async (tx) => {
    const { dispatch, leave } = await lockLeave(tx, scope, input.leaveId);
    if (dispatch.doctorId !== scope.user.doctorId) throw new AppError("forbidden");
    checkLeaveVersion(leave.version, input.version);
    if (!stepOf(leave.status)) throw new AppError("conflict", "leaveNotPending");
    const updated = await tx.leaveRequest.update({ where: { id: leave.id }, data: { status: "CANCELLED", version: { increment: 1 } }, select: leaveSelect });
    const after = leaveView(updated);
    await audit(tx, { actor: await actorOf(tx, scope), action: "leave.cancel", entity: "LeaveRequest", entityId: leave.id, before: leaveView(leave), after });
    const step = stepOf(leave.status)!;
    await notify(tx, await approverIds(tx, step, dispatch), {
      key: "leaveCancelled",
      values: { doctor: dispatch.doctor.name, kind: leave.kind, start: after.startDate, end: after.endDate, days: leave.days },
      link: `/dispatches/${dispatch.id}/leave`,
    });
    return after;
  });
}
