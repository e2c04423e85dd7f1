import { createTranslator } from "next-intl";
import { NextResponse } from "next/server";
import { localeOfAcceptLanguage } from "@/lib/api/error-text";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { timeZone } from "@/lib/i18n/config";
import { loadMessages } from "@/lib/i18n/messages";
import { apiRoute } from "@/lib/server/api-route";
import { doctorTimeline, type TimelineEvent } from "@/lib/server/doctor-timeline";
import { timelineFormat, timelineSentence, timelineWhen } from "@/lib/i18n/timeline-words";

type Params = { doctorId: string };

const dayString = (d: Date) => d.toISOString().slice(0, 10);

/** The record's own fields of an entry, as JSON: dates as calendar days, the rest as they are. */
function detailsOf(event: TimelineEvent): Record<string, string | number | boolean | null> {
  const skip = new Set(["key", "at", "isCalendarDay", "kind", "programName", "href"]);
  const details: Record<string, string | number | boolean | null> = {};
  for (const [name, value] of Object.entries(event)) {
    if (skip.has(name)) continue;
    details[name] = value instanceof Date ? dayString(value) : (value as string | number | boolean | null);
  }
  return details;
}

// One doctor's timeline across programmes and years, scoped as his page is (lib/server/doctor-timeline.ts).
export const GET = apiRoute<Params>({ permission: operations.getDoctorTimeline.permission }, async ({ request, scope, params }) => {
  const locale = localeOfAcceptLanguage(request.headers.get("accept-language"));
  const [timeline, messages] = await Promise.all([doctorTimeline(prisma, scope, params.doctorId), loadMessages(locale)]);
  // Keys are built from the entry's kind and codes (timeline.kind.leave, programs.stage.INSPECTION).
  const t = createTranslator({ locale, messages, timeZone }) as unknown as (key: string, values?: Record<string, string | number>) => string;
  const f = timelineFormat(locale);
  return NextResponse.json({
    doctor: timeline.doctor,
    events: timeline.events.map((e) => ({
      key: e.key,
      kind: e.kind,
      at: e.isCalendarDay ? dayString(e.at) : e.at.toISOString(),
      isCalendarDay: e.isCalendarDay,
      when: timelineWhen(e, f),
      summary: timelineSentence(e, t, f),
      kindLabel: t(`timeline.kind.${e.kind}`),
      programName: e.programName,
      href: e.href,
      details: detailsOf(e),
    })),
  });
});
