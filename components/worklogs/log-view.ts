// A work log as the pages hand it to client components: calendar days as "YYYY-MM-DD", nothing else
// of the row. Built on the server from lib/server/work-logs.ts's snapshot.
import { isoDay } from "@/lib/domain/eligibility/calendar";
import { WORK_LOG_COUNTS, type TeachingAction, type WorkLogCount } from "@/lib/domain/work-log";
import { yuanInputValue } from "@/lib/domain/money";

export interface LogView {
  id: string;
  periodStart: string;
  periodEnd: string;
  counts: Record<WorkLogCount, number>;
  newTechniques: string[];
  newDepartments: string[];
  donatedMedicineFen: number;
  teaching: Partial<Record<TeachingAction, number>>;
  otherWork: string | null;
  status: "SUBMITTED" | "CONFIRMED" | "RETURNED";
  reviewComment: string | null;
  version: number;
}

interface LogRow {
  id: string;
  periodStart: Date;
  periodEnd: Date;
  outpatients: number;
  operations: number;
  caseDiscussions: number;
  juniorsMentored: number;
  lectures: number;
  freeClinics: number;
  newTechniques: unknown;
  newDepartments: unknown;
  donatedMedicineFen: number;
  teaching: unknown;
  otherWork: string | null;
  status: LogView["status"];
  reviewComment: string | null;
  version: number;
}

export function logView(row: LogRow): LogView {
  return {
    id: row.id,
    periodStart: isoDay(row.periodStart),
    periodEnd: isoDay(row.periodEnd),
    counts: { outpatients: row.outpatients, operations: row.operations, caseDiscussions: row.caseDiscussions, juniorsMentored: row.juniorsMentored, lectures: row.lectures, freeClinics: row.freeClinics },
    newTechniques: Array.isArray(row.newTechniques) ? row.newTechniques.map(String) : [],
    newDepartments: Array.isArray(row.newDepartments) ? row.newDepartments.map(String) : [],
    donatedMedicineFen: row.donatedMedicineFen,
    teaching: (row.teaching && typeof row.teaching === "object" ? row.teaching : {}) as LogView["teaching"],
    otherWork: row.otherWork,
    status: row.status,
    reviewComment: row.reviewComment,
    version: row.version,
  };
}

/** The form's values for correcting a log. */
export function valuesOf(log: LogView): WorkLogValues {
  return {
    periodStart: log.periodStart,
    periodEnd: log.periodEnd,
    counts: Object.fromEntries(Object.entries(log.counts).map(([k, v]) => [k, v ? String(v) : ""])) as WorkLogValues["counts"],
    newTechniques: log.newTechniques.join("\n"),
    newDepartments: log.newDepartments.join("\n"),
    donatedMedicineYuan: log.donatedMedicineFen ? yuanInputValue(log.donatedMedicineFen) : "",
    teaching: Object.fromEntries(Object.entries(log.teaching).map(([k, v]) => [k, String(v)])),
    otherWork: log.otherWork ?? "",
  };
}

// The form's values live here, not in the client form's module: the pages (server components) build
// the empty form's values with emptyValues, and a server component cannot call a client module's function.
export interface WorkLogValues {
  periodStart: string;
  periodEnd: string;
  counts: Record<(typeof WORK_LOG_COUNTS)[number], string>;
  newTechniques: string;
  newDepartments: string;
  donatedMedicineYuan: string;
  teaching: Partial<Record<TeachingAction, string>>;
  otherWork: string;
}

export function emptyValues(periodStart: string, periodEnd: string): WorkLogValues {
  return {
    periodStart,
    periodEnd,
    counts: Object.fromEntries(WORK_LOG_COUNTS.map((c) => [c, ""])) as WorkLogValues["counts"],
    newTechniques: "",
    newDepartments: "",
    donatedMedicineYuan: "",
    teaching: {},
    otherWork: "",
  };
}
