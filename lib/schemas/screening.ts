import { z } from "zod";
import { listQuerySchema, strictPageFields } from "./list-query";

// The eligibility screening list of a post: its URL query and the ids of the single-doctor check.
export const verdicts = ["ELIGIBLE", "INELIGIBLE", "UNKNOWN"] as const;

const id = z.string().trim().min(1).max(40);

/** The screening page's search params: verdict tab, unit filter, name search, page. Bad values are dropped. */
export const screeningQuerySchema = listQuerySchema.extend({
  verdict: z.enum(verdicts).optional().catch(undefined),
  unitId: id.optional().catch(undefined),
});
/** GET /api/v1/posts/{postId}/screening: the same, a page or page size it does not know refused (422). */
export const screeningApiQuerySchema = screeningQuerySchema.extend(strictPageFields);
export type ScreeningQuery = z.infer<typeof screeningQuerySchema>;

/** The tab the page opens on (and the export takes) when the URL names none: 符合; verdict=all shows everyone. */
export const DEFAULT_VERDICT = "ELIGIBLE" satisfies (typeof verdicts)[number];
export const SHOW_ALL = "all";

/** The screening page's (and its export's) query from the URL's params: no verdict means the default tab. */
export function screeningQueryOf(raw: Record<string, unknown>): ScreeningQuery {
  return screeningQuerySchema.parse(raw.verdict === undefined ? { ...raw, verdict: DEFAULT_VERDICT } : raw);
}

export const screenPostSchema = screeningQuerySchema.extend({ postId: id });
export type ScreenPostInput = z.input<typeof screenPostSchema>;
export type ScreenPostQuery = z.infer<typeof screenPostSchema>;

export const evaluateDoctorForPostSchema = z.object({ postId: id, doctorId: id });
export type EvaluateDoctorForPostInput = z.input<typeof evaluateDoctorForPostSchema>;
