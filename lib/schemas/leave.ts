import { z } from "zod";
import { LEAVE_KINDS } from "../domain/leave-rules";
import { isCalendarDate } from "./doctors";
import { listQuerySchema, sortFields, strictListFields, type DefaultSort } from "./list-query";

// Leave and attendance: one schema per form/use case, shared by the client form (zodResolver), the
// server actions, the /api/v1 routes and the OpenAPI document. Messages are catalogue keys of
// "leave.errors". Calendar days travel as "YYYY-MM-DD".

const id = z.string({ error: "invalid" }).trim().min(1, "required").max(64, "invalid");
const noNul = (v: string) => !v.includes("\u0000");
const text = (max: number, requiredKey: string) => z.string({ error: "invalid" }).trim().min(1, requiredKey).max(max, "tooLong").refine(noNul, "invalid");
const optionalText = (max: number) =>
  z
    .string({ error: "invalid" })
    .trim()
    .max(max, "tooLong")
    .refine(noNul, "invalid")
    .nullish()
    .transform((v) => (v ? v : null));
const day = (requiredKey = "dateRequired") => z.string({ error: "invalid" }).trim().min(1, requiredKey).refine(isCalendarDate, "dateInvalid");
const version = z.number({ error: "invalid" }).int("invalid").min(1, "invalid").max(1_000_000, "invalid");

export const leaveKindSchema = z.enum(LEAVE_KINDS, { error: "kindRequired" });
export const ATTENDANCE_SOURCES = ["SPOT_CHECK", "ROUTINE", "UNAPPROVED_LEAVE"] as const;

/** The doctor files leave on their dispatch. */
export const fileLeaveFields = z.object({
  dispatchId: id,
  kind: leaveKindSchema,
  startDate: day(),
  endDate: day(),
  reason: text(2000, "reasonRequired"),
});
export const fileLeaveSchema = fileLeaveFields.refine((v) => !isCalendarDate(v.startDate) || !isCalendarDate(v.endDate) || v.endDate >= v.startDate, { path: ["endDate"], message: "endBeforeStart" });
export type FileLeaveInput = z.input<typeof fileLeaveSchema>;

/** The receiving supervisor, then the bureau, approve or refuse; a refusal says why. */
export const decideLeaveFields = z.object({
  leaveId: id,
  version,
  approve: z.boolean({ error: "invalid" }),
  comment: optionalText(1000),
});
export const decideLeaveSchema = decideLeaveFields.refine((v) => v.approve || (v.comment !== null && v.comment.length >= 2), { path: ["comment"], message: "commentRequired" });
export type DecideLeaveInput = z.input<typeof decideLeaveSchema>;

/** The doctor withdraws a leave still waiting for a decision. */
export const cancelLeaveSchema = z.object({ leaveId: id, version });
export type CancelLeaveInput = z.input<typeof cancelLeaveSchema>;

/** A spot check (暗访) or routine check (考勤), or leave taken without approval (always an absence). */
export const recordAttendanceFields = z.object({
  dispatchId: id,
  source: z.enum(ATTENDANCE_SOURCES, { error: "sourceRequired" }),
  startDate: day(),
  endDate: day(),
  isPresent: z.boolean({ error: "invalid" }),
  note: optionalText(1000),
});
export const recordAttendanceSchema = recordAttendanceFields
  .refine((v) => !isCalendarDate(v.startDate) || !isCalendarDate(v.endDate) || v.endDate >= v.startDate, { path: ["endDate"], message: "endBeforeStart" })
  .refine((v) => v.source !== "UNAPPROVED_LEAVE" || !v.isPresent, { path: ["isPresent"], message: "unapprovedLeaveIsAbsence" })
  .refine((v) => v.isPresent || (v.note !== null && v.note.length >= 2), { path: ["note"], message: "absenceNoteRequired" });
export type RecordAttendanceInput = z.input<typeof recordAttendanceSchema>;

/** The leave queue's sortable columns (the whitelist; lib/server/leave-queries.ts maps each to its SQL order), oldest request first by default. */
export const LEAVE_SORT_KEYS = ["filedAt", "doctor", "startDate", "days", "status"] as const;
export const LEAVE_DEFAULT_SORT: DefaultSort<(typeof LEAVE_SORT_KEYS)[number]> = { sort: "filedAt", dir: "asc" };
/** The queue page's URL query: bad values are dropped, never an error. */
export const leaveQueueQuerySchema = listQuerySchema.pick({ page: true, size: true }).extend(sortFields(LEAVE_SORT_KEYS));
export type LeaveQueueQuery = z.infer<typeof leaveQueueQuerySchema>;
/** GET /api/v1/leave: the same, an unknown sort key or page size refused. */
export const leaveQueueApiQuerySchema = leaveQueueQuerySchema.extend(strictListFields(LEAVE_SORT_KEYS));
