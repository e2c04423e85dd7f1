// A work-log or mentoring action's result in words from the "worklogs.errors" catalogue: the field
// errors per field, and the form's sentence (the use case's own reason, else its code's).
import { errorText, fieldErrorsOf, serverErrorText, type ActionResult, type ErrorTranslator, type Feedback } from "@/lib/forms/feedback";

export type { Feedback };

/** A log's period refusal keyed "tooLong" reads as the 7-day rule, not the text-length one. */
const PERIOD_KEYS: Record<string, string> = { tooLong: "tooLong7" };

/** As lib/forms/feedback.ts reads any result, but with the fields already in words (the period rule named as such). */
export function feedbackOf(t: ErrorTranslator, result: ActionResult): Feedback {
  const raw = fieldErrorsOf(result);
  const fields: Record<string, string> = {};
  for (const [field, key] of Object.entries(raw)) {
    const periodKey = field === "periodEnd" || field === "periodStart" ? PERIOD_KEYS[key] : undefined;
    fields[field] = errorText(t, periodKey ?? key);
  }
  if (Object.keys(fields).length > 0) return { fields, form: t("errors.validation") };
  return { fields, form: serverErrorText(t, result?.serverError) };
}
