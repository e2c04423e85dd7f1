import { z } from "zod";
import { PROGRAM_STATUSES } from "../domain/program-status";
import { TEMPLATE_KEYS } from "../domain/program-templates";
import { calendarDate, fromShanghaiWallClock, STAGE_KINDS, timelineProblems } from "../domain/program-timeline";
import { editVersion } from "./common";
import { listQuerySchema, sortFields, strictListFields, type DefaultSort } from "./list-query";

// Shared by the programme and post forms (zodResolver) and the use cases. Messages are catalogue keys
// of programsAdmin.errors; a form shows them through its translator.

export const PROGRAM_KINDS = ["LONG_TERM_AID", "COUNTY_HIRE_TOWNSHIP_USE", "COUNTERPART_SUPPORT", "OTHER"] as const;

const id = z.string({ error: "invalid" }).trim().min(1, "required").max(64, "invalid");
/** A whole number, sent as a number: `true` or "1" is not one (issue 12); the forms convert what is typed (lib/forms/number-input.ts). */
const int = (min: number, max: number, tooSmall: string) =>
  z.number({ error: "notANumber" }).int("notAnInteger").min(min, tooSmall).max(max, "tooLarge");

const programFields = {
  kind: z.enum(PROGRAM_KINDS, { error: "kindRequired" }),
  name: z.string({ error: "invalid" }).trim().min(2, "nameRequired").max(100, "tooLong"),
  year: int(2000, 2100, "yearRange"),
  // The form sends "" for "no batch number".
  batchNumber: z
    .union([z.literal(""), z.null(), int(1, 999, "batchNumberRange")])
    .transform((v) => (v === "" ? null : v))
    .optional()
    .transform((v) => v ?? null),
  serviceMonths: int(1, 120, "serviceMonthsRange"),
  rotationBatches: int(1, 12, "rotationBatchesRange"),
  description: z
    .string({ error: "invalid" })
    .trim()
    .max(2000, "tooLong")
    .optional()
    .transform((v) => (v ? v : null)),
};

export const programSchema = z.object(programFields);
/** A Beijing calendar day "YYYY-MM-DD", kept as that text (the domain lays timelines out from it). */
const calendarDay = z
  .string({ error: "invalid" })
  .trim()
  .refine((v) => calendarDate(v) !== null, "invalidDate");

/**
 * `startDate`: the day the template's first stage opens; the timeline is laid out from it. Left out
 * (an API caller), the next day the template opens in its own calendar, today included.
 */
export const createProgramSchema = z.object({
  ...programFields,
  template: z.enum(TEMPLATE_KEYS, { error: "templateRequired" }),
  startDate: z.union([z.literal(""), calendarDay]).optional().transform((v) => (v ? v : undefined)),
});
/** `version`: the programme's version the edit started from (the form's, the API's If-Match); a stale one is refused (409). */
export const updateProgramSchema = z.object({ ...programFields, id, version: editVersion });
export const programIdSchema = z.object({ id });

export type ProgramFormValues = z.input<typeof createProgramSchema>;

const wallClock = z
  .string({ error: "invalid" })
  .trim()
  .refine((v) => fromShanghaiWallClock(v) !== null, "invalidDateTime")
  .transform((v) => fromShanghaiWallClock(v)!);

const stageSchema = z.object({
  kind: z.enum(STAGE_KINDS, { error: "stageRequired" }),
  opensAt: wallClock,
  closesAt: wallClock,
  ratio: z
    .union([z.literal(""), z.null(), int(1, 20, "ratioRange")])
    .optional()
    .transform((v) => (v === "" || v === undefined ? null : v)),
});

const cutoffSchema = z.object({
  code: z
    .string({ error: "invalid" })
    .trim()
    .min(1, "codeRequired")
    .max(32, "tooLong")
    .regex(/^[A-Z][A-Z0-9_]*$/, "codeFormat"),
  label: z.string({ error: "invalid" }).trim().min(1, "labelRequired").max(100, "tooLong"),
  date: z
    .string({ error: "invalid" })
    .trim()
    .refine((v) => calendarDate(v) !== null, "invalidDate")
    .transform((v) => calendarDate(v)!),
});

/**
 * The whole timeline of a programme in sequence order (Asia/Shanghai wall-clock times) and its
 * cut-off dates. Problems are reported on the row and field they concern: stages.2.closesAt.
 */
const timelineFields = {
  stages: z.array(stageSchema).max(STAGE_KINDS.length, "tooManyStages"),
  cutoffs: z.array(cutoffSchema).max(20, "tooManyCutoffs"),
};
/** The timeline's body as the API documents it (the programme's id is in the path). */
export const timelineBodySchema = z.object(timelineFields);

export const timelineSchema = z
  .object({ id, ...timelineFields })
  .superRefine((value, ctx) => {
    for (const problem of timelineProblems(value.stages)) {
      ctx.addIssue({ code: "custom", path: ["stages", problem.index, problem.field], message: problem.code });
    }
    const codes = new Set<string>();
    value.cutoffs.forEach((c, index) => {
      if (codes.has(c.code)) ctx.addIssue({ code: "custom", path: ["cutoffs", index, "code"], message: "duplicateCode" });
      codes.add(c.code);
    });
  });

export type TimelineFormValues = z.input<typeof timelineSchema>;

export const changeStatusSchema = z.object({
  id,
  target: z.enum(PROGRAM_STATUSES, { error: "invalid" }),
  confirmed: z.boolean().optional().default(false),
  /** Opening after the registration window: move the whole timeline so registration opens today first. */
  shiftTimeline: z.boolean().optional().default(false),
});

/** The programme list's sortable columns (the whitelist; lib/server/programs.ts maps each to its SQL order). */
export const PROGRAM_SORT_KEYS = ["name", "year", "status"] as const;
export const PROGRAM_DEFAULT_SORT: DefaultSort<(typeof PROGRAM_SORT_KEYS)[number]> = { sort: "year", dir: "desc" };

/** Moves every stage and cut-off date by whole days so registration opens on `opensOn` (default today, Beijing). */
export const shiftTimelineBodySchema = z.object({ opensOn: calendarDay.optional() });
export const shiftTimelineSchema = shiftTimelineBodySchema.extend({ id });

export const programListQuerySchema = listQuerySchema.extend({
  ...sortFields(PROGRAM_SORT_KEYS),
  status: z.enum(PROGRAM_STATUSES).optional().catch(undefined),
});
/** GET /api/v1/programs: the same, an unknown sort key, direction, page or page size refused (422). */
export const programListApiQuerySchema = programListQuerySchema.extend(strictListFields(PROGRAM_SORT_KEYS));
export type ProgramListQuery = z.infer<typeof programListQuerySchema>;

// ───────────── Posts ─────────────

const postFields = {
  receivingOrgId: id,
  title: z.string({ error: "invalid" }).trim().min(1, "titleRequired").max(100, "tooLong"),
  specialty: z.string({ error: "invalid" }).trim().min(1, "specialtyRequired").max(100, "tooLong"),
  headcount: int(1, 999, "headcountRange"),
  rotationBatch: int(1, 12, "batchRange"),
  description: programFields.description,
};

export const createPostSchema = z.object({ ...postFields, programId: id });
/** `version`: the post's version the edit started from; a stale one is refused (409). */
export const updatePostSchema = z.object({ ...postFields, id, version: editVersion });
export const postIdSchema = z.object({ id });
export type PostFormValues = z.input<typeof createPostSchema>;

const quotaList = z.array(z.object({ nominatingOrgId: id, minimum: int(0, 99, "minimumRange") })).max(500, "tooMany");
/** The quotas' body as the API documents it (the post's id is in the path). */
export const quotasBodySchema = z.object({ quotas: quotaList });

export const quotasSchema = z
  .object({ postId: id, quotas: quotaList })
  .superRefine((value, ctx) => {
    const seen = new Set<string>();
    value.quotas.forEach((q, index) => {
      if (seen.has(q.nominatingOrgId)) ctx.addIssue({ code: "custom", path: ["quotas", index, "nominatingOrgId"], message: "duplicateUnit" });
      seen.add(q.nominatingOrgId);
    });
  });

export const receivingOrgQuerySchema = z.object({ q: z.string().trim().max(100).optional().catch(undefined) });
