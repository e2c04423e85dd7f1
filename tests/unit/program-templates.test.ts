import { describe, expect, it } from "vitest";
import { materialiseTemplate, PROGRAM_TEMPLATES, TEMPLATE_KEYS } from "@/lib/domain/program-templates";
import { timelineProblems } from "@/lib/domain/program-timeline";

describe("programme templates", () => {
  it("long-term aid is seed 000: 18 months, 2 batches, seven stages in order, 1:3 and 1:2, AGE and TITLE_TENURE", () => {
    const t = PROGRAM_TEMPLATES.longTermAid;
    expect([t.kind, t.serviceMonths, t.rotationBatches]).toEqual(["LONG_TERM_AID", 18, 2]);
    const m = materialiseTemplate("longTermAid", 2013);
    expect(m.stages.map((s) => s.kind)).toEqual(["REGISTRATION", "PRELIMINARY_REVIEW", "PHYSICAL_EXAM", "INSPECTION_SHORTLIST", "INSPECTION", "REPORT_LIST", "APPROVAL"]);
    expect(m.stages.map((s) => s.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(m.stages.filter((s) => s.ratio !== null).map((s) => [s.kind, s.ratio])).toEqual([["INSPECTION_SHORTLIST", 3], ["REPORT_LIST", 2]]);
    // nominations close 11 Nov 12:00 Beijing time
    expect(m.stages[0]!.closesAt.toISOString()).toBe("2013-11-11T04:00:00.000Z");
    expect(m.stages[6]!.closesAt.toISOString()).toBe("2013-12-31T16:00:00.000Z");
    expect(m.cutoffs.map((c) => [c.code, c.date.toISOString().slice(0, 10)])).toEqual([["AGE", "2013-12-31"], ["TITLE_TENURE", "2013-10-31"]]);
    // seed 000: 申请书 and 家属意见 with the registration, the 报名表, the exam's and the inspection's papers
    expect(m.documents).toEqual([
      { stage: "REGISTRATION", kind: "APPLICATION_LETTER" },
      { stage: "REGISTRATION", kind: "FAMILY_CONSENT" },
      { stage: "PRELIMINARY_REVIEW", kind: "REGISTRATION_FORM" },
      { stage: "PHYSICAL_EXAM", kind: "PHYSICAL_EXAM" },
      { stage: "INSPECTION", kind: "INSPECTION_MATERIAL" },
    ]);
  });

  it("county-hire-township-use is seed 001: 12 months, 1 batch, its three stages from the December before", () => {
    const t = PROGRAM_TEMPLATES.countyHireTownshipUse;
    expect([t.kind, t.serviceMonths, t.rotationBatches]).toEqual(["COUNTY_HIRE_TOWNSHIP_USE", 12, 1]);
    const m = materialiseTemplate("countyHireTownshipUse", 2023);
    expect(m.stages.map((s) => s.kind)).toEqual(["REGISTRATION", "PRELIMINARY_REVIEW", "APPROVAL"]);
    expect(m.stages[0]!.opensAt.toISOString()).toBe("2022-11-30T16:00:00.000Z");
    expect(m.cutoffs.map((c) => [c.code, c.date.toISOString().slice(0, 10)])).toEqual([["HIRE", "2022-12-31"]]);
  });

  it("counterpart support is seed 003's three-year agreement; blank has nothing", () => {
    expect(PROGRAM_TEMPLATES.counterpartSupport.serviceMonths).toBe(36);
    expect(PROGRAM_TEMPLATES.counterpartSupport.kind).toBe("COUNTERPART_SUPPORT");
    expect(materialiseTemplate("blank", 2030)).toEqual({ stages: [], cutoffs: [], documents: [] });
  });

  it.each(TEMPLATE_KEYS)("%s gives a valid timeline in any year, leap years included", (key) => {
    for (const year of [2013, 2024, 2100]) expect(timelineProblems(materialiseTemplate(key, year).stages)).toEqual([]);
  });
});
