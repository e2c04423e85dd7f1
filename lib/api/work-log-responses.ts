import { z } from "zod";
import { TEACHING_ACTIONS } from "../domain/work-log";
import { MENTORING_OUTCOMES, WORKLOAD_GROUPS } from "../schemas/work-logs";

// What /api/v1 answers about work logs, mentoring pairs and workload totals (lib/api/openapi.ts).
// Calendar dates are ISO strings at midnight UTC; money in integer fen.

const instant = z.iso.datetime().meta({ description: "ISO 8601 instant, UTC" });
const calendarDay = z.iso.datetime().meta({ description: "Calendar day, as midnight UTC" });
const WORK_LOG_STATUSES = ["SUBMITTED", "CONFIRMED", "RETURNED"] as const;

export const workLogSchema = z
  .object({
    id: z.string(),
    dispatchId: z.string(),
    periodStart: calendarDay,
    periodEnd: calendarDay,
    outpatients: z.number().int(),
    operations: z.number().int(),
    caseDiscussions: z.number().int(),
    juniorsMentored: z.number().int(),
    lectures: z.number().int(),
    newTechniques: z.array(z.string()),
    newDepartments: z.array(z.string()).meta({ description: "Departments newly set up at the receiving unit in the period (新建业务科室)" }),
    freeClinics: z.number().int(),
    donatedMedicineFen: z.number().int().meta({ description: "Value of medicine donated, in fen" }),
    teaching: z.partialRecord(z.enum(TEACHING_ACTIONS), z.number().int()),
    otherWork: z.string().nullable(),
    status: z.enum(WORK_LOG_STATUSES),
    reviewComment: z.string().nullable().meta({ description: "The supervisor's comment when the log was returned" }),
    reviewedAt: instant.nullable(),
    filedAt: instant,
    version: z.number().int().meta({ description: "Send it back to resubmit, confirm or return: a stale version is a 409" }),
  })
  .meta({ id: "WorkLog" });

const totalsShape = {
  logs: z.number().int(),
  outpatients: z.number().int(),
  operations: z.number().int(),
  caseDiscussions: z.number().int(),
  juniorsMentored: z.number().int(),
  lectures: z.number().int(),
  newTechniques: z.number().int(),
  newDepartments: z.number().int(),
  freeClinics: z.number().int(),
  donatedMedicineFen: z.number().int(),
  teachingActions: z.number().int(),
};
export const workloadTotalsSchema = z.object(totalsShape).meta({ id: "WorkloadTotals", description: "Sums over confirmed logs only" });

export const dispatchLogsSchema = z.object({
  dispatch: z.object({ id: z.string(), status: z.string(), startDate: calendarDay, lastDay: calendarDay, doctorName: z.string(), receivingOrgName: z.string(), programName: z.string() }),
  logs: z.array(workLogSchema),
  totals: workloadTotalsSchema,
  suggestedPeriod: z.object({ first: z.string(), last: z.string() }).nullable().meta({ description: "This week's days not yet logged (YYYY-MM-DD), for the doctor of the dispatch" }),
});

export const pendingLogsSchema = z.object({
  rows: z.array(workLogSchema.extend({ doctorName: z.string(), postTitle: z.string(), receivingOrgName: z.string() })),
  total: z.number().int(),
  page: z.number().int(),
  pageCount: z.number().int(),
});

export const confirmedSchema = z.object({ confirmed: z.number().int() });

export const workloadPageSchema = z.object({
  by: z.enum(WORKLOAD_GROUPS),
  rows: z.array(z.object({ id: z.string(), name: z.string(), detail: z.string().nullable(), dispatches: z.number().int(), mentees: z.number().int(), examsPassed: z.number().int(), ...totalsShape })),
  overall: z.object({ ...totalsShape, dispatches: z.number().int(), mentees: z.number().int(), examsPassed: z.number().int() }),
  total: z.number().int(),
  page: z.number().int(),
  pageCount: z.number().int(),
});

export const mentoringPairSchema = z
  .object({
    id: z.string(),
    dispatchId: z.string(),
    menteeName: z.string(),
    menteeTitle: z.string().nullable(),
    menteeDepartment: z.string().nullable(),
    goals: z.string(),
    startDate: calendarDay,
    endDate: calendarDay.nullable(),
    outcome: z.enum(MENTORING_OUTCOMES),
    outcomeNote: z.string().nullable(),
    createdAt: instant,
    updatedAt: instant,
    version: z.number().int(),
  })
  .meta({ id: "MentoringPair" });

export const mentoringPairListSchema = z.array(mentoringPairSchema);
export const deletedSchema = z.object({ deleted: z.string() });
