import { z } from "zod";
import { GRADES } from "../domain/scoring";
import { listQuerySchema, sortFields, strictListFields, type DefaultSort } from "./list-query";

// Evaluations: one schema per form/use case, shared by the client form (zodResolver), the server and
// the OpenAPI document. Messages are catalogue keys of the "evaluations" namespace's errors.

const id = z.string({ error: "invalid" }).trim().min(1, "required").max(64, "invalid");
const noNul = (s: string) => !s.includes("\u0000");
const text = (max: number) => z.string({ error: "invalid" }).trim().max(max, "tooLong").refine(noNul, "invalid");

export const EVALUATION_PARTIES = [
  "RECEIVING_UNIT",
  "BUREAU",
  "DISPATCHING_UNIT",
  "SUPPORT_HEALTH_DEPT",
  "RECEIVING_HEALTH_DEPT",
  "SUPPORT_INSTITUTION",
  "RECEIVING_INSTITUTION",
  "SECONDED_STAFF",
  "MENTORED_STAFF",
] as const;
export type EvaluationPartyCode = (typeof EVALUATION_PARTIES)[number];

const year = z.number({ error: "invalid" }).int("invalid").min(2000, "yearOutOfRange").max(2100, "yearOutOfRange");

/** Staff open the annual assessment of a programme for a calendar year (the default scheme unless another is chosen). */
export const openAssessmentSchema = z.object({
  programId: id,
  year,
  schemeId: id.optional(),
});
export type OpenAssessmentInput = z.input<typeof openAssessmentSchema>;

/**
 * Points as a number with at most one decimal (18.5), or the same as typed text ("18.5"). The bound
 * of each aspect is the scheme's and is checked by the use case; here: a number ≥ 0 in tenths.
 */
const points = z.union([z.number({ error: "pointsInvalid" }), z.string({ error: "pointsInvalid" })]).transform((value, ctx) => {
  const textValue = typeof value === "number" ? (Number.isFinite(value) ? String(value) : "") : value.trim();
  const m = /^(\d{1,3})(?:\.(\d))?$/.exec(textValue);
  if (!m) {
    const message = /^\d+\.\d{2,}$/.test(textValue) ? "pointsPrecision" : /^-\d/.test(textValue) || /^\d{4,}(\.\d)?$/.test(textValue) ? "pointsOutOfRange" : "pointsInvalid";
    ctx.addIssue({ code: "custom", message });
    return z.NEVER;
  }
  return Number(m[1]) * 10 + (m[2] ? Number(m[2]) : 0);
});

/** A party's points for one doctor: a draft (submit=false) or its one submission. */
export const saveScoreSchema = z.object({
  subjectId: id,
  party: z.enum(EVALUATION_PARTIES, { error: "partyInvalid" }),
  points: z.array(points).min(1, "pointsInvalid").max(20, "pointsInvalid"),
  submit: z.boolean({ error: "invalid" }),
  /** After the party submitted: a correction (a new submitted row) needs its reason. */
  correctionReason: text(500).optional().transform((v) => (v ? v : undefined)),
});
export type SaveScoreInput = z.input<typeof saveScoreSchema>;

/** The bureau grades some or all of the cohort; the quota counts the grades already given. */
export const gradeSubjectsSchema = z.object({
  assessmentId: id,
  /** The assessment's version the form was read at; a stale one is refused (409). Optional for API callers. */
  version: z.number({ error: "invalid" }).int("invalid").min(1, "invalid").optional(),
  grades: z
    .array(z.object({ subjectId: id, grade: z.enum(GRADES, { error: "gradeInvalid" }) }))
    .min(1, "selectionRequired")
    .max(500, "selectionTooLarge"),
});
export type GradeSubjectsInput = z.input<typeof gradeSubjectsSchema>;

/** Points as typed in a band's bound (89.5) → hundredths. */
const bandPoints = z.number({ error: "invalid" }).min(0, "bandOutOfRange").max(100, "bandOutOfRange").transform((v, ctx) => {
  const hundredths = Math.round(v * 100);
  if (Math.abs(hundredths - v * 100) > 1e-6) {
    ctx.addIssue({ code: "custom", message: "pointsPrecision" });
    return z.NEVER;
  }
  return hundredths;
});

/** A scheme of the bureau's own, made from another (or from scratch). Schemes never change once made. */
export const createSchemeSchema = z.object({
  basedOnId: id.optional(),
  name: text(120).pipe(z.string().min(2, "nameRequired")),
  description: text(2000).optional().transform((v) => (v ? v : null)),
  quotaPercent: z.number({ error: "invalid" }).int("invalid").min(0, "percentOutOfRange").max(100, "percentOutOfRange"),
  minServedPercent: z.number({ error: "invalid" }).int("invalid").min(0, "percentOutOfRange").max(100, "percentOutOfRange"),
  parties: z
    .array(z.object({ party: z.enum(EVALUATION_PARTIES, { error: "partyInvalid" }), weight: z.number({ error: "invalid" }).int("weightWhole").min(1, "weightOutOfRange").max(100, "weightOutOfRange") }))
    .min(1, "noParties")
    .max(9, "invalid"),
  aspects: z
    .array(z.object({ name: text(60).pipe(z.string().min(1, "required")), maxPoints: z.number({ error: "invalid" }).int("maxWhole").min(1, "maxOutOfRange").max(100, "maxOutOfRange") }))
    .min(1, "noAspects")
    .max(20, "invalid"),
  bands: z.array(z.object({ grade: z.enum(GRADES, { error: "gradeInvalid" }), minTotal: bandPoints })).length(4, "bandsIncomplete"),
});
export type CreateSchemeInput = z.input<typeof createSchemeSchema>;

/** The assessment list's sortable columns (the whitelist; lib/server/evaluations.ts maps each to its SQL order), newest year first by default. */
export const ASSESSMENT_SORT_KEYS = ["program", "year", "status", "openedAt"] as const;
export const ASSESSMENT_DEFAULT_SORT: DefaultSort<(typeof ASSESSMENT_SORT_KEYS)[number]> = { sort: "year", dir: "desc" };
/** The list page's URL query: bad values are dropped, never an error. */
export const assessmentPageQuerySchema = listQuerySchema.pick({ page: true, size: true }).extend({ ...sortFields(ASSESSMENT_SORT_KEYS), programId: id.optional().catch(undefined) });
export type AssessmentListQuery = z.infer<typeof assessmentPageQuerySchema>;
/** GET /api/v1/assessments: the same, an unknown programme id, sort key or page size refused. */
export const assessmentListQuerySchema = assessmentPageQuerySchema.extend({ programId: id.optional(), ...strictListFields(ASSESSMENT_SORT_KEYS) });

/** Staff make a rater link for one doctor of an assessment and one party (a mentee, the receiving unit's staff). */
export const createRaterLinkSchema = z.object({
  subjectId: id,
  party: z.enum(EVALUATION_PARTIES, { error: "partyInvalid" }),
  raterName: text(60).pipe(z.string().min(1, "raterNameRequired")),
  email: z
    .string({ error: "invalid" })
    .trim()
    .max(254, "tooLong")
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(z.email({ error: "emailInvalid" }).optional()),
  validDays: z.number({ error: "invalid" }).int("invalid").min(1, "validDaysOutOfRange").max(30, "validDaysOutOfRange").default(14),
});
export type CreateRaterLinkInput = z.input<typeof createRaterLinkSchema>;

export const revokeRaterLinkSchema = z.object({ linkId: id, subjectId: id.optional() });

/** A rater's sheet through the link: the points only (the link names the doctor and the party); submitted at once. */
export const raterScoreSchema = z.object({
  points: z.array(points).min(1, "pointsInvalid").max(20, "pointsInvalid"),
});
export type RaterScoreInput = z.input<typeof raterScoreSchema>;

/** A token as it appears in a link: base64url, 43 characters (32 random bytes). */
export const raterTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
