import { z } from "zod";

// What /api/v1 answers about the public notice (公示), objections (异议) and the frozen list's
// versions (lib/api/openapi.ts). Calendar days are "YYYY-MM-DD" (Beijing); instants ISO 8601 UTC.

const instant = z.iso.datetime().meta({ description: "ISO 8601 instant, UTC" });
const day = z.iso.date().meta({ description: "Calendar day (Beijing), YYYY-MM-DD" });
const sha256 = z.string().regex(/^[0-9a-f]{64}$/).meta({ description: "SHA-256 of the canonical content, lowercase hex" });

const listEntry = z.object({
  post: z.string(),
  receivingUnit: z.string(),
  doctor: z.string(),
  idNumber: z.string().meta({ description: "Masked (e.g. 330602********1234) for all but the programme's bureau staff" }),
  approvedOn: day.nullable(),
});

export const noticeSummarySchema = z
  .object({ id: z.string(), programId: z.string(), rotationBatch: z.number().int(), startDate: day, endDate: day, workingDays: z.number().int(), contentHash: sha256, names: z.number().int() })
  .meta({ id: "PublicNoticeSummary" });

export const objectionSchema = z
  .object({
    id: z.string(),
    applicationId: z.string(),
    doctor: z.string(),
    post: z.string(),
    reason: z.string(),
    filedBy: z.string(),
    filedAt: instant,
    status: z.enum(["OPEN", "ANSWERED"]),
    answer: z.string().nullable(),
    answeredBy: z.string().nullable(),
    answeredAt: instant.nullable(),
  })
  .meta({ id: "NoticeObjection" });

export const objectionCreatedSchema = z
  .object({ id: z.string(), noticeId: z.string(), applicationId: z.string(), reason: z.string(), filedAt: instant, status: z.enum(["OPEN", "ANSWERED"]) })
  .meta({ id: "NoticeObjectionCreated" });

export const objectionAnsweredSchema = objectionCreatedSchema.extend({ answer: z.string(), answeredAt: instant }).meta({ id: "NoticeObjectionAnswered" });

export const objectionListSchema = z.object({ rotationBatch: z.number().int(), objections: z.array(objectionSchema) }).meta({ id: "NoticeObjectionList" });

export const versionSummarySchema = z
  .object({ id: z.string(), version: z.number().int(), contentHash: sha256, names: z.number().int(), reason: z.string().nullable(), confirmedAt: instant })
  .meta({ id: "FrozenListVersionSummary" });

export const versionSchema = z
  .object({
    id: z.string(),
    version: z.number().int(),
    contentHash: sha256,
    content: z.string().meta({ description: "The canonical JSON whose SHA-256 is contentHash, byte for byte" }),
    reason: z.string().nullable(),
    confirmedBy: z.string(),
    confirmedAt: instant,
    isCurrent: z.boolean(),
    entries: z.array(listEntry),
  })
  .meta({ id: "FrozenListVersion" });

export const versionListSchema = z.object({ rotationBatch: z.number().int(), versions: z.array(versionSchema) }).meta({ id: "FrozenListVersionList" });

export const withdrawResultSchema = z.object({ applicationId: z.string(), version: versionSummarySchema.nullable() }).meta({ id: "AppointeeWithdrawn" });

export const noticeViewSchema = z
  .object({
    program: z.object({ id: z.string(), name: z.string(), status: z.string(), rotationBatches: z.number().int(), noticeWorkingDays: z.number().int() }),
    rotationBatch: z.number().int(),
    today: day,
    notice: z
      .object({
        id: z.string(),
        startDate: day,
        endDate: day,
        workingDays: z.number().int(),
        note: z.string().nullable(),
        contentHash: sha256,
        publishedAt: instant,
        publishedBy: z.string(),
        phase: z.enum(["notStarted", "open", "closed"]),
        entries: z.array(listEntry.extend({ applicationId: z.string(), registrationNo: z.string().nullable().meta({ description: "报名编号, e.g. 2013-援疆-001" }), isApproved: z.boolean() })),
      })
      .nullable(),
    objections: z.array(objectionSchema),
    current: z
      .object({ entries: z.array(listEntry.extend({ applicationId: z.string(), isDispatched: z.boolean() })), contentHash: sha256, isChanged: z.boolean() })
      .nullable()
      .meta({ description: "Staff only: the approved list now" }),
    versions: z.array(versionSchema),
    can: z.object({ manage: z.boolean(), publish: z.boolean(), confirm: z.boolean(), object: z.boolean() }),
  })
  .meta({ id: "PublicNoticeView" });
