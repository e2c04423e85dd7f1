import { z } from "zod";
import { text } from "./common";
import { isCalendarDate } from "./doctors";

// The public notice (公示) of a batch's approved list, objections, answers, withdrawals and the
// frozen list's versions: one schema per use case, shared by the forms, the server and the OpenAPI
// document. Messages are catalogue keys of notice.errors. Calendar days travel as "YYYY-MM-DD".

const id = text({ error: "invalid" }).trim().min(1, "required").max(64, "invalid");
const reason = (requiredKey = "reasonRequired") => text({ error: "invalid" }).trim().min(2, requiredKey).max(2000, "tooLong");
/** A rotation batch in a body: a number, not text (issue 12); ?batch= in a query is read below. */
const batch = z.number({ error: "invalid" }).int("invalid").min(1, "invalid").max(99, "invalid");
const optionalText = (max: number) =>
  text({ error: "invalid" })
    .trim()
    .max(max, "tooLong")
    .optional()
    .transform((v) => (v ? v : null));

/** Which batch's list: the programme and its rotation batch (1 when the programme has one). */
export const noticeBatchSchema = z.object({ programId: id, rotationBatch: batch.default(1) });

/** Staff publish the batch's approved list for a window of working days. */
export const publishNoticeSchema = noticeBatchSchema.extend({
  /** The first day of the window; today (Beijing) when left out. A weekend day moves to Monday. */
  startDate: text({ error: "invalid" })
    .trim()
    .optional()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || isCalendarDate(v), "dateInvalid"),
  /** Working days (Mon–Fri); the programme's setting when left out. */
  workingDays: z.number({ error: "invalid" }).int("invalid").min(1, "workingDaysRange").max(30, "workingDaysRange").optional(),
  /** A line printed above the list (whom to contact, how to object). */
  note: optionalText(1000),
});
export type PublishNoticeInput = z.input<typeof publishNoticeSchema>;

/** Anyone signed in objects to a name of the notice, with the reason. */
/** The programme of the path (/api/v1/programs/{programId}/…): when given, the record must belong to it. */
const pathProgramId = id.optional();

export const fileObjectionSchema = z.object({ programId: pathProgramId, noticeId: id, applicationId: id, reason: reason() });
export type FileObjectionInput = z.input<typeof fileObjectionSchema>;

/** Staff answer an objection, once. */
export const answerObjectionSchema = z.object({ programId: pathProgramId, objectionId: id, answer: reason("answerRequired") });
export type AnswerObjectionInput = z.input<typeof answerObjectionSchema>;

/** Staff withdraw an appointee from the list: a withdrawal decision at the approval stage, with the reason. */
export const withdrawAppointeeSchema = z.object({ programId: pathProgramId, applicationId: id, reason: reason() });
export type WithdrawAppointeeInput = z.input<typeof withdrawAppointeeSchema>;

/** Staff confirm (freeze) the list; a later version needs the reason it changed. */
export const confirmListSchema = noticeBatchSchema.extend({ reason: optionalText(2000) });
export type ConfirmListInput = z.input<typeof confirmListSchema>;

/** ?batch= on the notice's GET routes (1 when left out). */
export const noticeQuerySchema = z.object({ batch: z.coerce.number({ error: "invalid" }).int("invalid").min(1, "invalid").max(99, "invalid").optional() });
