import { z } from "zod";
import { ATTACHMENT_KINDS } from "../domain/attachments";
import { STAGE_KINDS } from "../domain/program-timeline";

// The documents each stage of a programme requires (lib/domain/required-documents.ts): the programme
// page's checklist, the API's PUT /programs/{id}/required-documents, and the use case. Messages are
// catalogue keys of programsAdmin.errors.

const stageDocuments = z.object({
  stage: z.enum(STAGE_KINDS, { error: "stageRequired" }),
  kinds: z.array(z.enum(ATTACHMENT_KINDS, { error: "invalid" }), { error: "invalid" }).max(ATTACHMENT_KINDS.length, "invalid"),
});

const requiredDocumentsFields = {
  stages: z
    .array(stageDocuments, { error: "invalid" })
    .max(STAGE_KINDS.length, "invalid")
    .superRefine((stages, ctx) => {
      const seen = new Set<string>();
      stages.forEach((s, index) => {
        if (seen.has(s.stage)) ctx.addIssue({ code: "custom", path: [index, "stage"], message: "duplicateStage" });
        seen.add(s.stage);
      });
    }),
};

/** The API's body: every stage's checklist; a stage left out requires nothing. */
export const requiredDocumentsBodySchema = z.object(requiredDocumentsFields);

export const requiredDocumentsSchema = z.object({ programId: z.string({ error: "invalid" }).trim().min(1, "required").max(64, "invalid"), ...requiredDocumentsFields });
export type RequiredDocumentsInput = z.input<typeof requiredDocumentsSchema>;
