// Every explanation the engine can give has words in both catalogues, and the catalogues hold no
// explanation the engine never gives.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { evaluateRule, type DoctorFacts } from "@/lib/domain/eligibility";
import type { RuleLeaf } from "@/lib/schemas/eligibility";

const leaves: RuleLeaf[] = [
  { op: "leaf", kind: "ageAtMost", years: 55, on: "2013-12-31" },
  { op: "leaf", kind: "educationAtLeast", level: "JUNIOR_COLLEGE" },
  { op: "leaf", kind: "titleAtLeast", level: "INTERMEDIATE" },
  { op: "leaf", kind: "titleAtLeast", level: "INTERMEDIATE", specialty: "眼科" },
  { op: "leaf", kind: "titleHeldYears", level: "INTERMEDIATE", years: 2, on: "2013-10-31" },
  { op: "leaf", kind: "titleHeldYears", level: "INTERMEDIATE", specialty: "眼科", years: 2, on: "2013-10-31" },
  { op: "leaf", kind: "positionAtLeast", rank: "DEPARTMENT_HEAD" },
  { op: "leaf", kind: "positionAtLeast", rank: "DEPARTMENT_HEAD", orgLevel: "COUNTY" },
  { op: "leaf", kind: "specialtyIn", values: ["眼科"] },
  { op: "leaf", kind: "practisingCategoryIn", values: ["CLINICAL"] },
  { op: "leaf", kind: "hasGrassrootsService", value: true },
  { op: "leaf", kind: "hasGrassrootsService", value: false },
  { op: "leaf", kind: "hiredWithinYears", years: 5, on: "2022-12-31" },
  { op: "leaf", kind: "attested", condition: "家属同意" },
];

const title = (level: "JUNIOR" | "INTERMEDIATE", specialty: string, obtainedOn: string) => ({ level, specialty, obtainedOn });
const factSets: DoctorFacts[] = [
  {},
  { birthDate: "1950-01-01", education: "TECHNICAL_SECONDARY", specialty: "骨科", practisingCategory: "TCM", titles: [title("JUNIOR", "眼科", "2000-01-01")], positionRank: "STAFF", employerLevel: "CITY", hireDate: "2000-01-01", grassrootsServices: [], attestations: [] },
  { birthDate: "1980-01-01", education: "MASTER", specialty: "眼科", practisingCategory: "CLINICAL", titles: [title("INTERMEDIATE", "眼科", "2005-01-01")], positionRank: "DEPARTMENT_HEAD", employerLevel: "COUNTY", hireDate: "2020-01-01", grassrootsServices: [{ startDate: "2010-01-01", isFullTime: true }], attestations: ["家属同意"] },
  { titles: [title("INTERMEDIATE", "眼科", "2013-01-01")], grassrootsServices: [{ startDate: "2010-01-01", isFullTime: false }], positionRank: "DEPARTMENT_HEAD" },
  { titles: [title("INTERMEDIATE", "眼科", "2014-01-01")], employerLevel: "COUNTY", positionRank: "STAFF" },
  { titles: [title("INTERMEDIATE", "普外科", "2005-01-01")] },
];

function catalogue(locale: string): Record<string, unknown> {
  const json = JSON.parse(readFileSync(path.join(process.cwd(), "messages", locale, "eligibility.json"), "utf8")) as { eligibility: { explain: Record<string, Record<string, string>> } };
  return Object.fromEntries(Object.entries(json.eligibility.explain).flatMap(([group, messages]) => Object.keys(messages).map((k) => [`${group}.${k}`, messages[k]])));
}

describe("eligibility explanations in the catalogues", () => {
  const produced = new Set<string>();
  for (const leaf of leaves) for (const facts of factSets) {
    const { root } = evaluateRule(leaf, facts);
    if (root.op === "leaf") produced.add(root.explanation.key);
  }
  it.each(["zh-CN", "en"])("%s has exactly the keys the engine produces", (locale) => {
    expect(Object.keys(catalogue(locale)).sort()).toEqual([...produced].sort());
  });
  it("every value an explanation carries is used by its zh-CN and en message", () => {
    const zh = catalogue("zh-CN");
    const en = catalogue("en");
    for (const leaf of leaves) for (const facts of factSets) {
      const { root } = evaluateRule(leaf, facts);
      if (root.op !== "leaf") continue;
      const { key, values } = root.explanation;
      for (const name of Object.keys(values)) {
        const uses = (m: unknown) => typeof m === "string" && m.includes(`{${name}`);
        expect([key, name, uses(zh[key]), uses(en[key])]).toEqual([key, name, true, true]);
      }
    }
  });
});
