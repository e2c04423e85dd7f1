import { z } from "zod";

// The hand-over packet (交接): what the doctor leaves to the successor and the receiving unit. One
// schema per use case, shared by the form, the server and the OpenAPI document; messages are keys of
// the "handover" namespace's errors.

const noNul = (v: string) => !v.includes("\u0000");
const id = z.string({ error: "invalid" }).trim().min(1, "required").max(64, "invalid");
/** One section of the packet: free text, lines as the doctor writes them; may be left empty while a draft. */
const section = z.string({ error: "invalid" }).trim().max(4000, "tooLong").refine(noNul, "invalid").default("");
const version = z.number({ error: "invalid" }).int("invalid").min(0, "invalid").max(2_147_483_647, "invalid");

export const HANDOVER_SECTIONS = ["openCases", "mentees", "projects", "contacts"] as const;
export type HandoverSection = (typeof HANDOVER_SECTIONS)[number];

export const handoverFields = z.object({
  openCases: section,
  mentees: section,
  projects: section,
  contacts: section,
  notes: z
    .string({ error: "invalid" })
    .trim()
    .max(2000, "tooLong")
    .refine(noNul, "invalid")
    .nullish()
    .transform((v) => (v ? v : null)),
  /** The packet's version the doctor started from; 0 when there is none yet. */
  version,
  /** Submit it to the successor and the receiving unit (true), or keep it a draft (false). */
  submit: z.boolean({ error: "invalid" }).default(false),
});

/** A submitted packet says something in every section ("无" is an answer; an empty box is not). */
export const saveHandoverSchema = handoverFields
  .extend({ dispatchId: id })
  .superRefine((v, ctx) => {
    if (!v.submit) return;
    for (const s of HANDOVER_SECTIONS) if (!v[s]) ctx.addIssue({ code: "custom", path: [s], message: "sectionRequired" });
  });
export type SaveHandoverInput = z.input<typeof saveHandoverSchema>;

export const readHandoverSchema = z.object({ dispatchId: id });
