import { describe, expect, it } from "vitest";
import { all, any, evaluateRule, evaluateRules, leavesBehind, not, reasonGroups, reasonGroupsFor, reasonsFor, type DoctorFacts, type Verdict } from "@/lib/domain/eligibility";
import type { RuleLeaf, RuleNode } from "@/lib/schemas/eligibility";

const E: Verdict = "ELIGIBLE";
const I: Verdict = "INELIGIBLE";
const U: Verdict = "UNKNOWN";

describe("three-valued combinators", () => {
  it.each([
    [[E, E], E, E],
    [[E, I], I, E],
    [[E, U], U, E],
    [[I, U], I, U],
    [[I, I], I, I],
    [[U, U], U, U],
    [[E, I, U], I, E],
  ] as [Verdict[], Verdict, Verdict][])("%j: ALL %s, ANY %s", (verdicts, allVerdict, anyVerdict) => {
    expect(all(verdicts)).toBe(allVerdict);
    expect(any(verdicts)).toBe(anyVerdict);
  });
  it("NOT swaps pass and fail and keeps unknown", () => {
    expect([E, I, U].map(not)).toEqual([I, E, U]);
  });
});

type LeafInput = RuleLeaf extends infer L ? (L extends { op: "leaf" } ? Omit<L, "op"> : never) : never;
const leaf = (l: LeafInput) => ({ op: "leaf", ...l }) as RuleLeaf;
const verdict = (tree: RuleNode, facts: DoctorFacts) => evaluateRule(tree, facts).verdict;

const age = leaf({ kind: "ageAtMost", years: 55, on: "2013-12-31" });
const education = leaf({ kind: "educationAtLeast", level: "JUNIOR_COLLEGE" });
const grassroots = leaf({ kind: "hasGrassrootsService", value: true });

describe("trees", () => {
  const complete: DoctorFacts = { birthDate: "1970-01-01", education: "BACHELOR", grassrootsServices: [] };
  it("ALL / ANY / NOT over leaves", () => {
    expect(verdict({ op: "ALL", children: [age, education] }, complete)).toBe(E);
    expect(verdict({ op: "ALL", children: [age, education, grassroots] }, complete)).toBe(I);
    expect(verdict({ op: "ANY", children: [grassroots, education] }, complete)).toBe(E);
    expect(verdict({ op: "NOT", child: grassroots }, complete)).toBe(E);
    expect(verdict({ op: "NOT", child: { op: "NOT", child: age } }, complete)).toBe(E);
  });
  it("missing data is UNKNOWN through ALL, and an ANY with another passing branch still passes", () => {
    const noBirth = { ...complete, birthDate: null };
    expect(verdict({ op: "ALL", children: [age, education] }, noBirth)).toBe(U);
    expect(verdict({ op: "ANY", children: [age, education] }, noBirth)).toBe(E);
    expect(verdict({ op: "NOT", child: age }, noBirth)).toBe(U);
    expect(verdict({ op: "ALL", children: [age, grassroots] }, noBirth)).toBe(I); // a known failure outweighs a gap
  });
  it("keeps a result per node, with an explanation on each leaf", () => {
    const { root } = evaluateRule({ op: "ALL", children: [age, { op: "NOT", child: grassroots }] }, complete);
    expect(root.op).toBe("ALL");
    expect(root.children).toHaveLength(2);
    expect(root.children[0]).toMatchObject({ op: "leaf", kind: "ageAtMost", verdict: E, explanation: { key: "age.eligible", values: { age: 43, max: 55, on: "2013-12-31" } } });
    expect(root.children[1]).toMatchObject({ op: "NOT", verdict: E, children: [{ op: "leaf", verdict: I, explanation: { key: "grassroots.none" } }] });
  });
  it("reasons: the failing leaves for INELIGIBLE (through NOT too), the missing ones for UNKNOWN", () => {
    const facts: DoctorFacts = { birthDate: "1950-01-01", education: null, grassrootsServices: [{ startDate: "2000-01-01", isFullTime: true }] };
    const tree: RuleNode = { op: "ALL", children: [age, education, { op: "NOT", child: grassroots }] };
    const result = evaluateRule(tree, facts);
    expect(result.verdict).toBe(I);
    expect(leavesBehind(result.root).map((l) => l.explanation.key)).toEqual(["age.ineligible", "grassroots.has"]);
    expect(leavesBehind(result.root, U).map((l) => l.explanation.key)).toEqual([]); // ALL is not UNKNOWN
    const unknown = evaluateRule({ op: "ALL", children: [education, age] }, { birthDate: "1970-01-01" });
    expect(reasonsFor([unknown], unknown.verdict).map((l) => l.explanation.key)).toEqual(["education.unknown"]);
    expect(reasonsFor([evaluateRule(age, { birthDate: "1970-01-01" })], E)).toEqual([]);
  });
  it("several rules must all pass", () => {
    expect(evaluateRules([age, education], complete).verdict).toBe(E);
    expect(evaluateRules([age, grassroots], complete).verdict).toBe(I);
    expect(evaluateRules([age, education], { birthDate: "1970-01-01" }).verdict).toBe(U);
    expect(evaluateRules([], complete).verdict).toBe(E);
  });
});

describe("reason groups", () => {
  const title = leaf({ kind: "titleAtLeast", level: "ASSOCIATE_SENIOR" });
  const tree: RuleNode = { op: "ALL", children: [age, { op: "ANY", children: [education, title] }] };
  const keys = (facts: DoctorFacts) => {
    const e = evaluateRule(tree, facts);
    return reasonGroups(e.root).map((g) => g.map((l) => l.explanation.key));
  };
  it("an ANY that fails is one group of alternatives; ALL lists each failing condition", () => {
    expect(keys({ birthDate: "1950-01-01", education: "TECHNICAL_SECONDARY", titles: [{ level: "JUNIOR", obtainedOn: "2000-01-01" }] })).toEqual([["age.ineligible"], ["education.ineligible", "title.ineligible"]]);
    expect(keys({ birthDate: "1970-01-01", education: "TECHNICAL_SECONDARY", titles: [{ level: "JUNIOR", obtainedOn: "2000-01-01" }] })).toEqual([["education.ineligible", "title.ineligible"]]);
  });
  it("for UNKNOWN, only what is missing, grouped the same way", () => {
    expect(keys({ birthDate: "1970-01-01" })).toEqual([["education.unknown", "title.unknown"]]);
    expect(keys({ education: "BACHELOR" })).toEqual([["age.unknown"]]);
    expect(reasonGroupsFor([evaluateRule(tree, { birthDate: "1970-01-01", education: "BACHELOR" })], "ELIGIBLE")).toEqual([]);
    const e = evaluateRule(tree, { birthDate: "1970-01-01" });
    expect(reasonGroupsFor([e, evaluateRule(age, { birthDate: null })], "UNKNOWN").map((g) => g.length)).toEqual([2, 1]);
    expect(reasonGroupsFor([e], "ELIGIBLE")).toEqual([]);
  });
  it("two rules failing on the same condition give that reason once", () => {
    const facts: DoctorFacts = { birthDate: "1950-01-01", education: "BACHELOR", titles: [{ level: "SENIOR", obtainedOn: "2000-01-01" }] };
    const groups = reasonGroupsFor([evaluateRule(tree, facts), evaluateRule(tree, facts)], "INELIGIBLE");
    expect(groups.map((g) => g.map((l) => l.explanation.key))).toEqual([["age.ineligible"]]);
  });
});
