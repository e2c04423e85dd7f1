import { describe, expect, it } from "vitest";
import { countsAsGrassroots, isNoticeOver, missingForNotice, noticeProblem, workloadFromTotals } from "@/lib/domain/service-evaluation";

describe("the public notice (公示)", () => {
  it("runs 1 to 30 days, both ends included; ending before it starts is refused", () => {
    expect(noticeProblem("2026-11-10", "2026-11-10")).toBeNull();
    expect(noticeProblem("2026-11-10", "2026-12-09")).toBeNull(); // 30 days
    expect(noticeProblem("2026-11-10", "2026-12-10")).toBe("noticeTooLong"); // 31 days
    expect(noticeProblem("2026-11-10", "2026-11-09")).toBe("noticeEndsBeforeStart");
    expect(noticeProblem("2028-02-01", "2028-03-01")).toBeNull(); // 30 days in a leap February
  });
  it("is over from the day after its last day", () => {
    expect(isNoticeOver("2026-11-20", "2026-11-19")).toBe(false);
    expect(isNoticeOver("2026-11-20", "2026-11-20")).toBe(false);
    expect(isNoticeOver("2026-11-20", "2026-11-21")).toBe(true);
    expect(isNoticeOver("2026-12-31", "2027-01-01")).toBe(true);
  });
});

describe("grassroots experience", () => {
  it("合格 counts unless the absences exceeded the limit; 不合格 never", () => {
    expect(countsAsGrassroots("PASS", false)).toBe(true);
    expect(countsAsGrassroots("PASS", true)).toBe(false);
    expect(countsAsGrassroots("FAIL", false)).toBe(false);
  });
});

describe("the form's workload from confirmed totals", () => {
  const words = { newDepartments: (n: number) => `新建业务科室 ${n} 个`, freeClinics: (n: number) => `义诊 ${n} 次`, teaching: (n: number) => `带教活动 ${n} 次` };
  const totals = { outpatients: 2315, operations: 86, caseDiscussions: 24, juniorsMentored: 3, lectures: 12, newTechniques: 2, newDepartments: 0, freeClinics: 6, teachingActions: 0 };
  it("copies the six counts and names the other work", () => {
    expect(workloadFromTotals(totals, words)).toEqual({ outpatients: 2315, operations: 86, caseDiscussions: 24, juniorsMentored: 3, lectures: 12, newTechniques: 2, otherWork: "义诊 6 次" });
    expect(workloadFromTotals({ ...totals, freeClinics: 0, teachingActions: 40 }, words).otherWork).toBe("带教活动 40 次");
    expect(workloadFromTotals({ ...totals, freeClinics: 0 }, words).otherWork).toBe("");
    expect(workloadFromTotals({ ...totals, newDepartments: 2, teachingActions: 3 }, words).otherWork).toBe("新建业务科室 2 个；义诊 6 次；带教活动 3 次");
  });
});

describe("what the form lacks before its notice", () => {
  const complete = { summary: "总结", dispatchingOpinion: "同意", receivingOpinion: "同意", talksOn: "2026-11-02", democraticOn: "2026-11-03", collectiveOn: "2026-11-04" };
  it("nothing once every part is filled", () => {
    expect(missingForNotice(complete)).toEqual([]);
  });
  it("names each missing part, an empty text counting as missing", () => {
    expect(missingForNotice({ ...complete, summary: "", receivingOpinion: null, democraticOn: null })).toEqual(["summary", "receivingOpinion", "democratic"]);
    expect(missingForNotice({ summary: null, dispatchingOpinion: null, receivingOpinion: null, talksOn: null, democraticOn: null, collectiveOn: null })).toHaveLength(6);
  });
});
