// One function per leaf kind of the rule tree (lib/schemas/eligibility.ts). Each returns a verdict and
// an explanation a case officer can read; missing data is UNKNOWN, never ELIGIBLE.
import { educationLevels, positionRanks, titleLevels, type RuleLeaf } from "@/lib/schemas/eligibility";
import { fullYears, isoDay } from "./calendar";
import { countsAsGrassrootsService } from "../grassroots-service";
import type { DoctorFacts, Explanation, TitleLevel, Verdict } from "./types";

type Outcome = { verdict: Verdict; explanation: Explanation };

const rankOf = <T extends string>(order: readonly T[], value: T) => order.indexOf(value);
const outcome = (verdict: Verdict, key: string, values: Record<string, string | number> = {}): Outcome => ({ verdict, explanation: { key, values } });
const pass = (ok: boolean): Verdict => (ok ? "ELIGIBLE" : "INELIGIBLE");
const hasText = (s: string | null | undefined): s is string => typeof s === "string" && s.trim() !== "";

function ageAtMost(leaf: Extract<RuleLeaf, { kind: "ageAtMost" }>, facts: DoctorFacts): Outcome {
  const base = { max: leaf.years, on: leaf.on };
  if (!facts.birthDate) return outcome("UNKNOWN", "age.unknown", base);
  const age = fullYears(facts.birthDate, leaf.on);
  const ok = age <= leaf.years;
  return outcome(pass(ok), ok ? "age.eligible" : "age.ineligible", { ...base, age });
}

function educationAtLeast(leaf: Extract<RuleLeaf, { kind: "educationAtLeast" }>, facts: DoctorFacts): Outcome {
  if (!facts.education) return outcome("UNKNOWN", "education.unknown", { minEducation: leaf.level });
  const ok = rankOf(educationLevels, facts.education) >= rankOf(educationLevels, leaf.level);
  return outcome(pass(ok), ok ? "education.eligible" : "education.ineligible", { education: facts.education, minEducation: leaf.level });
}

/** The titles at level ≥ `level`, in `specialty` when the rule names one. */
function titlesAtLeast(facts: DoctorFacts, level: TitleLevel, specialty: string | undefined) {
  const min = rankOf(titleLevels, level);
  return (facts.titles ?? []).filter((t) => rankOf(titleLevels, t.level) >= min && (specialty === undefined || t.specialty === specialty));
}

function highestTitle(facts: DoctorFacts, specialty: string | undefined) {
  const inScope = (facts.titles ?? []).filter((t) => specialty === undefined || t.specialty === specialty);
  return inScope.reduce<(typeof inScope)[number] | undefined>((best, t) => (!best || rankOf(titleLevels, t.level) > rankOf(titleLevels, best.level) ? t : best), undefined);
}

function titleAtLeast(leaf: Extract<RuleLeaf, { kind: "titleAtLeast" }>, facts: DoctorFacts): Outcome {
  const base = { minTitle: leaf.level, ...(leaf.specialty ? { specialty: leaf.specialty } : {}) };
  const suffix = leaf.specialty ? "InSpecialty" : "";
  if (!facts.titles?.length) return outcome("UNKNOWN", `title.unknown${suffix}`, base);
  if (titlesAtLeast(facts, leaf.level, leaf.specialty).length > 0) {
    const best = highestTitle(facts, leaf.specialty)!;
    return outcome("ELIGIBLE", `title.eligible${suffix}`, { ...base, title: best.level });
  }
  // Titles exist, but none in the specialty (only possible when the rule names one) or none high enough.
  const best = highestTitle(facts, leaf.specialty);
  if (!best) return outcome("INELIGIBLE", "title.noneInSpecialty", base);
  return outcome("INELIGIBLE", `title.ineligible${suffix}`, { ...base, title: best.level });
}

/** "Title ≥ T held ≥ N full years on D": from the earliest title at level ≥ T (in the specialty if given). */
function titleHeldYears(leaf: Extract<RuleLeaf, { kind: "titleHeldYears" }>, facts: DoctorFacts): Outcome {
  const base = { minTitle: leaf.level, years: leaf.years, on: leaf.on, ...(leaf.specialty ? { specialty: leaf.specialty } : {}) };
  const suffix = leaf.specialty ? "InSpecialty" : "";
  if (!facts.titles?.length) return outcome("UNKNOWN", `titleHeld.unknown${suffix}`, base);
  const candidates = titlesAtLeast(facts, leaf.level, leaf.specialty).map((t) => isoDay(t.obtainedOn)).sort();
  const since = candidates[0];
  if (!since) return outcome("INELIGIBLE", `titleHeld.none${suffix}`, base);
  const held = fullYears(since, leaf.on);
  if (held < 0) return outcome("INELIGIBLE", `titleHeld.notYet${suffix}`, { ...base, since });
  const ok = held >= leaf.years;
  return outcome(pass(ok), `titleHeld.${ok ? "eligible" : "ineligible"}${suffix}`, { ...base, since, held });
}

function positionAtLeast(leaf: Extract<RuleLeaf, { kind: "positionAtLeast" }>, facts: DoctorFacts): Outcome {
  const rank = facts.positionRank;
  const level = facts.employerLevel;
  const rankOk = rank ? rankOf(positionRanks, rank) >= rankOf(positionRanks, leaf.rank) : undefined;
  if (!leaf.orgLevel) {
    if (!rank) return outcome("UNKNOWN", "position.unknown", { minRank: leaf.rank });
    return outcome(pass(rankOk!), rankOk ? "position.eligible" : "position.ineligible", { rank, minRank: leaf.rank });
  }
  const values = { minRank: leaf.rank, requiredOrgLevel: leaf.orgLevel };
  const levelOk = level ? level === leaf.orgLevel : undefined;
  // Either part known to fail decides it; otherwise a missing part leaves it open.
  if (level && levelOk === false) return outcome("INELIGIBLE", "positionAt.wrongLevel", { ...values, orgLevel: level });
  if (rank && rankOk === false) return outcome("INELIGIBLE", "positionAt.ineligible", { ...values, rank });
  if (!rank || !level) return outcome("UNKNOWN", "positionAt.unknown", values);
  return outcome("ELIGIBLE", "positionAt.eligible", { ...values, rank, orgLevel: level });
}

function specialtyIn(leaf: Extract<RuleLeaf, { kind: "specialtyIn" }>, facts: DoctorFacts): Outcome {
  const specialties = leaf.values.join("、");
  if (!hasText(facts.specialty)) return outcome("UNKNOWN", "specialty.unknown", { specialties });
  const ok = leaf.values.includes(facts.specialty.trim());
  return outcome(pass(ok), ok ? "specialty.eligible" : "specialty.ineligible", { specialty: facts.specialty, specialties });
}

function practisingCategoryIn(leaf: Extract<RuleLeaf, { kind: "practisingCategoryIn" }>, facts: DoctorFacts): Outcome {
  const categories = leaf.values.join(",");
  if (!facts.practisingCategory) return outcome("UNKNOWN", "category.unknown", { categories });
  const ok = leaf.values.includes(facts.practisingCategory);
  return outcome(pass(ok), ok ? "category.eligible" : "category.ineligible", { category: facts.practisingCategory, categories });
}

/** Only full-time records count (lib/domain/grassroots-service.ts). */
function hasGrassrootsService(leaf: Extract<RuleLeaf, { kind: "hasGrassrootsService" }>, facts: DoctorFacts): Outcome {
  const want = leaf.value ? "required" : "excluded";
  if (!facts.grassrootsServices) return outcome("UNKNOWN", `grassroots.${want}Unknown`);
  const fullTime = facts.grassrootsServices.filter(countsAsGrassrootsService).length;
  const partTime = facts.grassrootsServices.length - fullTime;
  const has = fullTime > 0;
  const ok = has === leaf.value;
  if (has) return outcome(pass(ok), "grassroots.has", { count: fullTime });
  return partTime > 0 ? outcome(pass(ok), "grassroots.partTimeOnly", { partTime }) : outcome(pass(ok), "grassroots.none");
}

/**
 * "Hired within N years of D": fewer than N full years between the hire date and D, i.e. the hire date
 * is after D minus N years. Hired exactly N years before D (2017-12-31 for 5 years on 2022-12-31) is
 * N full years: not within. A hire after D counts as within (zero years).
 */
function hiredWithinYears(leaf: Extract<RuleLeaf, { kind: "hiredWithinYears" }>, facts: DoctorFacts): Outcome {
  const base = { years: leaf.years, on: leaf.on };
  if (!facts.hireDate) return outcome("UNKNOWN", "hired.unknown", base);
  const served = Math.max(0, fullYears(facts.hireDate, leaf.on));
  const ok = served < leaf.years;
  return outcome(pass(ok), ok ? "hired.eligible" : "hired.ineligible", { ...base, hireDate: isoDay(facts.hireDate), served });
}

/** A declared condition: satisfied once declared; until then UNKNOWN (it is not a failure). */
function attested(leaf: Extract<RuleLeaf, { kind: "attested" }>, facts: DoctorFacts): Outcome {
  const ok = (facts.attestations ?? []).includes(leaf.condition);
  return outcome(ok ? "ELIGIBLE" : "UNKNOWN", ok ? "attested.eligible" : "attested.unknown", { condition: leaf.condition });
}

export function evaluateLeaf(leaf: RuleLeaf, facts: DoctorFacts): Outcome {
  switch (leaf.kind) {
    case "ageAtMost": return ageAtMost(leaf, facts);
    case "educationAtLeast": return educationAtLeast(leaf, facts);
    case "titleAtLeast": return titleAtLeast(leaf, facts);
    case "titleHeldYears": return titleHeldYears(leaf, facts);
    case "positionAtLeast": return positionAtLeast(leaf, facts);
    case "specialtyIn": return specialtyIn(leaf, facts);
    case "practisingCategoryIn": return practisingCategoryIn(leaf, facts);
    case "hasGrassrootsService": return hasGrassrootsService(leaf, facts);
    case "hiredWithinYears": return hiredWithinYears(leaf, facts);
    case "attested": return attested(leaf, facts);
  }
}
