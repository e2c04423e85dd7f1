import { z } from "zod";
import { STAGE_KINDS } from "../domain/program-timeline";
import { INBOX_KINDS } from "../inbox-labels";

// What GET /api/v1/inbox answers (lib/api/openapi.ts): the caller's to-do inbox (lib/server/inbox.ts).

export const inboxItemSchema = z.object({
  kind: z.enum(INBOX_KINDS).meta({ description: "review (applications at a stage), endorse, objection (to a public notice), leave, workLog (to confirm), returnedLog (to correct), score, payment (allowances due), handover (to read)" }),
  key: z.string().meta({ description: "Unique within the inbox: the kind and what it is grouped by" }),
  count: z.number().int().positive(),
  since: z.iso.datetime().nullable().meta({ description: "When the oldest of them began to wait (UTC)" }),
  deadline: z.iso.datetime().nullable().meta({ description: "The nearest deadline: an instant (UTC), or with deadlineIsDay a calendar day (midnight UTC)" }),
  deadlineIsDay: z.boolean(),
  href: z.string().meta({ description: "The app page where the work is done" }),
  stage: z.enum(STAGE_KINDS).nullable(),
  step: z.enum(["supervisor", "bureau"]).nullable(),
  program: z.string().nullable(),
  year: z.number().int().nullable(),
  amountFen: z.number().int().nullable().meta({ description: "payment: the sum due, in fen" }),
});

export const inboxSchema = z.object({ items: z.array(inboxItemSchema), total: z.number().int() });
