import { z } from "zod";
import { DISPATCH_EVENT_KINDS, DISPATCH_STATUSES } from "../schemas/dispatches";

// What /api/v1 answers about dispatches (lib/api/openapi.ts). Calendar days are "YYYY-MM-DD"
// strings; a dispatch covers startDate..lastDay, both days included.

const day = z.string().meta({ description: "Calendar day YYYY-MM-DD" });
const status = z.enum(DISPATCH_STATUSES);

export const dispatchSummarySchema = z
  .object({ id: z.string(), status, version: z.number().int(), startDate: day, plannedLastDay: day, lastDay: day, serviceMonths: z.number().int() })
  .meta({ id: "DispatchSummary" });

const rotationIssueSchema = z.object({
  kind: z.enum(["gap", "overlapTooLong"]),
  predecessorId: z.string(),
  successorId: z.string(),
  first: day,
  last: day,
  days: z.number().int(),
  allowedOverlapDays: z.number().int(),
  isAhead: z.boolean().meta({ description: "The issue's last day is today or later: it can still be fixed" }),
});

export const dispatchRowSchema = z.object({
  id: z.string(),
  status,
  version: z.number().int(),
  startDate: day,
  lastDay: day,
  plannedLastDay: day,
  rotationBatch: z.number().int(),
  actingPosition: z.string().nullable(),
  predecessorId: z.string().nullable(),
  successorId: z.string().nullable(),
  doctor: z.object({ id: z.string(), name: z.string(), employerName: z.string() }),
  post: z.object({ id: z.string(), title: z.string(), specialty: z.string() }),
  receivingOrg: z.object({ id: z.string(), name: z.string() }),
  program: z.object({ id: z.string(), name: z.string(), handoverOverlapDays: z.number().int() }),
});

export const dispatchBoardSchema = z.object({
  today: day,
  rows: z.array(dispatchRowSchema),
  issues: z.array(rotationIssueSchema),
  window: z.object({ first: day, last: day, days: z.number().int() }),
  total: z.number().int().meta({ description: "Dispatches matching; rows holds at most 600" }),
  programs: z.array(z.object({ id: z.string(), name: z.string() })),
});

export const dispatchPageSchema = z.object({ rows: z.array(dispatchRowSchema), total: z.number().int(), page: z.number().int(), pageCount: z.number().int() });

export const dispatchDetailSchema = dispatchRowSchema.extend({
  serviceMonths: z.number().int(),
  doctor: z.object({ id: z.string(), name: z.string(), employerName: z.string(), specialty: z.string(), department: z.string(), phone: z.string().nullable() }),
  predecessor: z.object({ id: z.string(), doctorName: z.string(), lastDay: day, status }).nullable(),
  successor: z.object({ id: z.string(), doctorName: z.string(), startDate: day, status }).nullable(),
  events: z.array(
    z.object({ id: z.string(), kind: z.enum(DISPATCH_EVENT_KINDS), fromLastDay: day.nullable(), toLastDay: day.nullable(), effectiveOn: day.nullable(), reason: z.string().nullable(), at: z.iso.datetime(), actedBy: z.string() }),
  ),
  issue: rotationIssueSchema.nullable(),
  handover: z.object({ submittedAt: z.iso.datetime().nullable() }).nullable(),
  can: z.object({ activate: z.boolean(), complete: z.boolean(), terminate: z.boolean(), extend: z.boolean(), cancel: z.boolean() }),
  refusals: z.record(z.string(), z.string()).meta({ description: "Why an action the reader could manage is not possible now (catalogue key)" }),
  today: day,
});

export const dispatchCandidatesSchema = z.object({
  program: z.object({ id: z.string(), name: z.string(), serviceMonths: z.number().int(), bureauId: z.string() }),
  candidates: z.array(
    z.object({
      applicationId: z.string(),
      doctorName: z.string(),
      employerName: z.string(),
      post: z.object({ id: z.string(), title: z.string(), specialty: z.string(), rotationBatch: z.number().int() }),
      receivingOrgName: z.string(),
      predecessors: z.array(z.object({ id: z.string(), doctorName: z.string(), lastDay: day })),
    }),
  ),
});

const counterpartDoctorSchema = z.object({
  dispatchId: z.string(),
  name: z.string(),
  day: z.string().meta({ description: "Here now: the last day of service; coming: the day of arrival (YYYY-MM-DD)" }),
  postTitle: z.string(),
});

export const counterpartMapSchema = z
  .object({
    today: z.string().meta({ description: "Today in Asia/Shanghai (YYYY-MM-DD)" }),
    pairs: z.array(
      z.object({
        dispatchingOrgId: z.string(),
        dispatchingOrgName: z.string(),
        receivingOrgId: z.string(),
        receivingOrgName: z.string(),
        hereCount: z.number().int(),
        comingCount: z.number().int(),
        here: z.array(counterpartDoctorSchema).meta({ description: "At most 20, the earliest last day first" }),
        coming: z.array(counterpartDoctorSchema).meta({ description: "At most 20, the earliest arrival first" }),
      }),
    ),
    totals: z.object({ here: z.number().int(), coming: z.number().int(), dispatchingOrgs: z.number().int(), receivingOrgs: z.number().int() }),
  })
  .meta({ id: "CounterpartMap" });
