// The demo seed's rules against the seed's own doctors, in memory: the DELIBERATE cases of
// prisma/seed/doctors.ts must come out as their comments say.
import { describe, expect, it } from "vitest";
import { evaluateRules, reasonsFor, type DoctorFacts } from "@/lib/domain/eligibility";
import { buildDoctorRows } from "@/prisma/seed/doctors";
import { ORGS } from "@/prisma/seed/organizations";
import { WANZHOU_PROGRAM, XINJIANG_PROGRAM } from "@/prisma/seed/programs";

const facts = new Map<string, DoctorFacts>(
  buildDoctorRows().map(({ doctor, titles, grassroots }) => [
    doctor.name,
    {
      birthDate: doctor.birthDate as Date,
      education: doctor.education,
      specialty: doctor.specialty,
      practisingCategory: doctor.practisingCategory ?? null,
      positionRank: doctor.positionRank ?? null,
      employerLevel: ORGS.find((o) => o.key === doctor.employerKey)!.level,
      hireDate: (doctor.hireDate as Date | null) ?? null,
      titles: titles.map((t) => ({ level: t.level, specialty: t.specialty, obtainedOn: t.obtainedOn as Date })),
      grassrootsServices: grassroots.map((g) => ({ startDate: g.startDate as Date, endDate: (g.endDate as Date | null) ?? null, isFullTime: g.isFullTime ?? true })),
      attestations: [],
    },
  ]),
);

const programRules = (p: typeof XINJIANG_PROGRAM) => p.programRules.map((r) => r.tree);
const postRule = (title: string) => XINJIANG_PROGRAM.posts.find((p) => p.title === title && p.rotationBatch === 1)!.rule!.tree;
function screen(name: string, title: string) {
  const f = facts.get(name);
  if (!f) throw new Error(`no doctor ${name}`);
  const result = evaluateRules([...programRules(XINJIANG_PROGRAM), postRule(title)], f);
  return { verdict: result.verdict, reasons: reasonsFor(result.evaluations, result.verdict).map((l) => l.explanation.key) };
}

describe("seed 000: the vice-president post (泌尿外科)", () => {
  it.each([
    ["钱建华", "ELIGIBLE", []], // city 主诊医师 with 副高
    ["楼志刚", "ELIGIBLE", []], // county 科主任 with 正高
    ["谢国良", "ELIGIBLE", []], // 中级 exactly 2 years on the day
    ["裘伟军", "INELIGIBLE", ["titleHeld.ineligibleInSpecialty", "title.ineligibleInSpecialty"]], // a day short
    ["孙立新", "INELIGIBLE", ["age.ineligible"]], // 56 on the cut-off
    ["陈浩", "INELIGIBLE", ["titleHeld.ineligibleInSpecialty", "title.ineligibleInSpecialty", "positionAt.wrongLevel", "positionAt.ineligible"]],
    ["梁晓东", "INELIGIBLE", ["positionAt.ineligible", "positionAt.wrongLevel"]], // county 科副主任
    ["宣海峰", "INELIGIBLE", ["positionAt.ineligible", "positionAt.wrongLevel"]], // 主诊医师 in a county hospital
    ["王丽华", "INELIGIBLE", ["specialty.ineligible", "titleHeld.noneInSpecialty", "title.noneInSpecialty"]], // 眼科
    ["安娜·施密特", "UNKNOWN", ["positionAt.unknown"]], // passport holder, 职务级别 never recorded
  ] as const)("%s → %s", (name, verdict, reasons) => {
    expect(screen(name, "副院长")).toEqual({ verdict, reasons: [...reasons] });
  });
});

describe("seed 000: the programme rule and the specialty posts", () => {
  it.each([
    ["胡建国", "耳鼻喉科医生", "ELIGIBLE"], // 55 on the day: still eligible
    ["骆勇", "麻醉科医生", "INELIGIBLE"], // 中专
    ["罗斌", "麻醉科医生", "ELIGIBLE"], // 大专 is the minimum
    ["章颖", "口腔科医生", "INELIGIBLE"], // only 初级
    ["何佳", "口腔科医生", "UNKNOWN"], // no title history
    ["俞杰", "重症监护科医生", "UNKNOWN"], // no title history
    ["倪建军", "重症监护科医生", "INELIGIBLE"], // 中级 in 普外科
    ["沈一鸣", "眼科医生", "ELIGIBLE"],
  ] as const)("%s for %s → %s", (name, post, verdict) => {
    expect(screen(name, post).verdict).toBe(verdict);
  });
  it("what is missing is named for an unknown verdict", () => {
    expect(screen("何佳", "口腔科医生").reasons).toEqual(["title.unknownInSpecialty"]);
  });
});

describe("seed 001: 万州 county-hire-township-use", () => {
  const rules = programRules(WANZHOU_PROGRAM);
  it.each([
    ["谭晓宇", "ELIGIBLE"], // hired 2021
    ["牟红", "ELIGIBLE"], // 中级 without grassroots service
    ["黄勇", "INELIGIBLE"], // has full-time grassroots service, hired long ago
    ["熊丽", "INELIGIBLE"], // hired 8 years before, 初级
    ["邓婷", "UNKNOWN"], // hire date not recorded
    ["李建", "UNKNOWN"], // practising category not recorded
    ["刘洋", "ELIGIBLE"], // part-time stint does not count
  ] as const)("%s → %s", (name, verdict) => {
    expect(evaluateRules(rules, facts.get(name)!).verdict).toBe(verdict);
  });
});
