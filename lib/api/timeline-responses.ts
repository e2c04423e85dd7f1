import { z } from "zod";
import { TIMELINE_KINDS } from "../domain/doctor-timeline";

// What GET /api/v1/doctors/{doctorId}/timeline answers (lib/api/openapi.ts): the entries in words in
// the caller's language (Accept-Language) for people, and the record's own fields for programs.

const detailValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const timelineEventSchema = z.object({
  key: z.string().meta({ description: "Stable within the timeline: the record's id, or dispatch and month for a month's total" }),
  kind: z.enum(TIMELINE_KINDS),
  at: z.string().meta({ description: "A calendar day YYYY-MM-DD when isCalendarDay (a leave's first day, a month's first day), else an ISO 8601 moment" }),
  isCalendarDay: z.boolean(),
  when: z.string().meta({ description: "The date in words, in the caller's language (moments in Beijing time)" }),
  summary: z.string().meta({ description: "What happened, in one sentence in the caller's language" }),
  kindLabel: z.string().meta({ description: "The kind in words" }),
  programName: z.string().nullable(),
  href: z.string().meta({ description: "The app's page of the record (path)" }),
  details: z.record(z.string(), detailValue).meta({ description: "The record's own fields: codes of enumerations (stage, outcome, leave kind …), calendar days YYYY-MM-DD, amounts in fen" }),
});

export const doctorTimelineSchema = z
  .object({
    doctor: z.object({ id: z.string(), name: z.string(), employerName: z.string(), department: z.string().nullable() }),
    events: z.array(timelineEventSchema).meta({ description: "Oldest first" }),
  })
  .meta({ id: "DoctorTimeline" });
