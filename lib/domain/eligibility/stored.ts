// The screening store's pure pieces (issue 17): a doctor's facts as the one-query-per-chunk SQL
// returns them (titles and service as json_agg), the verdict row judged from them, and a job's
// progress. No I/O: lib/server/screening-store.ts reads and writes, tests build rows by hand.
import { evaluateRules, reasonGroupsFor } from "./evaluate";
import type { DoctorFacts, EducationLevel, Explanation, OrganizationLevel, PositionRank, PractisingCategory, TitleLevel, Verdict } from "./types";
import type { RuleNode } from "@/lib/schemas/eligibility";

/** One doctor as the facts query returns it: dates as Date (columns) or "YYYY-MM-DD" (inside json_agg). */
export interface FactsRow {
  id: string;
  name: string;
  employerId: string;
  version: number;
  birthDate: Date | string | null;
  education: string | null;
  specialty: string | null;
  practisingCategory: string | null;
  positionRank: string | null;
  hireDate: Date | string | null;
  employerLevel: string | null;
  titles: { level: string; specialty: string | null; obtainedOn: string }[] | null;
  services: { startDate: string; endDate: string | null; isFullTime: boolean }[] | null;
}

/** The engine's facts from a row of the facts query (no declarations are stored: `attested` stays UNKNOWN). */
export function factsOfRow(row: FactsRow): DoctorFacts {
  return {
    birthDate: row.birthDate,
    education: row.education as EducationLevel | null,
    specialty: row.specialty,
    practisingCategory: row.practisingCategory as PractisingCategory | null,
    positionRank: row.positionRank as PositionRank | null,
    employerLevel: row.employerLevel as OrganizationLevel | null,
    hireDate: row.hireDate,
    titles: (row.titles ?? []).map((t) => ({ level: t.level as TitleLevel, specialty: t.specialty, obtainedOn: t.obtainedOn })),
    grassrootsServices: (row.services ?? []).map((s) => ({ startDate: s.startDate, endDate: s.endDate, isFullTime: s.isFullTime })),
    attestations: [],
  };
}

/** What the store keeps of a judgement: the verdict and its reasons (one group per unmet condition, none when ELIGIBLE). */
export interface StoredJudgement {
  verdict: Verdict;
  reasons: Explanation[][];
}

export function judgeFacts(trees: RuleNode[], facts: DoctorFacts): StoredJudgement {
  const { verdict, evaluations } = evaluateRules(trees, facts);
  return { verdict, reasons: reasonGroupsFor(evaluations, verdict).map((group) => group.map((l) => l.explanation)) };
}

/** A re-evaluation's progress in whole percent (0–100); a run that has not counted the registry yet is 0. */
export function jobPercent(job: { done: number; total: number; status: "PENDING" | "RUNNING" | "DONE" }): number {
  if (job.status === "DONE") return 100;
  if (job.total <= 0) return 0;
  return Math.min(99, Math.floor((job.done / job.total) * 100));
}
