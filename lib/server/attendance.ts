import "server-only";
import { audit } from "../audit";
import { authorize, can, dispatchWhere, type Scope } from "../auth/policy";
import { shanghaiDay } from "../domain/dispatch";
import { isoDay } from "../domain/eligibility/calendar";
import { exceedsAbsenceLimit } from "../domain/service-clock";
import { dayDate, daysFrom } from "../domain/service-period";
import { AppError } from "../errors";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { recordAttendanceSchema } from "../schemas/leave";
import { lockDispatch } from "./dispatch-dates";
import { actorOf, fieldError, parse, runTx, visibleOr } from "./kit";
import { doctorUserId, notify } from "./notifications";

// Attendance (考勤) and absences (旷工): the receiving unit's supervisor or the programme's bureau
// records a spot check (暗访) or a routine check that found the doctor present or absent, or leave
// taken without approval (always an absence). Rows are appended, never changed (the table refuses
// UPDATE and DELETE): the absences the service clock counts are the ones on record. When a new
// absence takes the count past the programme's limit (旷工超过3次: the fourth), the doctor and the
// bureau are told that the service no longer counts as grassroots service.

export const attendanceSelect = {
  id: true,
  dispatchId: true,
  source: true,
  startDate: true,
  endDate: true,
  isPresent: true,
  note: true,
  recordedAt: true,
  recordedBy: { select: { displayName: true } },
} as const satisfies Prisma.AttendanceCheckSelect;

type AttendanceRow = Prisma.AttendanceCheckGetPayload<{ select: typeof attendanceSelect }>;
export type AttendanceView = Omit<AttendanceRow, "startDate" | "endDate"> & { startDate: string; endDate: string };

export function attendanceView(row: AttendanceRow): AttendanceView {
  return { ...row, startDate: isoDay(row.startDate), endDate: isoDay(row.endDate) };
}

/** Whether the caller records attendance of this dispatch: its receiving unit's supervisor, or its programme's bureau. */
export function mayRecordAttendance(scope: Scope, dispatch: { receivingOrgId: string; program: { bureauId: string } }): boolean {
  return can(scope, "service.supervise", { organizationId: dispatch.receivingOrgId }) || can(scope, "service.oversee", { organizationId: dispatch.program.bureauId });
}

export async function recordAttendance(db: PrismaClient, scope: Scope, raw: unknown, now = new Date()): Promise<AttendanceView> {
  const input = parse(recordAttendanceSchema, raw);
  authorize(scope, "attendance.record");
  return runTx(db, async (tx) => {
    await lockDispatch(tx, input.dispatchId);
    const dispatch = visibleOr(
      await tx.dispatch.findFirst({
        where: { AND: [{ id: input.dispatchId }, dispatchWhere(scope)] },
        select: { id: true, doctorId: true, receivingOrgId: true, startDate: true, lastDay: true, status: true, doctor: { select: { name: true } }, program: { select: { bureauId: true, absenceLimit: true } } },
      }),
    );
    if (!mayRecordAttendance(scope, dispatch)) throw new AppError("forbidden");
    if (dispatch.status === "CANCELLED" || dispatch.status === "PLANNED") throw new AppError("conflict", "dispatchNotInService");
    const first = isoDay(dispatch.startDate);
    const last = isoDay(dispatch.lastDay);
    if (daysFrom(first, input.startDate) < 0 || daysFrom(input.endDate, last) < 0) {
      throw new AppError("validation", "attendanceOutsideDispatch", { startDate: ["attendanceOutsideDispatch"] }, { first, last });
    }
    if (daysFrom(input.endDate, shanghaiDay(now)) < 0) throw fieldError("endDate", "attendanceInFuture");

    const created = await tx.attendanceCheck.create({
      data: {
        dispatchId: dispatch.id,
        source: input.source,
        startDate: dayDate(input.startDate),
        endDate: dayDate(input.endDate),
        isPresent: input.isPresent,
        note: input.note,
        recordedById: scope.user.id,
        recordedAt: now,
      },
      select: attendanceSelect,
    });
    const view = attendanceView(created);
    await audit(tx, { actor: await actorOf(tx, scope), action: "attendance.record", entity: "AttendanceCheck", entityId: created.id, after: { ...view, recordedBy: undefined, doctorId: dispatch.doctorId } });

    if (!input.isPresent) {
      const count = await tx.attendanceCheck.count({ where: { dispatchId: dispatch.id, isPresent: false } });
      const limit = dispatch.program.absenceLimit;
      const values = { doctor: dispatch.doctor.name, source: input.source, start: view.startDate, end: view.endDate, count, limit: limit ?? 0 };
      const link = `/dispatches/${dispatch.id}/attendance`;
      const crossed = exceedsAbsenceLimit(count, limit) && !exceedsAbsenceLimit(count - 1, limit);
      await notify(tx, [await doctorUserId(tx, dispatch.doctorId)], { key: crossed ? "absenceLimitExceeded" : "absenceRecorded", values, link });
      if (crossed) {
        const staff = await tx.user.findMany({ where: { organizationId: dispatch.program.bureauId, role: { in: ["BUREAU_ADMIN", "BUREAU_STAFF"] }, isActive: true, id: { not: scope.user.id } }, select: { id: true } });
        await notify(tx, staff.map((u) => u.id), { key: "absenceLimitExceeded", values, link });
      }
    }
    return view;
  });
}
