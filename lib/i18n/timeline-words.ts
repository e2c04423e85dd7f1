import { formatYuan } from "../domain/money";
import { timeZone, type Locale } from "./config";
import type { TimelineEvent } from "../domain/doctor-timeline";

// A timeline entry in words, the same for the page, the printed sheet and the API's `summary`: the
// translator is next-intl's (getTranslations() on a page, createTranslator in a route), rooted at the
// catalogue's top so the entry can borrow the areas' own words (stages, outcomes, leave kinds …).

type Translate = (key: string, values?: Record<string, string | number>) => string;

export interface TimelineFormat {
  /** A calendar day (stored as UTC midnight), never shifted. */
  day: (d: Date) => string;
  /** A moment, in Beijing time. */
  moment: (d: Date) => string;
  month: (month: string) => string;
}

export function timelineFormat(locale: Locale): TimelineFormat {
  const day = new Intl.DateTimeFormat(locale, { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
  const moment = new Intl.DateTimeFormat(locale, { year: "numeric", month: "long", day: "numeric", hour: "2-digit", minute: "2-digit", hour12: false, timeZone });
  const month = new Intl.DateTimeFormat(locale, { year: "numeric", month: "long", timeZone: "UTC" });
  return {
    day: (d) => day.format(d),
    moment: (d) => moment.format(d),
    month: (m) => month.format(new Date(`${m}-01T00:00:00Z`)),
  };
}

/** When the entry happened, as the reader reads dates. */
export function timelineWhen(event: TimelineEvent, f: TimelineFormat): string {
  if (event.kind === "logs" || event.kind === "payment") return f.month(event.month);
  return event.isCalendarDay ? f.day(event.at) : f.moment(event.at);
}

/** What happened, in one sentence (the programme is shown beside it). */
export function timelineSentence(event: TimelineEvent, t: Translate, f: TimelineFormat): string {
  switch (event.kind) {
    case "application":
      return event.source === "SELF" ? t("timeline.sentence.registered", { post: event.postTitle }) : t("timeline.sentence.nominated", { org: event.nominatingOrgName, post: event.postTitle });
    case "decision": {
      const outcome = event.stage === "REGISTRATION" ? t(`applications.detail.history.registration.${event.source}.${event.outcome}`) : t(`decisionOutcome.${event.outcome}`);
      const base = t("timeline.sentence.decision", { stage: t(`stage.${event.stage}`), outcome, post: event.postTitle });
      return event.reason ? t("timeline.sentence.withReason", { text: base, reason: event.reason }) : base;
    }
    case "notice":
      return t("timeline.sentence.notice", { start: f.day(event.startDate), end: f.day(event.endDate) });
    case "dispatch": {
      const what = t(`dispatches.eventKind.${event.event}`);
      const base =
        event.toLastDay && (event.event === "EXTENDED" || event.event === "LAST_DAY_MOVED" || event.event === "TERMINATED")
          ? t("timeline.sentence.dispatchLastDay", { what, org: event.receivingOrgName, lastDay: f.day(event.toLastDay) })
          : t("timeline.sentence.dispatch", { what, org: event.receivingOrgName });
      return event.reason ? t("timeline.sentence.withReason", { text: base, reason: event.reason }) : base;
    }
    case "leave":
      return t("timeline.sentence.leave", { kind: t(`leave.kinds.${event.leaveKind}`), days: event.days, start: f.day(event.startDate), end: f.day(event.endDate), status: t(`leave.status.${event.status}`) });
    case "absence":
      return t("timeline.sentence.absence", { source: t(`leave.sources.${event.source}`), start: f.day(event.startDate), end: f.day(event.endDate) });
    case "logs":
      return t("timeline.sentence.logs", { count: event.count, outpatients: event.outpatients, operations: event.operations });
    case "assessment":
      return event.assessed && event.grade
        ? t("timeline.sentence.assessment", { year: event.year, grade: t(`evaluations.grade.${event.grade}`) })
        : t("timeline.sentence.notAssessed", { year: event.year, days: event.servedDays });
    case "serviceEvaluation":
      return t("timeline.sentence.serviceEvaluation", { result: t(`evaluations.service.result.${event.result}`) });
    case "payment":
      return t("timeline.sentence.payment", { count: event.count, amount: formatYuan(event.amountFen) });
  }
}
