import { describe, expect, it } from "vitest";
import { defaultTemplateStart, layOutTemplate, materialiseTemplate, PROGRAM_TEMPLATES, TEMPLATE_KEYS, templateYear } from "@/lib/domain/program-templates";
import { calendarDaysBetween, daysToOpenRegistrationOn, isRegistrationPast, shiftTimelineByDays, timelineProblems, toShanghaiWallClock } from "@/lib/domain/program-timeline";

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

describe("templates laid out from a chosen start date (Beijing calendar days)", () => {
  it("offers the next day the template opens, today included", () => {
    // 援疆 opens registration on 8 Nov: created in December, it is offered next November
    expect(defaultTemplateStart("longTermAid", "2026-12-05")).toBe("2027-11-08");
    expect(defaultTemplateStart("longTermAid", "2026-11-08")).toBe("2026-11-08");
    expect(defaultTemplateStart("longTermAid", "2026-11-09")).toBe("2027-11-08");
    expect(defaultTemplateStart("longTermAid", "2026-01-01")).toBe("2026-11-08");
    // 县聘乡用 opens on 1 Dec of the year before its programme year
    expect(defaultTemplateStart("countyHireTownshipUse", "2026-12-05")).toBe("2027-12-01");
    expect(defaultTemplateStart("countyHireTownshipUse", "2026-11-30")).toBe("2026-12-01");
    expect(defaultTemplateStart("blank", "2026-12-05")).toBe("2026-12-05");
  });

  it("on the template's own day gives its dates exactly, in the matching programme year", () => {
    expect(layOutTemplate("longTermAid", "2013-11-08")).toEqual(materialiseTemplate("longTermAid", 2013));
    expect(layOutTemplate("countyHireTownshipUse", "2022-12-01")).toEqual(materialiseTemplate("countyHireTownshipUse", 2023));
    expect(templateYear("countyHireTownshipUse", "2022-12-01")).toBe(2023);
    expect(templateYear("longTermAid", "2026-12-05")).toBe(2026);
    expect(templateYear("longTermAid", "2027-11-08")).toBe(2027);
  });

  it("from any other day moves every stage and cut-off by the same days, keeping intervals and times of day", () => {
    const base = materialiseTemplate("longTermAid", 2026);
    const laid = layOutTemplate("longTermAid", "2026-12-05"); // 27 days after 8 Nov
    expect(laid.stages[0]!.opensAt.toISOString()).toBe("2026-12-04T16:00:00.000Z"); // 5 Dec 00:00 Beijing
    expect(laid.stages[0]!.closesAt.toISOString()).toBe("2026-12-08T04:00:00.000Z"); // 8 Dec 12:00 Beijing
    laid.stages.forEach((s, i) => {
      expect(s.opensAt.getTime() - base.stages[i]!.opensAt.getTime()).toBe(27 * 86_400_000);
      expect(s.closesAt.getTime() - base.stages[i]!.closesAt.getTime()).toBe(27 * 86_400_000);
    });
    expect(laid.cutoffs.map((c) => c.date.toISOString().slice(0, 10))).toEqual(["2027-01-27", "2026-11-27"]);
    expect(timelineProblems(laid.stages)).toEqual([]);
  });

  it("crosses a leap day and a year end by calendar days", () => {
    const laid = layOutTemplate("counterpartSupport", "2028-02-28"); // opens 1 Jan: 58 days later
    expect(toShanghaiWallClock(laid.stages[0]!.opensAt)).toBe("2028-02-28T00:00");
    expect(toShanghaiWallClock(laid.stages[0]!.closesAt)).toBe("2028-03-30T00:00"); // 1 Feb + 58 days, over 29 Feb
    expect(layOutTemplate("blank", "2026-12-05")).toEqual({ stages: [], cutoffs: [], documents: [] });
  });
});

describe("shifting a timeline so registration opens on a day", () => {
  it("counts calendar days in Beijing time, whatever the instant's UTC day", () => {
    // 8 Nov 00:00 Beijing is 7 Nov 16:00 UTC
    expect(daysToOpenRegistrationOn(new Date("2026-11-07T16:00:00Z"), "2026-12-05")).toBe(27);
    expect(daysToOpenRegistrationOn(new Date("2026-12-05T15:59:00Z"), "2026-12-05")).toBe(0);
    expect(daysToOpenRegistrationOn(new Date("2026-12-05T16:00:00Z"), "2026-12-05")).toBe(-1);
    expect(calendarDaysBetween("2027-12-31", "2028-03-01")).toBe(61);
  });

  it("moves stages and cut-off dates alike; the past test is inclusive of the closing instant", () => {
    const timeline = { stages: [{ kind: "REGISTRATION", opensAt: new Date("2026-11-07T16:00:00Z"), closesAt: new Date("2026-11-11T04:00:00Z") }], cutoffs: [{ code: "AGE", date: new Date("2026-12-31T00:00:00Z") }] };
    const moved = shiftTimelineByDays(timeline, 2);
    expect(moved.stages[0]).toEqual({ kind: "REGISTRATION", opensAt: new Date("2026-11-09T16:00:00Z"), closesAt: new Date("2026-11-13T04:00:00Z") });
    expect(moved.cutoffs[0]).toEqual({ code: "AGE", date: new Date("2027-01-02T00:00:00Z") });
    expect(isRegistrationPast(new Date("2026-11-11T04:00:00Z"), new Date("2026-11-11T04:00:00Z"))).toBe(true);
    expect(isRegistrationPast(new Date("2026-11-11T04:00:00Z"), new Date("2026-11-11T03:59:59Z"))).toBe(false);
    expect(isRegistrationPast(null, new Date())).toBe(false);
  });
});
