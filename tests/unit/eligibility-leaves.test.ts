import { describe, expect, it } from "vitest";
import { evaluateRule, type DoctorFacts, type Verdict } from "@/lib/domain/eligibility";
import type { RuleLeaf } from "@/lib/schemas/eligibility";

type LeafInput = RuleLeaf extends infer L ? (L extends { op: "leaf" } ? Omit<L, "op"> : never) : never;
const leaf = (l: LeafInput) => ({ op: "leaf", ...l }) as RuleLeaf;
function check(rule: RuleLeaf, facts: DoctorFacts) {
  const { root } = evaluateRule(rule, facts);
  if (root.op !== "leaf") throw new Error("not a leaf");
  return { verdict: root.verdict, key: root.explanation.key, values: root.explanation.values };
}

type Row = [string, DoctorFacts, Verdict, string];

describe("ageAtMost 55 on 2013-12-31 (inclusive, birthday on the day counts)", () => {
  const rule = leaf({ kind: "ageAtMost", years: 55, on: "2013-12-31" });
  it.each<Row>([
    ["turns 55 on the day (胡建国)", { birthDate: "1958-12-31" }, "ELIGIBLE", "age.eligible"],
    ["turns 56 on the day (孙立新)", { birthDate: "1957-12-31" }, "INELIGIBLE", "age.ineligible"],
    ["turns 56 the day after", { birthDate: "1958-01-01" }, "ELIGIBLE", "age.eligible"],
    ["turned 56 the day before", { birthDate: "1957-12-30" }, "INELIGIBLE", "age.ineligible"],
    ["born 1956-02-29: 57 on the day", { birthDate: "1956-02-29" }, "INELIGIBLE", "age.ineligible"],
    ["no birth date", { birthDate: null }, "UNKNOWN", "age.unknown"],
    ["nothing at all", {}, "UNKNOWN", "age.unknown"],
  ])("%s", (_name, facts, verdict, key) => {
    expect(check(rule, facts)).toMatchObject({ verdict, key });
  });
  it("29 Feb birthdays are reached on 1 March in a common year, on the day in a leap year", () => {
    const on = (date: string) => leaf({ kind: "ageAtMost", years: 52, on: date });
    expect(check(on("2013-02-28"), { birthDate: "1960-02-29" })).toMatchObject({ verdict: "ELIGIBLE", values: { age: 52 } });
    expect(check(on("2013-03-01"), { birthDate: "1960-02-29" })).toMatchObject({ verdict: "INELIGIBLE", values: { age: 53 } });
    expect(check(on("2012-02-28"), { birthDate: "1960-02-29" })).toMatchObject({ verdict: "ELIGIBLE", values: { age: 51 } });
    expect(check(on("2012-02-29"), { birthDate: "1960-02-29" })).toMatchObject({ verdict: "ELIGIBLE", values: { age: 52 } });
    expect(check(on("2013-02-28"), { birthDate: "1960-02-28" })).toMatchObject({ verdict: "INELIGIBLE", values: { age: 53 } });
  });
});

describe("educationAtLeast 大专", () => {
  const rule = leaf({ kind: "educationAtLeast", level: "JUNIOR_COLLEGE" });
  it.each<Row>([
    ["中专 (骆勇)", { education: "TECHNICAL_SECONDARY" }, "INELIGIBLE", "education.ineligible"],
    ["大专, exactly the minimum (罗斌)", { education: "JUNIOR_COLLEGE" }, "ELIGIBLE", "education.eligible"],
    ["博士", { education: "DOCTORATE" }, "ELIGIBLE", "education.eligible"],
    ["not recorded", { education: null }, "UNKNOWN", "education.unknown"],
  ])("%s", (_name, facts, verdict, key) => expect(check(rule, facts)).toMatchObject({ verdict, key }));
});

describe("titleAtLeast", () => {
  const inSpecialty = leaf({ kind: "titleAtLeast", level: "INTERMEDIATE", specialty: "重症监护科" });
  const anySpecialty = leaf({ kind: "titleAtLeast", level: "ASSOCIATE_SENIOR" });
  const t = (level: "JUNIOR" | "INTERMEDIATE" | "ASSOCIATE_SENIOR" | "SENIOR", specialty = "重症监护科", obtainedOn = "2010-01-01") => ({ level, specialty, obtainedOn });
  it.each<[string, RuleLeaf, DoctorFacts, Verdict, string]>([
    ["中级 in the specialty", inSpecialty, { titles: [t("JUNIOR"), t("INTERMEDIATE")] }, "ELIGIBLE", "title.eligibleInSpecialty"],
    ["正高 in the specialty", inSpecialty, { titles: [t("SENIOR")] }, "ELIGIBLE", "title.eligibleInSpecialty"],
    ["only 初级 (章颖)", inSpecialty, { titles: [t("JUNIOR")] }, "INELIGIBLE", "title.ineligibleInSpecialty"],
    ["中级 in another specialty (倪建军)", inSpecialty, { titles: [t("JUNIOR", "普外科"), t("INTERMEDIATE", "普外科")] }, "INELIGIBLE", "title.noneInSpecialty"],
    ["no title history (俞杰)", inSpecialty, { titles: [] }, "UNKNOWN", "title.unknownInSpecialty"],
    ["titles missing", inSpecialty, {}, "UNKNOWN", "title.unknownInSpecialty"],
    ["副高 any specialty", anySpecialty, { titles: [t("ASSOCIATE_SENIOR", "普外科")] }, "ELIGIBLE", "title.eligible"],
    ["中级 when 副高 is needed", anySpecialty, { titles: [t("INTERMEDIATE")] }, "INELIGIBLE", "title.ineligible"],
    ["none recorded, any specialty", anySpecialty, { titles: null }, "UNKNOWN", "title.unknown"],
  ])("%s", (_name, rule, facts, verdict, key) => expect(check(rule, facts)).toMatchObject({ verdict, key }));
});

describe("titleHeldYears: 中级 in 泌尿外科 held ≥ 2 full years on 2013-10-31", () => {
  const rule = leaf({ kind: "titleHeldYears", level: "INTERMEDIATE", specialty: "泌尿外科", years: 2, on: "2013-10-31" });
  const titles = (...list: [string, string, string?][]) => ({ titles: list.map(([level, obtainedOn, specialty]) => ({ level, obtainedOn, specialty: specialty ?? "泌尿外科" })) }) as DoctorFacts;
  it.each<Row>([
    ["obtained 2011-10-31: exactly 2 years (谢国良)", titles(["JUNIOR", "2003-09-30"], ["INTERMEDIATE", "2011-10-31"]), "ELIGIBLE", "titleHeld.eligibleInSpecialty"],
    ["obtained 2011-11-01: a day short (裘伟军)", titles(["JUNIOR", "2003-10-15"], ["INTERMEDIATE", "2011-11-01"]), "INELIGIBLE", "titleHeld.ineligibleInSpecialty"],
    ["obtained 2011-10-30", titles(["INTERMEDIATE", "2011-10-30"]), "ELIGIBLE", "titleHeld.eligibleInSpecialty"],
    ["counted from the earliest title at or above 中级 (副高 obtained later)", titles(["INTERMEDIATE", "2000-10-20"], ["ASSOCIATE_SENIOR", "2013-01-01"]), "ELIGIBLE", "titleHeld.eligibleInSpecialty"],
    ["a 副高 alone counts from its own date", titles(["ASSOCIATE_SENIOR", "2012-01-01"]), "INELIGIBLE", "titleHeld.ineligibleInSpecialty"],
    ["obtained after the cut-off", titles(["INTERMEDIATE", "2013-11-01"]), "INELIGIBLE", "titleHeld.notYetInSpecialty"],
    ["only 初级", titles(["JUNIOR", "2003-09-30"]), "INELIGIBLE", "titleHeld.noneInSpecialty"],
    ["中级 in another specialty", titles(["INTERMEDIATE", "2005-01-01", "普外科"]), "INELIGIBLE", "titleHeld.noneInSpecialty"],
    ["no titles", { titles: [] }, "UNKNOWN", "titleHeld.unknownInSpecialty"],
  ])("%s", (_name, facts, verdict, key) => expect(check(rule, facts)).toMatchObject({ verdict, key }));
  it("reports since when and how long", () => {
    expect(check(rule, titles(["INTERMEDIATE", "2011-10-31"])).values).toMatchObject({ since: "2011-10-31", held: 2, years: 2, on: "2013-10-31" });
    const feb29 = leaf({ kind: "titleHeldYears", level: "INTERMEDIATE", years: 1, on: "2013-02-28" });
    expect(check(feb29, titles(["INTERMEDIATE", "2012-02-29"])).verdict).toBe("INELIGIBLE");
    expect(check({ ...feb29, on: "2013-03-01" } as RuleLeaf, titles(["INTERMEDIATE", "2012-02-29"])).verdict).toBe("ELIGIBLE");
    expect(check(feb29, {}).key).toBe("titleHeld.unknown");
  });
});

describe("positionAtLeast", () => {
  const county = leaf({ kind: "positionAtLeast", rank: "DEPARTMENT_HEAD", orgLevel: "COUNTY" });
  const plain = leaf({ kind: "positionAtLeast", rank: "ATTENDING_LEAD" });
  it.each<[string, RuleLeaf, DoctorFacts, Verdict, string]>([
    ["科主任 in a county hospital", county, { positionRank: "DEPARTMENT_HEAD", employerLevel: "COUNTY" }, "ELIGIBLE", "positionAt.eligible"],
    ["副院长 in a county hospital", county, { positionRank: "VICE_PRESIDENT", employerLevel: "COUNTY" }, "ELIGIBLE", "positionAt.eligible"],
    ["科副主任 in a county hospital (梁晓东)", county, { positionRank: "DEPUTY_DEPARTMENT_HEAD", employerLevel: "COUNTY" }, "INELIGIBLE", "positionAt.ineligible"],
    ["科主任 in a city hospital", county, { positionRank: "DEPARTMENT_HEAD", employerLevel: "CITY" }, "INELIGIBLE", "positionAt.wrongLevel"],
    ["rank unknown, wrong level", county, { employerLevel: "CITY" }, "INELIGIBLE", "positionAt.wrongLevel"],
    ["rank too low, level unknown", county, { positionRank: "STAFF" }, "INELIGIBLE", "positionAt.ineligible"],
    ["rank unknown, level right", county, { employerLevel: "COUNTY" }, "UNKNOWN", "positionAt.unknown"],
    ["rank right, level unknown", county, { positionRank: "DEPARTMENT_HEAD" }, "UNKNOWN", "positionAt.unknown"],
    ["no org level asked: rank enough", plain, { positionRank: "DEPARTMENT_HEAD" }, "ELIGIBLE", "position.eligible"],
    ["no org level asked: rank too low", plain, { positionRank: "STAFF" }, "INELIGIBLE", "position.ineligible"],
    ["no org level asked: rank unknown", plain, {}, "UNKNOWN", "position.unknown"],
    ["rank not entered (null, as a blank import cell now stays): 待核实, not 医师", plain, { positionRank: null }, "UNKNOWN", "position.unknown"],
  ])("%s", (_name, rule, facts, verdict, key) => expect(check(rule, facts)).toMatchObject({ verdict, key }));
});

describe("specialtyIn and practisingCategoryIn", () => {
  const specialty = leaf({ kind: "specialtyIn", values: ["泌尿外科", "普外科"] });
  const category = leaf({ kind: "practisingCategoryIn", values: ["CLINICAL", "TCM"] });
  it.each<[string, RuleLeaf, DoctorFacts, Verdict]>([
    ["specialty in the set", specialty, { specialty: "泌尿外科" }, "ELIGIBLE"],
    ["specialty outside", specialty, { specialty: "眼科" }, "INELIGIBLE"],
    ["specialty blank", specialty, { specialty: "  " }, "UNKNOWN"],
    ["specialty missing", specialty, {}, "UNKNOWN"],
    ["category in the set", category, { practisingCategory: "TCM" }, "ELIGIBLE"],
    ["category outside", category, { practisingCategory: "DENTAL" }, "INELIGIBLE"],
    ["category not recorded (李建)", category, { practisingCategory: null }, "UNKNOWN"],
  ])("%s", (_name, rule, facts, verdict) => expect(check(rule, facts).verdict).toBe(verdict));
});

describe("hasGrassrootsService (full-time records only)", () => {
  const has = leaf({ kind: "hasGrassrootsService", value: true });
  const hasNot = leaf({ kind: "hasGrassrootsService", value: false });
  const fullTime = { startDate: "2015-01-01", endDate: "2015-12-31", isFullTime: true };
  const partTime = { startDate: "2021-03-01", endDate: "2021-08-31", isFullTime: false };
  it.each<[string, DoctorFacts, Verdict, Verdict, string]>([
    ["a full-time record (黄勇)", { grassrootsServices: [fullTime] }, "ELIGIBLE", "INELIGIBLE", "grassroots.has"],
    ["only part-time (刘洋)", { grassrootsServices: [partTime] }, "INELIGIBLE", "ELIGIBLE", "grassroots.partTimeOnly"],
    ["none on record", { grassrootsServices: [] }, "INELIGIBLE", "ELIGIBLE", "grassroots.none"],
    ["both", { grassrootsServices: [partTime, fullTime] }, "ELIGIBLE", "INELIGIBLE", "grassroots.has"],
  ])("%s", (_name, facts, hasVerdict, hasNotVerdict, key) => {
    expect(check(has, facts)).toMatchObject({ verdict: hasVerdict, key });
    expect(check(hasNot, facts)).toMatchObject({ verdict: hasNotVerdict, key });
  });
  it("records not loaded: UNKNOWN either way", () => {
    expect(check(has, {})).toMatchObject({ verdict: "UNKNOWN", key: "grassroots.requiredUnknown" });
    expect(check(hasNot, { grassrootsServices: null })).toMatchObject({ verdict: "UNKNOWN", key: "grassroots.excludedUnknown" });
  });
});

describe("hiredWithinYears 5 of 2022-12-31 (hire date after 2017-12-31)", () => {
  const rule = leaf({ kind: "hiredWithinYears", years: 5, on: "2022-12-31" });
  it.each<[string, DoctorFacts, Verdict, number | undefined]>([
    ["hired 2018-01-01: 4 full years", { hireDate: "2018-01-01" }, "ELIGIBLE", 4],
    ["hired 2017-12-31: exactly 5 years, not within", { hireDate: "2017-12-31" }, "INELIGIBLE", 5],
    ["hired 2017-12-30", { hireDate: "2017-12-30" }, "INELIGIBLE", 5],
    ["hired 2021-08-01 (谭晓宇)", { hireDate: "2021-08-01" }, "ELIGIBLE", 1],
    ["hired on the cut-off", { hireDate: "2022-12-31" }, "ELIGIBLE", 0],
    ["hired after the cut-off", { hireDate: "2023-02-01" }, "ELIGIBLE", 0],
    ["hire date not recorded (邓婷)", { hireDate: null }, "UNKNOWN", undefined],
  ])("%s", (_name, facts, verdict, served) => {
    const result = check(rule, facts);
    expect(result.verdict).toBe(verdict);
    expect(result.values.served).toBe(served);
  });
  it("29 Feb hires: the 1-year mark is 1 March", () => {
    const oneYear = leaf({ kind: "hiredWithinYears", years: 1, on: "2021-02-28" });
    expect(check(oneYear, { hireDate: "2020-02-29" }).verdict).toBe("ELIGIBLE");
    expect(check({ ...oneYear, on: "2021-03-01" } as RuleLeaf, { hireDate: "2020-02-29" }).verdict).toBe("INELIGIBLE");
  });
});

describe("attested", () => {
  const rule = leaf({ kind: "attested", condition: "身体健康，能适应高原工作" });
  it.each<Row>([
    ["declared", { attestations: ["家属同意", "身体健康，能适应高原工作"] }, "ELIGIBLE", "attested.eligible"],
    ["another condition declared", { attestations: ["家属同意"] }, "UNKNOWN", "attested.unknown"],
    ["nothing declared yet: not a failure", { attestations: [] }, "UNKNOWN", "attested.unknown"],
    ["missing", {}, "UNKNOWN", "attested.unknown"],
  ])("%s", (_name, facts, verdict, key) => expect(check(rule, facts)).toMatchObject({ verdict, key, values: { condition: "身体健康，能适应高原工作" } }));
});
