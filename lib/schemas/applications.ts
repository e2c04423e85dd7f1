import { z } from "zod";
import { STAGE_KINDS, fromShanghaiWallClock } from "../domain/program-timeline";
import { listQuerySchema, optionSearchSchema, sortFields, strictListFields } from "./list-query";

// Nominations and vetting: one schema per form/use case, shared by the client form (zodResolver)
// and the server. Messages are catalogue keys of the "applications" namespace's errors.

const id = z.string({ error: "invalid" }).trim().min(1, "required").max(64, "invalid");
const reasonText = z.string({ error: "invalid" }).trim().max(2000, "tooLong");
const optionalReason = reasonText.optional().transform((v) => (v ? v : null));
const requiredReason = reasonText.min(2, "reasonRequired");

export const APPLICATION_STATUSES = ["PENDING_ENDORSEMENT", "IN_PROGRESS", "APPROVED", "REJECTED", "WITHDRAWN"] as const;
export const DECISION_OUTCOMES = ["PASS", "FAIL", "WITHDRAW"] as const;

/** A unit nominates one of its doctors to a post. An ineligible (or undetermined) doctor needs a written reason. */
export const nominateSchema = z.object({
  postId: id,
  doctorId: id,
  exceptionReason: optionalReason,
});
export type NominateInput = z.input<typeof nominateSchema>;

/** A doctor registers themself for a post; their unit then endorses. */
export const registerSchema = z.object({
  postId: id,
  exceptionReason: optionalReason,
});
export type RegisterInput = z.input<typeof registerSchema>;

export const endorseSchema = z.object({
  applicationId: id,
  /** false: the unit declines to endorse (a reason is then required). */
  endorse: z.boolean(),
  reason: optionalReason,
  /** Required when the doctor is not (or not surely) eligible, as for a nomination. */
  exceptionReason: optionalReason,
});
export type EndorseInput = z.input<typeof endorseSchema>;

export const withdrawSchema = z.object({ applicationId: id, reason: requiredReason });
export type WithdrawInput = z.input<typeof withdrawSchema>;

/** One decision for a selection of applications at the same stage (one by one is a selection of one). */
export const decideSchema = z.object({
  applicationIds: z.array(id).min(1, "selectionRequired").max(500, "selectionTooLarge"),
  stage: z.enum(STAGE_KINDS, { error: "invalid" }),
  outcome: z.enum(DECISION_OUTCOMES, { error: "outcomeRequired" }),
  reason: optionalReason,
  /**
   * A pass although documents the stage requires are missing: the decider's written exception
   * (kept on the decision with the documents it waived). Without it such a pass is refused.
   */
  documentException: optionalReason,
});
export type DecideInput = z.input<typeof decideSchema>;

/** The shortlist's ranking by staff: the post's shortlisted applications in order (1 first). */
export const rankSchema = z.object({
  postId: id,
  applicationIds: z.array(id).min(1, "selectionRequired").max(500, "selectionTooLarge"),
});
export type RankInput = z.input<typeof rankSchema>;

/** Reopening a stage for one unit until a new deadline (Asia/Shanghai wall-clock), with the reason. */
export const reopenStageSchema = z.object({
  programId: id,
  stage: z.enum(STAGE_KINDS, { error: "invalid" }),
  organizationId: id,
  closesAt: z
    .string({ error: "invalid" })
    .transform((v, ctx) => {
      const instant = fromShanghaiWallClock(v);
      if (!instant) {
        ctx.addIssue({ code: "custom", message: "dateTimeInvalid" });
        return z.NEVER;
      }
      return instant;
    }),
  reason: requiredReason,
});
export type ReopenStageInput = z.input<typeof reopenStageSchema>;

export const applicationIdSchema = z.object({ applicationId: id });

/** The reopening form's unit picker searches within a programme. */
export const unitSearchSchema = optionSearchSchema.extend({ programId: id.optional() });
export type UnitSearchInput = z.input<typeof unitSearchSchema>;

/** The application list's URL query: filters and page. Bad values are dropped, never an error. */
/** The application list's sortable columns (the whitelist; lib/server/application-queries.ts maps each to its SQL order). */
export const APPLICATION_SORT_KEYS = ["submittedAt", "doctor", "post", "stage", "status"] as const;

export const applicationListQuerySchema = listQuerySchema.extend({
  ...sortFields(APPLICATION_SORT_KEYS),
  programId: id.optional().catch(undefined),
  postId: id.optional().catch(undefined),
  stage: z.enum(STAGE_KINDS).optional().catch(undefined),
  status: z.enum(APPLICATION_STATUSES).optional().catch(undefined),
  unitId: id.optional().catch(undefined),
});
/** GET /api/v1/applications (and its export): the same, an unknown sort key, direction, page or page size refused (422). */
export const applicationListApiQuerySchema = applicationListQuerySchema.extend(strictListFields(APPLICATION_SORT_KEYS));
export type ApplicationListQuery = z.infer<typeof applicationListQuerySchema>;
