import { z } from "zod";
import { listQuerySchema } from "./list-query";

// The eligibility screening list of a post: its URL query and the ids of the single-doctor check.
export const verdicts = ["ELIGIBLE", "INELIGIBLE", "UNKNOWN"] as const;

const id = z.string().trim().min(1).max(40);

/** The screening page's search params: verdict tab, unit filter, name search, page. Bad values are dropped. */
export const screeningQuerySchema = listQuerySchema.extend({
  verdict: z.enum(verdicts).optional().catch(undefined),
  unitId: id.optional().catch(undefined),
});
export type ScreeningQuery = z.infer<typeof screeningQuerySchema>;

export const screenPostSchema = screeningQuerySchema.extend({ postId: id });
export type ScreenPostInput = z.input<typeof screenPostSchema>;

export const evaluateDoctorForPostSchema = z.object({ postId: id, doctorId: id });
export type EvaluateDoctorForPostInput = z.input<typeof evaluateDoctorForPostSchema>;
