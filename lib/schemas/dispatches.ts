import { z } from "zod";
import { isCalendarDate } from "./doctors";
import { listQuerySchema, sortFields, strictListFields, type DefaultSort } from "./list-query";

// Dispatches (派驻) and the changes of their dates: one schema per form/use case, shared by the
// client form, the server and the OpenAPI document. Messages are catalogue keys of dispatches.errors.
// Calendar days travel as "YYYY-MM-DD" strings.

const noNul = (v: string) => !v.includes("\u0000");
const id = z.string({ error: "invalid" }).trim().min(1, "required").max(64, "invalid").refine(noNul, "invalid");
const reason = z.string({ error: "invalid" }).trim().min(2, "reasonRequired").max(2000, "tooLong").refine(noNul, "invalid");
const day = (requiredKey = "dateRequired") =>
  z.string({ error: "invalid" }).trim().min(1, requiredKey).refine(isCalendarDate, "dateInvalid");
const version = z.number({ error: "invalid" }).int("invalid").min(1, "invalid").max(2_147_483_647, "invalid");

export const DISPATCH_STATUSES = ["PLANNED", "ACTIVE", "COMPLETED", "TERMINATED", "CANCELLED"] as const;
export const DISPATCH_EVENT_KINDS = ["CREATED", "ACTIVATED", "COMPLETED", "TERMINATED", "EXTENDED", "CANCELLED", "LAST_DAY_MOVED", "UPDATED"] as const;

/** Staff create a dispatch from an approved application. */
export const createDispatchSchema = z.object({
  applicationId: id,
  /** Arrival: the first day of service. */
  startDate: day("startDateRequired"),
  /** Calendar months of service; the programme's when left out. */
  serviceMonths: z.number({ error: "invalid" }).int("invalid").min(1, "serviceMonthsRange").max(120, "serviceMonthsRange").optional(),
  /** 挂职, e.g. 业务副院长; "" or absent: none. */
  actingPosition: z
    .string({ error: "invalid" })
    .trim()
    .max(40, "tooLong")
    .refine(noNul, "invalid")
    .optional()
    .transform((v) => (v ? v : null)),
  /** The dispatch this one succeeds on the same post; "" or absent: none. */
  predecessorId: z
    .string({ error: "invalid" })
    .trim()
    .max(64, "invalid")
    .refine(noNul, "invalid")
    .optional()
    .transform((v) => (v ? v : null)),
});
export type CreateDispatchInput = z.input<typeof createDispatchSchema>;

/** A status change without dates (activate, complete, cancel). */
export const dispatchTransitionSchema = z.object({
  dispatchId: id,
  expectedVersion: version,
  reason: z
    .string({ error: "invalid" })
    .trim()
    .max(2000, "tooLong")
    .refine(noNul, "invalid")
    .optional()
    .transform((v) => (v ? v : null)),
});
export type DispatchTransitionInput = z.input<typeof dispatchTransitionSchema>;

/** Cancelling a planned dispatch needs its reason. */
export const cancelDispatchSchema = z.object({ dispatchId: id, expectedVersion: version, reason });
export type CancelDispatchInput = z.input<typeof cancelDispatchSchema>;

/** Ending service early: the last day served, and why. */
export const terminateDispatchSchema = z.object({ dispatchId: id, expectedVersion: version, lastDay: day("lastDayRequired"), reason });
export type TerminateDispatchInput = z.input<typeof terminateDispatchSchema>;

/** Extending service: the new (later) last day, and why. */
export const extendDispatchSchema = z.object({ dispatchId: id, expectedVersion: version, lastDay: day("lastDayRequired"), reason });
export type ExtendDispatchInput = z.input<typeof extendDispatchSchema>;

export const dispatchIdSchema = z.object({ dispatchId: id });

/** The board's filters (page and API): a programme, and whether ended dispatches are shown; "post" or "unit" grouping on the timeline, or the sortable "list". */
export const dispatchBoardQuerySchema = z.object({
  programId: z.string().trim().max(64).optional().catch(undefined),
  ended: z.enum(["0", "1"]).optional().catch(undefined),
  by: z.enum(["post", "unit", "list"]).optional().catch(undefined),
});

/** The dispatch list's sortable columns (the whitelist; lib/server/dispatch-list.ts maps each to its SQL order), the latest arrival first by default. */
export const DISPATCH_SORT_KEYS = ["doctor", "program", "receivingOrg", "startDate", "lastDay", "status"] as const;
export const DISPATCH_DEFAULT_SORT: DefaultSort<(typeof DISPATCH_SORT_KEYS)[number]> = { sort: "startDate", dir: "desc" };
/** The list view's URL query: the board's filters, sort and page (bad values dropped). */
export const dispatchListQuerySchema = dispatchBoardQuerySchema.extend({ ...listQuerySchema.pick({ page: true, size: true }).shape, ...sortFields(DISPATCH_SORT_KEYS) });
export type DispatchListQuery = z.infer<typeof dispatchListQuerySchema>;
/** GET /api/v1/dispatches/list: the same, an unknown sort key, direction or page size refused. */
export const dispatchListApiQuerySchema = dispatchListQuerySchema.omit({ by: true }).extend(strictListFields(DISPATCH_SORT_KEYS));
export type DispatchBoardQuery = z.infer<typeof dispatchBoardQuerySchema>;

/** The counterpart map's filter: one programme, or all the caller may see. */
export const counterpartQuerySchema = z.object({
  programId: z.string().trim().max(64, "invalid").optional().transform((v) => v || undefined),
});
