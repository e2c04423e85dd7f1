// The screening store's pure pieces (issue 17): facts from a row of the one-query-per-chunk SQL
// (dates as Date columns and as json_agg strings), the stored judgement, a job's progress.
import { describe, expect, it } from "vitest";
import { evaluateRules, reasonGroupsFor } from "@/lib/domain/eligibility";
import { factsOfRow, jobPercent, judgeFacts, type FactsRow } from "@/lib/domain/eligibility/stored";
import type { RuleNode } from "@/lib/schemas/eligibility";

const row = (changes: Partial<FactsRow> = {}): FactsRow => ({
  id: "d1", name: "张三", employerId: "o1", version: 3,
  birthDate: new Date("1980-05-01T00:00:00Z"), education: "BACHELOR", specialty: "内科", practisingCategory: "CLINICAL", positionRank: null,
  hireDate: "2005-08-01", employerLevel: "COUNTY",
  titles: [{ level: "INTERMEDIATE", specialty: "内科", obtainedOn: "2012-09-01" }],
  services: null,
  ...changes,
});

const TITLE_10Y: RuleNode = { op: "leaf", kind: "titleHeldYears", level: "INTERMEDIATE", years: 10, on: "2023-01-01" };
const AGE_45: RuleNode = { op: "leaf", kind: "ageAtMost", years: 45, on: "2023-01-01" };

describe("factsOfRow", () => {
  it("reads json_agg's null (no rows) as an empty history, and keeps both date forms", () => {
    const facts = factsOfRow(row());
    expect(facts.grassrootsServices).toEqual([]);
    expect(facts.titles).toEqual([{ level: "INTERMEDIATE", specialty: "内科", obtainedOn: "2012-09-01" }]);
    expect(factsOfRow(row({ titles: null })).titles).toEqual([]);
    expect(facts.attestations).toEqual([]);
    expect(facts.employerLevel).toBe("COUNTY");
  });
});

describe("judgeFacts", () => {
  it("is the engine's verdict with its reason groups, the day before and the day of the anniversary", () => {
    const held9 = judgeFacts([TITLE_10Y], factsOfRow(row({ titles: [{ level: "INTERMEDIATE", specialty: "内科", obtainedOn: "2013-01-02" }] })));
    expect(held9.verdict).toBe("INELIGIBLE");
    expect(held9.reasons).toHaveLength(1);
    const held10 = judgeFacts([TITLE_10Y], factsOfRow(row({ titles: [{ level: "INTERMEDIATE", specialty: "内科", obtainedOn: "2013-01-01" }] })));
    expect(held10).toEqual({ verdict: "ELIGIBLE", reasons: [] });
  });

  it("matches what the engine gives for the same facts (missing data is UNKNOWN, with its reason)", () => {
    const facts = factsOfRow(row({ birthDate: null, titles: [] }));
    const { verdict, evaluations } = evaluateRules([TITLE_10Y, AGE_45], facts);
    const judged = judgeFacts([TITLE_10Y, AGE_45], facts);
    expect(judged.verdict).toBe("UNKNOWN");
    expect(judged).toEqual({ verdict, reasons: reasonGroupsFor(evaluations, verdict).map((g) => g.map((l) => l.explanation)) });
  });
});

describe("jobPercent", () => {
  it("is 0 before the registry is counted, whole percent while running (never 100), 100 when done", () => {
    expect(jobPercent({ status: "PENDING", done: 0, total: 0 })).toBe(0);
    expect(jobPercent({ status: "RUNNING", done: 2_000, total: 50_065 })).toBe(3);
    expect(jobPercent({ status: "RUNNING", done: 50_065, total: 50_065 })).toBe(99);
    expect(jobPercent({ status: "DONE", done: 10, total: 50_065 })).toBe(100);
  });
});
