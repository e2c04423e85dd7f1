import { z } from "zod";
import { HOSPITAL_GRADES, ORGANIZATION_KINDS, ORGANIZATION_LEVELS } from "../domain/organization-tree";
import { PHASE_KEYS, PHASE_TONES } from "../domain/program-phase";
import { PROGRAM_STATUSES } from "../domain/program-status";
import { STAGE_KINDS } from "../domain/program-timeline";
import { APPLICATION_STATUSES, DECISION_OUTCOMES } from "../schemas/applications";
import { ruleNodeSchema } from "../schemas/eligibility";
import { EDUCATIONS, ID_TYPES, POSITION_RANKS, PRACTISING_CATEGORIES, SEXES, TITLE_LEVELS } from "../schemas/doctors";
import { PROGRAM_KINDS } from "../schemas/programs";
import { verdicts } from "../schemas/screening";
import { GRADES } from "../domain/scoring";
import { EVALUATION_PARTIES } from "../schemas/evaluations";

// What /api/v1 answers, as zod schemas for the OpenAPI document (lib/api/openapi.ts). Instants are
// ISO 8601 strings (UTC), calendar dates too (midnight UTC). Nested detail the document need not
// spell out field by field (rule trees, evaluation reasons) is described as open objects.

const instant = z.iso.datetime().meta({ description: "ISO 8601 instant, UTC" });
const open = z.object({}).catchall(z.unknown());

/** Why a doctor is not (or not surely) eligible: one group per condition not met, a group's entries being its alternatives. */
const reasonGroups = z
  .array(z.array(z.object({ key: z.string(), values: z.record(z.string(), z.union([z.string(), z.number()])) }).meta({ id: "Reason", description: "A catalogue key of eligibility.reasons and its values" })))
  .meta({ description: "Groups of alternatives: each inner array is one condition not met (any one of its entries would satisfy it)" });

export const errorResponseSchema = z
  .object({
    error: z.object({
      code: z.string().meta({ description: "badRequest, unauthenticated, forbidden, notFound, validation, conflict, deadlinePassed, payloadTooLarge, generic" }),
      key: z.string().meta({ description: "The refusal's catalogue key (capExceeded, programClosed, registrationClosed …); the code when there is none" }),
      message: z.string().meta({ description: "The refusal in words, in the caller's language (Accept-Language: zh-CN by default, or en)" }),
      fieldErrors: z.record(z.string(), z.array(z.string())).optional().meta({ description: "Per dotted field path, the problems in words (caller's language)" }),
      fieldErrorKeys: z.record(z.string(), z.array(z.string())).optional().meta({ description: "The same problems as catalogue keys" }),
      details: z.record(z.string(), z.string()).optional().meta({ description: "Values the message needs, as strings (a deadline, a cap: capExceeded has post, cap, passed, adding)" }),
    }),
  })
  .meta({ id: "Error" });

export const page = <T extends z.ZodType>(row: T) => z.object({ rows: z.array(row), total: z.number().int(), page: z.number().int(), pageCount: z.number().int() });

const phaseStage = z.object({ kind: z.enum(STAGE_KINDS), sequence: z.number().int(), opensAt: instant, closesAt: instant });
const phase = z
  .object({
    key: z.enum(PHASE_KEYS),
    tone: z.enum(PHASE_TONES),
    detail: z.discriminatedUnion("kind", [
      z.object({ kind: z.literal("stageOpen"), stage: phaseStage }),
      z.object({ kind: z.literal("stageOpens"), stage: phaseStage }),
      z.object({ kind: z.literal("allClosed") }),
      z.object({ kind: z.literal("noStages") }),
      z.object({ kind: z.literal("none") }),
    ]).meta({ description: "The stage open now (stageOpen) or the next to open (stageOpens) with its window, or that all have closed (allClosed), there are none (noStages) or the timeline no longer matters (none)" }),
  })
  .meta({ id: "ProgramPhase", description: "Where the programme stands, from its status and its timeline together (lib/domain/program-phase.ts); the same on every page" });

/** A record's edit version (issue 12). */
const version = z.number().int().meta({ description: "Raised by every change; send it back as If-Match (\"7\") to edit (issue 12)" });

export const programSnapshotSchema = z
  .object({
    id: z.string(),
    bureauId: z.string(),
    kind: z.enum(PROGRAM_KINDS),
    name: z.string(),
    year: z.number().int(),
    batchNumber: z.number().int().nullable(),
    status: z.enum(PROGRAM_STATUSES),
    serviceMonths: z.number().int(),
    rotationBatches: z.number().int(),
    description: z.string().nullable(),
    version,
  })
  .meta({ id: "Program" });

export const programPageSchema = page(
  z.object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(PROGRAM_KINDS),
    year: z.number().int(),
    batchNumber: z.number().int().nullable(),
    status: z.enum(PROGRAM_STATUSES),
    postCount: z.number().int(),
    headcount: z.number().int(),
    phase,
  }),
);

export const programDetailSchema = programSnapshotSchema.extend({
  bureauName: z.string(),
  stages: z.array(z.object({ id: z.string(), kind: z.string(), sequence: z.number().int(), opensAt: instant, closesAt: instant, ratio: z.number().int().nullable() })),
  cutoffDates: z.array(z.object({ id: z.string(), code: z.string(), label: z.string(), date: instant })),
  postCount: z.number().int(),
  headcount: z.number().int(),
  applicationCount: z.number().int(),
  phase,
  targets: z.array(z.enum(PROGRAM_STATUSES)),
  isRegistrationPast: z.boolean().meta({ description: "The registration window has closed: opening needs shiftTimeline=true or confirmed=true" }),
  registrationShiftDays: z.number().int().nullable().meta({ description: "Days the timeline would move so registration opens today (null: no registration stage)" }),
});

export const postSchema = z
  .object({
    id: z.string(),
    programId: z.string(),
    receivingOrgId: z.string(),
    title: z.string(),
    specialty: z.string(),
    headcount: z.number().int(),
    rotationBatch: z.number().int(),
    description: z.string().nullable(),
    version,
  })
  .meta({ id: "Post" });

export const postListSchema = z.object({
  rows: z.array(
    postSchema.extend({
      receivingOrgName: z.string(),
      applicationCount: z.number().int(),
      quotas: z.array(z.object({ nominatingOrgId: z.string(), nominatingOrgName: z.string(), minimum: z.number().int() })),
    }),
  ),
});

const doctorRow = z.object({
  id: z.string(),
  name: z.string(),
  sex: z.enum(SEXES),
  idType: z.enum(ID_TYPES).optional().meta({ description: "The identity document: a mainland resident ID, a Hong Kong/Macao or Taiwan permit, or a passport" }),
  idNumber: z.string().meta({ description: "Masked unless the caller may see the full number" }),
  employerId: z.string(),
  education: z.enum(EDUCATIONS),
  specialty: z.string(),
  practisingCategory: z.enum(PRACTISING_CATEGORIES).nullable().optional(),
  positionRank: z.enum(POSITION_RANKS).nullable().optional(),
  version,
});

export const doctorPageSchema = page(doctorRow.catchall(z.unknown()));

export const doctorDetailSchema = doctorRow
  .extend({
    titles: z.array(z.object({ id: z.string(), level: z.enum(TITLE_LEVELS), name: z.string(), specialty: z.string(), obtainedOn: instant })),
    grassrootsServices: z.array(z.object({ id: z.string(), organizationName: z.string(), startDate: instant, endDate: instant.nullable(), isFullTime: z.boolean() })),
    canManage: z.boolean(),
  })
  .catchall(z.unknown());

export const idResponseSchema = z.object({ id: z.string() });

export const importPreviewSchema = z.object({
  fileName: z.string(),
  sheetProblems: z.array(open),
  rows: z.array(open.meta({ description: "Row number, create/update, the parsed record, its problems" })),
  counts: z.object({ rows: z.number().int(), create: z.number().int(), update: z.number().int(), withProblems: z.number().int() }),
  committed: z.boolean(),
});

export const screeningResultSchema = z.object({
  post: open,
  rules: z.array(z.object({ id: z.string(), name: z.string(), isProgramWide: z.boolean() })),
  counts: z.object({ ELIGIBLE: z.number().int(), INELIGIBLE: z.number().int(), UNKNOWN: z.number().int(), total: z.number().int() }),
  page: page(
    z.object({
      doctorId: z.string(),
      name: z.string(),
      employerName: z.string(),
      specialty: z.string(),
      title: z.object({ level: z.enum(TITLE_LEVELS), name: z.string(), specialty: z.string() }).nullable(),
      verdict: z.enum(verdicts),
      reasons: reasonGroups,
      computedAt: instant.meta({ description: "When this stored verdict was computed (issue 17)" }),
      isStale: z.boolean().meta({ description: "The post's rules changed since: a re-evaluation is due or running" }),
    }),
  ),
  freshness: z.object({
    computedAt: instant.nullable().meta({ description: "End of the last full re-evaluation of the post; null: none finished yet" }),
    job: z.object({ status: z.enum(["PENDING", "RUNNING"]), done: z.number().int(), total: z.number().int(), requestedAt: instant }).nullable(),
  }),
});

export const evaluationSchema = z.object({
  verdict: z.enum(verdicts),
  rules: z.array(z.object({ id: z.string(), name: z.string(), isProgramWide: z.boolean(), evaluation: open })),
  reasons: reasonGroups,
});

/** The rule builder's preview of an unsaved tree: the verdict and the engine's result node by node. */
export const rulePreviewSchema = z.object({ verdict: z.enum(verdicts), root: open.meta({ description: "The tree's result, node by node (met, unknown, reasons)" }) });

export const ruleSchema = z
  .object({ id: z.string(), programId: z.string(), postId: z.string().nullable(), name: z.string(), tree: ruleNodeSchema, version: z.number().int(), updatedAt: instant })
  .meta({ id: "EligibilityRule" });

export const programRulesSchema = z.object({
  program: z.object({ id: z.string(), name: z.string(), status: z.enum(PROGRAM_STATUSES), bureauId: z.string(), isEditable: z.boolean() }),
  cutoffs: z.array(z.object({ code: z.string(), label: z.string(), date: z.iso.date() })),
  posts: z.array(z.object({ id: z.string(), title: z.string(), specialty: z.string(), rotationBatch: z.number().int(), receivingOrgName: z.string() })),
  rules: z.array(ruleSchema),
});

// ───────────── Nominations and vetting ─────────────

const stageKind = z.enum(STAGE_KINDS);
const applicationStatus = z.enum(APPLICATION_STATUSES);
const source = z.enum(["SELF", "UNIT"]).meta({ description: "SELF: the doctor registered; UNIT: the unit nominated" });
const verdict = z.enum(verdicts).nullable();
const registrationNo = z.string().nullable().meta({ description: "The registration number (报名编号), unique within the programme: year, programme short name, sequence in order of creation (2013-援疆-001)" });

export const applicationSnapshotSchema = z
  .object({
    id: z.string(),
    postId: z.string(),
    doctorId: z.string(),
    nominatingOrgId: z.string(),
    source,
    status: applicationStatus,
    currentStage: stageKind,
    eligibilityVerdict: verdict,
    exceptionReason: z.string().nullable(),
    rank: z.number().int().nullable(),
    submittedAt: instant.nullable(),
    registrationNo: registrationNo,
  })
  .meta({ id: "Application" });

export const applicationPageSchema = page(
  z.object({
    id: z.string(),
    status: applicationStatus,
    currentStage: stageKind,
    source,
    eligibilityVerdict: verdict,
    exception: z.boolean().meta({ description: "Nominated although not found eligible, with the unit's written reason" }),
    exceptionReason: z.string().nullable(),
    rank: z.number().int().nullable(),
    submittedAt: instant.nullable(),
    registrationNo: registrationNo,
    doctor: z.object({ id: z.string(), name: z.string(), employerName: z.string() }),
    post: z.object({ id: z.string(), title: z.string(), rotationBatch: z.number().int() }),
    program: z.object({ id: z.string(), name: z.string() }),
    nominatingOrg: z.object({ id: z.string(), name: z.string() }),
    documents: z.number().int().meta({ description: "How many documents the application has" }),
  }),
);

export const applicationDetailSchema = applicationSnapshotSchema
  .omit({ postId: true, doctorId: true, nominatingOrgId: true })
  .extend({
    createdAt: instant,
    doctor: open.meta({ description: "The doctor's record: name, sex, education, titles, employer …" }),
    post: z.object({ id: z.string(), title: z.string(), specialty: z.string(), headcount: z.number().int(), rotationBatch: z.number().int(), receivingOrgName: z.string() }),
    program: z.object({ id: z.string(), name: z.string(), status: z.enum(PROGRAM_STATUSES), bureauId: z.string(), stages: z.array(open) }).catchall(z.unknown()),
    nominatingOrg: z.object({ id: z.string(), name: z.string() }),
    decisions: z.array(
      z.object({
        id: z.string(),
        stage: stageKind,
        outcome: z.enum(DECISION_OUTCOMES),
        reason: z.string().nullable().meta({ description: "Null for callers outside the bureau when reasonStaffOnly." }),
        reasonStaffOnly: z.boolean().meta({ description: "The reason was given once for several applications: the bureau's note, shown to its staff only." }),
        decidedAt: instant,
        decidedBy: z.object({ id: z.string(), displayName: z.string(), role: z.string() }),
        attachments: z.array(z.object({ id: z.string(), kind: z.string(), fileName: z.string(), sizeBytes: z.number().int() })),
      }),
    ),
    attachments: z.array(
      z.object({
        id: z.string(),
        kind: z.string(),
        fileName: z.string(),
        contentType: z.string(),
        sizeBytes: z.number().int(),
        sha256: z.string(),
        createdAt: instant,
        uploadedBy: z.object({ displayName: z.string() }),
        stageDecisionId: z.string().nullable(),
      }),
    ),
    can: z.object({ decide: z.boolean(), withdraw: z.boolean(), endorse: z.boolean(), upload: z.boolean() }).meta({ description: "What the caller may do now (checked again when they do)" }),
  });

export const decidedSchema = z.object({ decided: z.number().int() });

const stageTally = z.object({
  waiting: z.number().int(),
  passed: z.number().int(),
  cap: z.number().int().nullable(),
  remaining: z.number().int().nullable(),
  shortfall: z.number().int(),
});

export const vettingBoardSchema = z.object({
  program: z.object({ id: z.string(), name: z.string(), status: z.enum(PROGRAM_STATUSES), bureauId: z.string() }),
  stages: z.array(z.object({ kind: stageKind, ratio: z.number().int().nullable(), opensAt: instant, closesAt: instant })),
  posts: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      rotationBatch: z.number().int(),
      headcount: z.number().int(),
      receivingOrgName: z.string(),
      pendingEndorsement: z.number().int(),
      ended: z.partialRecord(stageKind, z.number().int()).meta({ description: "Rejected or withdrawn applications per stage" }),
      stages: z.partialRecord(stageKind, stageTally).meta({ description: "Per vetting stage: waiting, passed (still running), cap, places remaining, shortfall" }),
      approved: z.number().int(),
      total: z.number().int(),
    }),
  ),
});

// ───────────── Evaluations ─────────────
const party = z.enum(EVALUATION_PARTIES);
const grade = z.enum(GRADES);

export const evaluationSchemeSchema = z
  .object({
    id: z.string(),
    bureauId: z.string().nullable().meta({ description: "Null for the built-in schemes (seed 001's default, seed 003's six parties)" }),
    name: z.string(),
    description: z.string().nullable(),
    isDefault: z.boolean(),
    quotaPercent: z.number().int().meta({ description: "The top grade for at most this % of the assessed cohort, rounded down" }),
    minServedPercent: z.number().int().meta({ description: "Assessed: served at least this % of the year's days in the year (50: 半年以上, the half included)" }),
    basedOnId: z.string().nullable(),
    createdAt: instant,
    parties: z.array(z.object({ party, weight: z.number().int().meta({ description: "Whole percent; the parties sum to 100" }) })),
    aspects: z.array(z.object({ id: z.string(), name: z.string(), maxPoints: z.number().int() })),
    bands: z.array(z.object({ grade, minTotal: z.number().int().meta({ description: "Lower bound in hundredths of a point, included" }) })),
  })
  .meta({ id: "EvaluationScheme" });

export const assessmentSummarySchema = z.object({
  id: z.string(),
  year: z.number().int(),
  status: z.enum(["SCORING", "FINALISED"]),
  program: z.object({ id: z.string(), name: z.string() }),
  schemeName: z.string(),
  cohort: z.number().int(),
  assessed: z.number().int(),
  graded: z.number().int(),
});

export const openedAssessmentSchema = z.object({ id: z.string(), cohort: z.number().int(), assessed: z.number().int() });

export const assessmentDetailSchema = z
  .object({
    id: z.string(),
    version: z.number().int(),
    year: z.number().int(),
    status: z.enum(["SCORING", "FINALISED"]),
    program: z.object({ id: z.string(), name: z.string() }),
    scheme: evaluationSchemeSchema,
    cohortSize: z.number().int().meta({ description: "Doctors assessed (served the scheme's share of the year)" }),
    quota: z.number().int().meta({ description: "How many may be 优秀: quotaPercent of cohortSize, rounded down" }),
    subjects: z.array(
      z.object({
        id: z.string(),
        doctorId: z.string(),
        doctorName: z.string(),
        dispatchingOrg: z.string(),
        receivingOrg: z.string(),
        servedDays: z.number().int(),
        monthsServed: z.string(),
        assessed: z.boolean(),
        sheets: z.array(
          z.object({
            party,
            weight: z.number().int(),
            points: z.array(z.number().int()).nullable().meta({ description: "Whole tenths per aspect; null when not yet scored or not the caller's to see" }),
            sum: z.number().int().nullable(),
            submitted: z.boolean(),
            mine: z.boolean(),
          }),
        ),
        total: z.number().int().nullable().meta({ description: "Weighted total in hundredths, rounded half up (bureau; or once graded)" }),
        proposedGrade: grade.nullable(),
        grade: grade.nullable(),
      }),
    ),
    ranking: z.array(z.object({ id: z.string(), name: z.string(), total: z.number().int() })),
    can: z.object({ grade: z.boolean() }),
  })
  .meta({ id: "Assessment" });

export const savedScoreSchema = z.object({ id: z.string(), party, submitted: z.boolean(), sum: z.number().int() });
export const raterLinkCreatedSchema = z.object({
  id: z.string(),
  token: z.string().meta({ description: "Shown once: only its SHA-256 is kept. The rater opens /rate/{token}." }),
  path: z.string(),
  expiresAt: instant,
  emailed: z.boolean(),
});
export const raterLinkSchema = z.object({
  id: z.string(),
  party,
  raterName: z.string(),
  email: z.string().nullable(),
  createdAt: instant,
  expiresAt: instant,
  emailedAt: instant.nullable(),
  state: z.enum(["open", "used", "revoked", "expired"]),
  createdBy: z.string(),
});
export const raterFormSchema = z.object({
  raterName: z.string(),
  party,
  doctorName: z.string(),
  receivingOrg: z.string(),
  programName: z.string(),
  year: z.number().int(),
  expiresAt: instant,
  aspects: z.array(z.object({ name: z.string(), maxPoints: z.number().int() })),
});
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).meta({ description: "A calendar day, YYYY-MM-DD" });
const words = z.string().nullable();
export const serviceEvaluationSchema = z.object({
  dispatchId: z.string(),
  program: z.object({ id: z.string(), name: z.string() }),
  person: z.object({
    name: z.string(),
    sex: z.enum(["MALE", "FEMALE"]),
    ethnicity: z.string(),
    birthMonth: z.string().meta({ description: "YYYY-MM" }),
    education: z.string(),
    degree: words,
    major: words,
    employer: z.string(),
    specialty: z.string(),
    title: words,
    titleSince: isoDay.nullable(),
    receivingOrg: z.string(),
    firstDay: isoDay,
    lastDay: isoDay,
  }),
  form: z
    .object({
      id: z.string(),
      status: z.enum(["FILLING", "NOTICE", "ISSUED"]),
      version: z.number().int(),
      mainTasks: words,
      workload: z.object({ outpatients: z.number().int(), operations: z.number().int(), caseDiscussions: z.number().int(), juniorsMentored: z.number().int(), lectures: z.number().int(), newTechniques: z.number().int(), otherWork: z.string() }),
      summary: words,
      dispatchingOpinion: words,
      dispatchingOpinionOn: isoDay.nullable(),
      receivingOpinion: words,
      receivingOpinionOn: isoDay.nullable(),
      virtues: z.record(z.string(), z.string().nullable()).meta({ description: "德能勤绩廉: morality, ability, diligence, performance, integrity" }),
      talksOn: isoDay.nullable(),
      talksNote: words,
      democraticOn: isoDay.nullable(),
      democraticNote: words,
      collectiveOn: isoDay.nullable(),
      collectiveNote: words,
      noticeStartsOn: isoDay.nullable(),
      noticeEndsOn: isoDay.nullable(),
      authorityOpinion: words,
      authorityOpinionOn: isoDay.nullable(),
      result: z.enum(["PASS", "FAIL"]).nullable(),
      countsAsGrassroots: z.boolean().nullable(),
      issuedAt: instant.nullable(),
      objections: z.array(z.object({ id: z.string(), objector: words, content: z.string(), receivedOn: isoDay, answer: words, answeredAt: instant.nullable() })),
    })
    .nullable(),
  can: z.object({ open: z.boolean(), self: z.boolean(), dispatching: z.boolean(), receiving: z.boolean(), notice: z.boolean(), objections: z.boolean(), authority: z.boolean(), issue: z.boolean() }),
});
export const serviceEvaluationSummarySchema = z.object({
  dispatchId: z.string(),
  doctorName: z.string(),
  receivingOrg: z.string(),
  programName: z.string(),
  lastDay: isoDay,
  status: z.enum(["FILLING", "NOTICE", "ISSUED"]).nullable(),
  result: z.enum(["PASS", "FAIL"]).nullable(),
});
export const gradeResultSchema = z.object({ graded: z.number().int(), finalised: z.boolean(), version: z.number().int() });
// ───────────── Timeline, reopenings, quotas, ranking, organisations ─────────────

/** The documents each stage requires (issue 15), every stage of the programme in order. */
export const requiredDocumentsSchema = z.object({
  stages: z.array(z.object({ stage: stageKind, kinds: z.array(z.enum(["APPLICATION_LETTER", "FAMILY_CONSENT", "REGISTRATION_FORM", "PHYSICAL_EXAM", "INSPECTION_MATERIAL", "OTHER", "LEAVE_CERTIFICATE"])) })),
});

export const timelineSchema = z.object({
  stages: z.array(z.object({ kind: stageKind, sequence: z.number().int(), opensAt: instant, closesAt: instant, ratio: z.number().int().nullable() })),
  cutoffs: z.array(z.object({ code: z.string(), label: z.string(), date: instant.meta({ description: "The calendar date at midnight UTC" }) })),
});

export const reopeningSchema = z.object({ id: z.string(), programId: z.string(), stage: stageKind, organizationId: z.string(), closesAt: instant, reason: z.string() });

export const reopeningListSchema = z.object({
  rows: z.array(z.object({ id: z.string(), stage: stageKind, unitName: z.string(), closesAt: instant, reason: z.string(), createdAt: instant, createdByName: z.string() })),
});

export const quotasSchema = z.object({ quotas: z.array(z.object({ nominatingOrgId: z.string(), minimum: z.number().int() })) });

/** A post's quotas as read (GET), the unit's name beside its id. */
export const quotaListSchema = z.object({ quotas: z.array(z.object({ nominatingOrgId: z.string(), nominatingOrgName: z.string(), minimum: z.number().int() })) });

export const rankedSchema = z.object({ ranked: z.number().int() });

const organizationFields = {
  id: z.string(),
  name: z.string(),
  code: z.string().nullable(),
  kind: z.enum(ORGANIZATION_KINDS),
  level: z.enum(ORGANIZATION_LEVELS),
  grade: z.enum(HOSPITAL_GRADES).nullable(),
  region: z.string(),
  isActive: z.boolean(),
};

export const organizationPageSchema = page(
  z.object({
    ...organizationFields,
    version,
    parent: z.object({ id: z.string(), name: z.string() }).nullable(),
    counts: z.object({ users: z.number().int(), doctors: z.number().int(), children: z.number().int() }),
  }),
);

/** An organisation as written (create, edit, deactivate, reactivate); `version` is what an edit sends back as If-Match. */
export const organizationSchema = z.object({ ...organizationFields, parentId: z.string().nullable(), version: z.number().int() });

export const organizationDetailSchema = organizationSchema.extend({
  parent: z.object({ id: z.string(), name: z.string(), isActive: z.boolean() }).nullable(),
  breadcrumb: z.array(z.object({ id: z.string(), name: z.string() })).meta({ description: "From the top of what the caller may see down to the parent" }),
  counts: z.object({ users: z.number().int(), doctors: z.number().int(), children: z.number().int(), activeChildren: z.number().int() }),
  isOwnOrganization: z.boolean(),
});

export const ruleDeletedSchema = z.object({ id: z.string(), programId: z.string() });
