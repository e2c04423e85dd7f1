import { z } from "zod";
import { VIRTUES, WORKLOAD_COUNTS } from "../domain/service-evaluation";

// The end-of-service evaluation (服务期满评价表): one schema per step, shared by the forms, the server
// and the OpenAPI document. Messages are catalogue keys of "evaluations.errors".

const id = z.string({ error: "invalid" }).trim().min(1, "required").max(64, "invalid");
const noNul = (s: string) => !s.includes("\u0000");
const text = (max: number) => z.string({ error: "invalid" }).trim().max(max, "tooLong").refine(noNul, "invalid");
const optionalText = (max: number) => text(max).optional().transform((v) => (v ? v : null));
const day = z.string({ error: "dateInvalid" }).regex(/^\d{4}-\d{2}-\d{2}$/, "dateInvalid").refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), "dateInvalid");
/** A count: a number, not text or a boolean (issue 12; the form converts what is typed); left empty, 0. */
const count = z.preprocess((v) => (v === "" || v === null || v === undefined ? 0 : v), z.number({ error: "countInvalid" }).int("countInvalid").min(0, "countInvalid").max(10_000_000, "countInvalid"));

export const openServiceEvaluationSchema = z.object({ dispatchId: id });

/** The doctor's part: main tasks, the workload (pre-filled from confirmed logs, correctable) and the written summary. */
export const selfSectionSchema = z.object({
  section: z.literal("self"),
  mainTasks: optionalText(2000),
  workload: z.object({ ...Object.fromEntries(WORKLOAD_COUNTS.map((k) => [k, count])), otherWork: text(500).default("") } as Record<(typeof WORKLOAD_COUNTS)[number], typeof count> & { otherWork: z.ZodDefault<ReturnType<typeof text>> }),
  summary: optionalText(5000),
});

/** An opinion with its date: the dispatching unit's, the receiving unit's (with 德能勤绩廉 and the procedure), the supervising authority's. */
export const dispatchingSectionSchema = z.object({ section: z.literal("dispatching"), opinion: text(2000).pipe(z.string().min(1, "opinionRequired")), opinionOn: day });
export const receivingSectionSchema = z.object({
  section: z.literal("receiving"),
  opinion: text(2000).pipe(z.string().min(1, "opinionRequired")),
  opinionOn: day,
  virtues: z.object(Object.fromEntries(VIRTUES.map((v) => [v, optionalText(500)])) as Record<(typeof VIRTUES)[number], ReturnType<typeof optionalText>>),
  talksOn: day.optional().nullable(),
  talksNote: optionalText(1000),
  democraticOn: day.optional().nullable(),
  democraticNote: optionalText(1000),
  collectiveOn: day.optional().nullable(),
  collectiveNote: optionalText(1000),
});
export const authoritySectionSchema = z.object({ section: z.literal("authority"), opinion: text(2000).pipe(z.string().min(1, "opinionRequired")), opinionOn: day });

export const saveSectionSchema = z.object({
  dispatchId: id,
  version: z.number({ error: "invalid" }).int("invalid").min(1, "invalid").optional(),
  part: z.discriminatedUnion("section", [selfSectionSchema, dispatchingSectionSchema, receivingSectionSchema, authoritySectionSchema], { error: "sectionInvalid" }),
});
export type SaveSectionInput = z.input<typeof saveSectionSchema>;

/** The receiving unit puts the form up for public notice (公示) from one day to another, both included. */
export const startNoticeSchema = z.object({ dispatchId: id, startsOn: day, endsOn: day });

/** An objection received during the notice, recorded by the receiving unit or the bureau. */
export const fileObjectionSchema = z.object({ dispatchId: id, objector: optionalText(60), content: text(2000).pipe(z.string().min(1, "objectionRequired")), receivedOn: day });
export const answerObjectionSchema = z.object({ dispatchId: id, objectionId: id, answer: text(2000).pipe(z.string().min(1, "answerRequired")) });

/** The bureau issues the result after the notice: 合格 or 不合格. */
export const issueResultSchema = z.object({ dispatchId: id, result: z.enum(["PASS", "FAIL"], { error: "resultInvalid" }) });
