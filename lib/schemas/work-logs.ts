import { z } from "zod";
import { listQuerySchema, sortFields, strictListFields, strictPageFields, type DefaultSort } from "./list-query";
import { MAX_NEW_DEPARTMENTS, MAX_NEW_TECHNIQUES, MAX_TEACHING_PER_TYPE, TEACHING_ACTIONS, WORK_LOG_BOUNDS } from "../domain/work-log";
import { parseYuan } from "../domain/money";
import { isCalendarDate } from "./doctors";

// Work logs and mentoring pairs: one schema per form/use case, shared by the form (zodResolver), the
// server and the OpenAPI document. Messages are catalogue keys of the "worklogs" namespace's errors.
// Counts left empty on the phone are 0; the donated medicine is entered in yuan (at most 2 decimals)
// and stored in integer fen (lib/domain/money.ts reads it; the pages show it with formatYuan).

const id = z.string({ error: "invalid" }).trim().min(1, "required").max(64, "invalid");
const noNul = (v: string) => !v.includes("\u0000");
const text = (max: number, requiredKey = "required") => z.string({ error: "invalid" }).trim().min(1, requiredKey).max(max, "tooLong").refine(noNul, "invalid");
const optionalText = (max: number) =>
  z
    .string({ error: "invalid" })
    .trim()
    .max(max, "tooLong")
    .refine(noNul, "invalid")
    .nullish()
    .transform((v) => (v ? v : null));
const day = (requiredKey = "dateRequired") => z.string({ error: "invalid" }).trim().min(1, requiredKey).refine(isCalendarDate, "dateInvalid");
const version = z.number({ error: "invalid" }).int("invalid").min(1, "invalid").max(2_147_483_647, "invalid");

/** A count: "" or missing → 0; a whole number (sent as a number, not as text) from 0 to `max`, else a message naming the bound. */
const count = (max: number) =>
  z.preprocess(
    (v) => (v === "" || v === undefined || v === null ? 0 : v),
    z.number({ error: "countInvalid" }).int("countInvalid").min(0, "countNegative").max(max, "countTooHigh"),
  );

const donatedYuan = z
  .union([z.string({ error: "invalid" }), z.number({ error: "invalid" })])
  .nullish()
  .transform((v, ctx) => {
    if (v === null || v === undefined || v === "") return 0;
    const fen = parseYuan(String(v));
    if (fen === null || fen < 0) {
      ctx.addIssue({ code: "custom", message: "yuanInvalid" });
      return z.NEVER;
    }
    if (fen > WORK_LOG_BOUNDS.donatedMedicineFen) {
      ctx.addIssue({ code: "custom", message: "yuanTooHigh" });
      return z.NEVER;
    }
    return fen;
  });

export const TEACHING_ACTION_VALUES = TEACHING_ACTIONS;
export const teachingActionSchema = z.enum(TEACHING_ACTIONS, { error: "invalid" });

/** Teaching actions by type: { MENTORING: 2, … }; types with 0 are dropped. */
const teaching = z
  .partialRecord(teachingActionSchema, count(MAX_TEACHING_PER_TYPE))
  .default({})
  .transform((t) => Object.fromEntries(Object.entries(t).filter(([, n]) => typeof n === "number" && n > 0)) as Partial<Record<(typeof TEACHING_ACTIONS)[number], number>>);

/** A list of names (new techniques, new departments): blanks and repeats dropped, at most `max`. */
const names = (max: number, tooMany: string) =>
  z
    .array(z.string({ error: "invalid" }).trim().max(100, "tooLong").refine(noNul, "invalid"), { error: "invalid" })
    .max(max, tooMany)
    .default([])
    .transform((list) => [...new Set(list.filter((n) => n.length > 0))]);

/** The contents of a log, as the doctor enters them. */
export const workLogFieldsSchema = z.object({
  periodStart: day(),
  periodEnd: day(),
  outpatients: count(WORK_LOG_BOUNDS.outpatients),
  operations: count(WORK_LOG_BOUNDS.operations),
  caseDiscussions: count(WORK_LOG_BOUNDS.caseDiscussions),
  juniorsMentored: count(WORK_LOG_BOUNDS.juniorsMentored),
  lectures: count(WORK_LOG_BOUNDS.lectures),
  newTechniques: names(MAX_NEW_TECHNIQUES, "tooManyTechniques"),
  /** Departments newly set up at the receiving unit with the doctor's help (seed 003: 新建业务科室). */
  newDepartments: names(MAX_NEW_DEPARTMENTS, "tooManyDepartments"),
  freeClinics: count(WORK_LOG_BOUNDS.freeClinics),
  donatedMedicineYuan: donatedYuan,
  teaching,
  otherWork: optionalText(2000),
});
export type WorkLogFields = z.output<typeof workLogFieldsSchema>;

export const fileWorkLogSchema = workLogFieldsSchema.extend({ dispatchId: id });
export type FileWorkLogInput = z.input<typeof fileWorkLogSchema>;

/** A correction of a submitted or returned log, from the version the doctor started from. */
export const resubmitWorkLogSchema = workLogFieldsSchema.extend({ workLogId: id, version });
export type ResubmitWorkLogInput = z.input<typeof resubmitWorkLogSchema>;

const logRef = z.object({ workLogId: id, version });

/** The supervisor confirms one log or a selection of logs, each at the version they saw. */
export const confirmWorkLogsSchema = z.object({
  logs: z.array(logRef, { error: "invalid" }).min(1, "selectionRequired").max(200, "selectionTooLarge"),
});
export type ConfirmWorkLogsInput = z.input<typeof confirmWorkLogsSchema>;

/** The supervisor returns a log with a comment saying what to correct. */
export const returnWorkLogSchema = logRef.extend({ comment: text(1000, "commentRequired") });
export type ReturnWorkLogInput = z.input<typeof returnWorkLogSchema>;

export const WORKLOAD_GROUPS = ["program", "receivingOrg", "doctor"] as const;
/** The workload table's sortable columns: the group's name and every total (each a column of the SQL result). */
export const WORKLOAD_SORT_KEYS = ["name", "logs", "outpatients", "operations", "caseDiscussions", "juniorsMentored", "lectures", "newTechniques", "newDepartments", "freeClinics", "teachingActions", "mentees", "examsPassed", "donatedMedicineFen"] as const;
export type WorkloadSortKey = (typeof WORKLOAD_SORT_KEYS)[number];
export type WorkloadGroup = (typeof WORKLOAD_GROUPS)[number];

/** The bureau's workload totals: grouped by programme, receiving unit or doctor, optionally one programme; doctors paged. */
export const workloadQuerySchema = z.object({
  by: z.enum(WORKLOAD_GROUPS, { error: "invalid" }).catch("program"),
  programId: z.string().trim().max(64).optional().catch(undefined).transform((v) => (v ? v : undefined)),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
  size: listQuerySchema.shape.size,
  ...sortFields(WORKLOAD_SORT_KEYS),
});
export type WorkloadQuery = z.output<typeof workloadQuerySchema>;
/** GET /api/v1/workload: the same, an unknown sort key, direction or page size refused. */
export const workloadApiQuerySchema = workloadQuerySchema.extend(strictListFields(WORKLOAD_SORT_KEYS));
/** Workload rows a page unless the reader chooses another size. */
export const WORKLOAD_PAGE_SIZE = 50;
/** Doctors by most outpatients first, programmes and units by name. */
export const workloadDefaultSort = (by: WorkloadGroup): DefaultSort<WorkloadSortKey> => (by === "doctor" ? { sort: "outpatients", dir: "desc" } : { sort: "name", dir: "asc" });

/** The supervisor's queue of logs waiting for confirmation, paged. */
export const pendingLogsQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
/** GET /api/v1/work-logs/pending: the same, a page it does not know refused (422). */
export const pendingLogsApiQuerySchema = pendingLogsQuerySchema.extend({ page: strictPageFields.page });

// ───────────── Mentoring pairs (师带徒) ─────────────

export const MENTORING_OUTCOMES = ["IN_PROGRESS", "LICENCE_EXAM_PASSED", "TITLE_EXAM_PASSED", "COMPLETED", "ENDED"] as const;

const mentoringFields = z.object({
  menteeName: text(50, "menteeNameRequired"),
  menteeTitle: optionalText(50),
  menteeDepartment: optionalText(50),
  goals: text(2000, "goalsRequired"),
  startDate: day(),
  endDate: day().nullish().or(z.literal("")).transform((v) => (v ? v : null)),
  outcome: z.enum(MENTORING_OUTCOMES, { error: "invalid" }).default("IN_PROGRESS"),
  outcomeNote: optionalText(1000),
});

const endAfterStart = (v: { startDate: string; endDate: string | null }) => v.endDate === null || v.endDate >= v.startDate;

/** The pair's fields as the API's body carries them (the dispatch or the pair is in the path). */
export const mentoringPairBodySchema = mentoringFields.refine(endAfterStart, { message: "endBeforeStart", path: ["endDate"] });
export const mentoringPairUpdateBodySchema = mentoringFields.extend({ version }).refine(endAfterStart, { message: "endBeforeStart", path: ["endDate"] });

export const createMentoringPairSchema = mentoringFields.extend({ dispatchId: id }).refine(endAfterStart, { message: "endBeforeStart", path: ["endDate"] });
export type CreateMentoringPairInput = z.input<typeof createMentoringPairSchema>;

export const updateMentoringPairSchema = mentoringFields.extend({ mentoringPairId: id, version }).refine(endAfterStart, { message: "endBeforeStart", path: ["endDate"] });
export type UpdateMentoringPairInput = z.input<typeof updateMentoringPairSchema>;

export const deleteMentoringPairSchema = z.object({ mentoringPairId: id, version });
export type DeleteMentoringPairInput = z.input<typeof deleteMentoringPairSchema>;
