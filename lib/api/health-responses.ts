import { z } from "zod";
import { STAGE_KINDS } from "../domain/program-timeline";
import { PROGRAM_STATUSES } from "../domain/program-status";

// What GET /api/v1/programs/{programId}/health answers (lib/api/openapi.ts): the figures of the
// programme-health page, as codes and numbers (the page and the exports put them in words).

const int = z.number().int();
const stage = z.enum(STAGE_KINDS);
const days = z.number().nullable().meta({ description: "Days, one decimal; null when nothing was measured" });
const month = z.string().meta({ description: "YYYY-MM" });

export const programHealthSchema = z.object({
  program: z.object({ id: z.string(), name: z.string(), year: int, status: z.enum(PROGRAM_STATUSES) }),
  posts: z.array(z.object({ postId: z.string(), title: z.string(), receivingOrg: z.string(), rotationBatch: int, headcount: int, applications: int, approved: int, dispatched: int })).meta({ description: "Posts filled against headcount: appointees (approved) and dispatches not cancelled" }),
  stageCounts: z
    .array(z.object({ postId: z.string().nullable(), postTitle: z.string().nullable(), stage, pendingEndorsement: int, inProgress: int, ended: int, approved: int }))
    .meta({ description: "Applications per post and the stage they stand at; postId null: the stage over all posts" }),
  ratios: z
    .array(z.object({ postId: z.string(), postTitle: z.string(), stage, ratio: int, headcount: int, cap: int.nullable(), passed: int, standing: z.enum(["over", "full", "under", "noCap"]) }))
    .meta({ description: "At the shortlist and report stages (where a ratio is set): passed against ratio × headcount" }),
  quotas: z.array(z.object({ postTitle: z.string(), unitName: z.string(), minimum: int, nominated: int, state: z.enum(["met", "short", "missed"]) })),
  durations: z
    .array(z.object({ stage, waitingOn: z.enum(["unit", "bureau"]), waitingNow: int, avgWaitDays: days, longestWaitDays: days, decided: int, avgDecisionDays: days, longestDecisionDays: days }))
    .meta({ description: "How long applications wait per stage and on whom (from the stage decisions' times)" }),
  dispatches: z.array(z.object({ dispatchId: z.string(), doctorName: z.string(), dispatchingUnit: z.string(), receivingOrg: z.string(), postTitle: z.string(), startDate: z.string(), lastDay: z.string(), status: z.string() })).meta({ description: "Who serves where (at most 200, by receiving unit)" }),
  leave: z.array(z.object({ dispatchId: z.string(), doctorName: z.string(), receivingOrg: z.string(), homeLeaveDays: int, spouseVisitDays: int, sickDays: int, personalDays: int, pendingRequests: int, absences: int })),
  workload: z.object({
    months: z.array(z.object({ month, logs: int, outpatients: int, operations: int, lectures: int, newTechniques: int, newDepartments: int, traineesHosted: int, juniorsMentored: int, examsPassed: int })),
    total: z.object({ month: z.string(), logs: int, outpatients: int, operations: int, lectures: int, newTechniques: int, newDepartments: int, traineesHosted: int, juniorsMentored: int, examsPassed: int }).nullable(),
  }),
  allowances: z.array(z.object({ month, dispatchingUnitFen: int, bureauFinanceFen: int, fundPoolFen: int, dueFen: int, paidFen: int })).meta({ description: "Allowance lines due per month by payer, in fen" }),
  grades: z.array(z.object({ year: int, excellent: int, competent: int, basicallyCompetent: int, incompetent: int, notGraded: int, notAssessed: int })),
});
