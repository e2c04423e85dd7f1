import { z } from "zod";
import { LEAVE_KINDS, LEAVE_STATUSES } from "../domain/leave-rules";
import { ATTENDANCE_SOURCES } from "../schemas/leave";

// The answers of the leave and attendance endpoints, for the OpenAPI document.

const day = z.string().meta({ description: "Calendar day, YYYY-MM-DD" });
const instant = z.iso.datetime().meta({ description: "ISO 8601 instant, UTC" });

export const leaveResponseSchema = z
  .object({
    id: z.string(),
    dispatchId: z.string(),
    kind: z.enum(LEAVE_KINDS),
    startDate: day,
    endDate: day,
    days: z.number().int(),
    reason: z.string(),
    status: z.enum(LEAVE_STATUSES),
    extendsService: z.boolean().meta({ description: "Reaches the programme's threshold (请假5天以上: 以上 includes 5): the bureau approves too, and approval moves the last day of service by the leave's days" }),
    filedAt: instant,
    supervisorComment: z.string().nullable(),
    supervisorDecidedAt: instant.nullable(),
    bureauComment: z.string().nullable(),
    bureauDecidedAt: instant.nullable(),
    version: z.number().int(),
  })
  .meta({ id: "Leave" });

export const attendanceResponseSchema = z
  .object({
    id: z.string(),
    dispatchId: z.string(),
    source: z.enum(ATTENDANCE_SOURCES),
    startDate: z.string(),
    endDate: z.string(),
    isPresent: z.boolean(),
    note: z.string().nullable(),
    recordedAt: instant,
    recordedBy: z.object({ displayName: z.string() }).meta({ description: "Who recorded the check (the supervisor or bureau staff)" }),
  })
  .meta({ id: "AttendanceCheck" });

export const serviceClockResponseSchema = z
  .object({
    dispatchId: z.string(),
    firstDay: z.string(),
    plannedLastDay: z.string(),
    lastDay: z.string(),
    lastDayMovedBy: z.number().int(),
    totalDays: z.number().int(),
    elapsedDays: z.number().int(),
    daysLeft: z.number().int(),
    approvedLeaveDays: z.number().int(),
    approvedLeaveDaysTaken: z.number().int(),
    extendingLeaveDaysTaken: z.number().int(),
    pendingExtendingDays: z.number().int(),
    daysServed: z.number().int(),
    absenceCount: z.number().int(),
    absenceDays: z.number().int(),
    absenceLimit: z.number().int().nullable().meta({ description: "超过 excludes the number: with 3, the fourth absence exceeds it" }),
    exceedsAbsenceLimit: z.boolean(),
    creditedDays: z.number().int().meta({ description: "Days served less absence days; 0 when the absences exceed the limit" }),
  })
  .meta({ id: "ServiceClock" });

export const leaveListResponseSchema = z.object({ leaves: z.array(leaveResponseSchema), clock: serviceClockResponseSchema });
export const attendanceListResponseSchema = z.object({ checks: z.array(attendanceResponseSchema), clock: serviceClockResponseSchema });
export const leaveQueueResponseSchema = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageCount: z.number().int(),
  items: z.array(leaveResponseSchema.extend({ doctorName: z.string(), receivingOrgName: z.string(), postTitle: z.string(), programName: z.string(), step: z.enum(["supervisor", "bureau"]) })),
});
