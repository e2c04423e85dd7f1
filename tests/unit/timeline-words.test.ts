// Every entry of a doctor's timeline reads in words in both languages: each kind with every value of
// its enumerations renders without a missing message and without a code showing through.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { AssessmentGrade, AttendanceSource, DecisionOutcome, DispatchEventKind, LeaveKind, LeaveStatus, ServiceEvaluationResult, StageKind } from "@/lib/generated/prisma/enums";
import { locales } from "@/lib/i18n/config";
import type { TimelineEvent } from "@/lib/domain/doctor-timeline";
import { timelineFormat, timelineSentence, timelineWhen } from "@/lib/i18n/timeline-words";

function catalogue(locale: string): Record<string, unknown> {
  const dir = path.join(process.cwd(), "messages", locale);
  return Object.assign({}, ...readdirSync(dir).filter((f) => f.endsWith(".json")).map((f) => JSON.parse(readFileSync(path.join(dir, f), "utf8")) as object));
}

const day = new Date("2026-05-04T00:00:00Z");
const base = { key: "k", at: day, isCalendarDay: false, programName: "重庆市万州区县聘乡用", href: "/x" };

function everyEvent(): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  for (const source of ["SELF", "UNIT"] as const) {
    events.push({ ...base, kind: "application", source, postTitle: "全科医生", nominatingOrgName: "万州区人民医院" });
    for (const stage of Object.values(StageKind))
      for (const outcome of Object.values(DecisionOutcome)) events.push({ ...base, kind: "decision", source, postTitle: "全科医生", stage, outcome, reason: outcome === "FAIL" ? "材料不全" : null });
  }
  events.push({ ...base, kind: "notice", startDate: day, endDate: day });
  for (const event of Object.values(DispatchEventKind)) events.push({ ...base, kind: "dispatch", event, receivingOrgName: "分水镇中心卫生院", toLastDay: day, reason: null });
  for (const leaveKind of Object.values(LeaveKind)) for (const status of Object.values(LeaveStatus)) events.push({ ...base, kind: "leave", isCalendarDay: true, leaveKind, status, startDate: day, endDate: day, days: 5 });
  for (const source of Object.values(AttendanceSource)) events.push({ ...base, kind: "absence", isCalendarDay: true, source, startDate: day, endDate: day });
  events.push({ ...base, kind: "logs", isCalendarDay: true, month: "2026-05", count: 4, outpatients: 120, operations: 3 });
  for (const grade of [...Object.values(AssessmentGrade), null]) events.push({ ...base, kind: "assessment", year: 2026, grade, servedDays: 200, assessed: grade !== null });
  for (const result of Object.values(ServiceEvaluationResult)) events.push({ ...base, kind: "serviceEvaluation", result });
  events.push({ ...base, kind: "payment", isCalendarDay: true, month: "2026-05", count: 2, amountFen: 200_000 });
  return events;
}

describe("the timeline in words", () => {
  for (const locale of locales) {
    it(`reads every kind and value in ${locale}`, () => {
      const t = createTranslator({
        locale,
        messages: catalogue(locale),
        timeZone: "Asia/Shanghai",
        onError: (error) => {
          throw error;
        },
      }) as unknown as (key: string, values?: Record<string, string | number>) => string;
      const f = timelineFormat(locale);
      for (const event of everyEvent()) {
        const sentence = timelineSentence(event, t, f);
        expect(sentence, `${event.kind}`).not.toMatch(/[A-Z]{2,}_|\b(PASS|FAIL|SELF|UNIT|CREATED|SICK)\b|\{|\}/);
        expect(timelineWhen(event, f).length).toBeGreaterThan(0);
      }
      expect(timelineSentence({ ...base, kind: "payment", isCalendarDay: true, month: "2026-05", count: 2, amountFen: 1_234_567 }, t, f)).toContain("12,345.67");
    });
  }
});
