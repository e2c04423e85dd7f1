// Starting points for a new programme, taken from the seed documents. A template fills the form
// (kind, service months, rotation batches) and gives the new programme its stages, ratios and
// cut-off dates for the chosen year; every value can be changed afterwards. Pure: no I/O.
import type { AttachmentKind, ProgramKind, StageKind } from "../generated/prisma/enums";
import { calendarDate, calendarDaysBetween, fromShanghaiWallClock, shiftTimelineByDays } from "./program-timeline";

export const TEMPLATE_KEYS = ["longTermAid", "countyHireTownshipUse", "counterpartSupport", "blank"] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

interface StageTemplate {
  kind: StageKind;
  /** Asia/Shanghai wall-clock "MM-DD HH:mm", in the programme's year plus yearOffset. */
  opens: [yearOffset: number, monthDayTime: string];
  closes: [yearOffset: number, monthDayTime: string];
  ratio?: number;
  /** The documents an application needs to pass this stage (lib/domain/required-documents.ts). */
  documents?: AttachmentKind[];
}

interface CutoffTemplate {
  code: string;
  label: string;
  date: [yearOffset: number, monthDay: string];
}

export interface ProgramTemplate {
  key: TemplateKey;
  kind: ProgramKind;
  serviceMonths: number;
  rotationBatches: number;
  stages: StageTemplate[];
  cutoffs: CutoffTemplate[];
}

export const PROGRAM_TEMPLATES: Record<TemplateKey, ProgramTemplate> = {
  // Seed 000 (绍兴市第八批援疆医生选派): 18 months ("一年半"), two rotation batches of seven, the seven
  // stages in the seed's order and dates, shortlist 1:3 and report list 1:2, age counted to the end of
  // December and title tenure to the end of October.
  longTermAid: {
    key: "longTermAid",
    kind: "LONG_TERM_AID",
    serviceMonths: 18,
    rotationBatches: 2,
    stages: [
      // “报名时同时提交本人的援疆工作申请书并征求好家属意见”; the units then report “各职位的报名表、
      // 援疆工作申请书”; the physical exam and the inspection (“形成考察材料”) each leave their papers.
      { kind: "REGISTRATION", opens: [0, "11-08 00:00"], closes: [0, "11-11 12:00"], documents: ["APPLICATION_LETTER", "FAMILY_CONSENT"] },
      { kind: "PRELIMINARY_REVIEW", opens: [0, "11-08 00:00"], closes: [0, "11-12 00:00"], documents: ["REGISTRATION_FORM"] },
      { kind: "PHYSICAL_EXAM", opens: [0, "11-12 00:00"], closes: [0, "11-14 00:00"], documents: ["PHYSICAL_EXAM"] },
      { kind: "INSPECTION_SHORTLIST", opens: [0, "11-14 00:00"], closes: [0, "11-20 00:00"], ratio: 3 },
      { kind: "INSPECTION", opens: [0, "11-14 00:00"], closes: [0, "11-20 00:00"], documents: ["INSPECTION_MATERIAL"] },
      { kind: "REPORT_LIST", opens: [0, "11-20 00:00"], closes: [0, "11-23 00:00"], ratio: 2 },
      { kind: "APPROVAL", opens: [0, "11-23 00:00"], closes: [1, "01-01 00:00"] },
    ],
    cutoffs: [
      { code: "AGE", label: "年龄计算截止日", date: [0, "12-31"] },
      { code: "TITLE_TENURE", label: "任职年限计算截止日", date: [0, "10-31"] },
    ],
  },
  // Seed 001 (万州区“县聘乡用”): a year at the township centre, one batch; needs and names are reported
  // at the end of the year before and the doctors placed at the start of the year.
  countyHireTownshipUse: {
    key: "countyHireTownshipUse",
    kind: "COUNTY_HIRE_TOWNSHIP_USE",
    serviceMonths: 12,
    rotationBatches: 1,
    stages: [
      { kind: "REGISTRATION", opens: [-1, "12-01 00:00"], closes: [-1, "12-21 00:00"] },
      { kind: "PRELIMINARY_REVIEW", opens: [-1, "12-21 00:00"], closes: [-1, "12-31 00:00"] },
      { kind: "APPROVAL", opens: [0, "01-01 00:00"], closes: [0, "01-16 00:00"] },
    ],
    cutoffs: [{ code: "HIRE", label: "招聘年限计算截止日", date: [-1, "12-31"] }],
  },
  // Seed 003 (四川省对口支援“传帮带”): the two sides sign a three-year support agreement (“签订三年帮扶
  // 协议”, “制定3年帮扶规划”), so the service is 36 months in one batch. The seed gives no selection
  // timetable; it asks for staff of intermediate title and above chosen by the supporting hospital, so
  // the template keeps the short path of registration, qualification review and approval over the
  // first quarter, without cut-off dates (the title requirement is a rule, not a date).
  counterpartSupport: {
    key: "counterpartSupport",
    kind: "COUNTERPART_SUPPORT",
    serviceMonths: 36,
    rotationBatches: 1,
    stages: [
      { kind: "REGISTRATION", opens: [0, "01-01 00:00"], closes: [0, "02-01 00:00"] },
      { kind: "PRELIMINARY_REVIEW", opens: [0, "02-01 00:00"], closes: [0, "03-01 00:00"] },
      { kind: "APPROVAL", opens: [0, "03-01 00:00"], closes: [0, "04-01 00:00"] },
    ],
    cutoffs: [],
  },
  blank: { key: "blank", kind: "OTHER", serviceMonths: 12, rotationBatches: 1, stages: [], cutoffs: [] },
};

export interface MaterialisedTimeline {
  stages: { kind: StageKind; sequence: number; opensAt: Date; closesAt: Date; ratio: number | null }[];
  cutoffs: { code: string; label: string; date: Date }[];
  /** The documents each stage requires (ProgramStageDocument rows without the programme). */
  documents: { stage: StageKind; kind: AttachmentKind }[];
}

function instant(year: number, [offset, monthDayTime]: [number, string]): Date {
  const at = fromShanghaiWallClock(`${year + offset}-${monthDayTime}`);
  if (!at) throw new Error(`bad template time ${monthDayTime}`);
  return at;
}

/** The template's stages and cut-off dates placed in the programme's year. */
export function materialiseTemplate(key: TemplateKey, year: number): MaterialisedTimeline {
  const template = PROGRAM_TEMPLATES[key];
  return {
    stages: template.stages.map((s, i) => ({ kind: s.kind, sequence: i + 1, opensAt: instant(year, s.opens), closesAt: instant(year, s.closes), ratio: s.ratio ?? null })),
    cutoffs: template.cutoffs.map((c) => {
      const date = calendarDate(`${year + c.date[0]}-${c.date[1]}`);
      if (!date) throw new Error(`bad template date ${c.date[1]}`);
      return { code: c.code, label: c.label, date };
    }),
    documents: template.stages.flatMap((s) => (s.documents ?? []).map((kind) => ({ stage: s.kind, kind }))),
  };
}

// ───────────── Laid out from a chosen start date ─────────────

/** The day the template's first stage opens, in year `year` (its year offset applied), "YYYY-MM-DD". */
function anchorDay(template: ProgramTemplate, year: number): string | null {
  const first = template.stages[0];
  return first ? `${year + first.opens[0]}-${first.opens[1].slice(0, 5)}` : null;
}

/**
 * The programme year whose template timeline opens on or before `day` (the latest occurrence not
 * after it), so that laying the template out from `day` moves it forward by less than a year.
 */
function yearOnOrBefore(template: ProgramTemplate, day: string): number {
  const year = Number(day.slice(0, 4));
  for (const candidate of [year + 1, year, year - 1, year - 2]) {
    const anchor = anchorDay(template, candidate);
    if (anchor && anchor <= day) return candidate;
  }
  return year;
}

/**
 * The start date a new programme from this template is offered: the next day, today included
 * (Beijing calendar day "YYYY-MM-DD"), on which the template's first stage opens in its own
 * calendar — so a 援疆 programme created in December starts next November, not last one. A
 * template with no stages starts today.
 */
export function defaultTemplateStart(key: TemplateKey, today: string): string {
  const template = PROGRAM_TEMPLATES[key];
  const year = Number(today.slice(0, 4));
  for (const candidate of [year - 1, year, year + 1, year + 2]) {
    const anchor = anchorDay(template, candidate);
    if (anchor && anchor >= today) return anchor;
  }
  return today;
}

/** The programme year a template laid out from `startDate` belongs to (the year its own calendar gives). */
export function templateYear(key: TemplateKey, startDate: string): number {
  return yearOnOrBefore(PROGRAM_TEMPLATES[key], startDate);
}

/**
 * The template's stages and cut-off dates laid out so the first stage opens on `startDate`
 * (a Beijing calendar day "YYYY-MM-DD"): the template's own calendar in the nearest year not after
 * it, moved by whole days, so every interval between stages and cut-off dates is kept and a start
 * on the template's own day gives its dates exactly. Times of day stay as the template has them.
 */
export function layOutTemplate(key: TemplateKey, startDate: string): MaterialisedTimeline {
  const template = PROGRAM_TEMPLATES[key];
  const year = yearOnOrBefore(template, startDate);
  const timeline = materialiseTemplate(key, year);
  const anchor = anchorDay(template, year);
  return anchor ? shiftTimelineByDays(timeline, calendarDaysBetween(anchor, startDate)) : timeline;
}
