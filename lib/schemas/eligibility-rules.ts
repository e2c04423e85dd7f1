import { z } from "zod";
import { ruleTreeSchema } from "./eligibility";

// Inputs of the rule builder (issue 4): saving a rule of a programme (programme-wide or for one of
// its posts), deleting one, and previewing an unsaved tree against a doctor. The tree itself is
// validated by the shared ruleTreeSchema, on the client and again on the server.

const id = z.string().trim().min(1, "required").max(40, "tooLong");

export const saveRuleSchema = z.object({
  /** Absent when creating. */
  id: id.optional(),
  programId: id,
  /** "" or absent: the rule applies to every post of the programme. */
  postId: z.union([id, z.literal("")]).optional(),
  name: z.string().trim().min(1, "required").max(200, "tooLong"),
  /** When editing: the version the editor loaded; a newer one on the server means someone else saved first. */
  version: z.number().int().min(1).optional(),
  tree: ruleTreeSchema,
});
export type SaveRuleInput = z.input<typeof saveRuleSchema>;

/** A rule to delete; with programId (the API's path), a rule of another programme is not found. */
export const ruleIdSchema = z.object({ id, programId: id.optional() });

export const doctorSearchSchema = z.object({ q: z.string().trim().min(1, "required").max(50, "tooLong") });

export const previewRuleSchema = z.object({
  programId: id,
  postId: z.union([id, z.literal("")]).optional(),
  doctorId: id,
  tree: ruleTreeSchema,
});
export type PreviewRuleInput = z.input<typeof previewRuleSchema>;

/** Catalogue keys (rules.errors.*) for the schema's complaints, so that the client and the server say the same. */
export function issueKey(issue: z.core.$ZodIssue): string {
  if (issue.code === "custom" && (issue.message === "ruleTooDeep" || issue.message === "ruleTooLarge")) return issue.message;
  if (issue.message === "required" || issue.message === "tooLong") return issue.message;
  switch (issue.code) {
    case "too_small":
      return issue.origin === "array" ? "emptyList" : issue.origin === "string" ? "required" : "tooSmall";
    case "too_big":
      return issue.origin === "array" ? "tooMany" : issue.origin === "string" ? "tooLong" : "tooBig";
    case "invalid_format":
      return "invalidDate";
    case "invalid_type":
      return issue.expected === "number" ? "required" : "invalid";
    default:
      return "invalid";
  }
}
