// A work-log or mentoring action's result in words from the "worklogs.errors" catalogue: the field
// errors per field, and the form's sentence (the use case's own reason, else its code's).
import type { ErrorTranslator } from "@/components/programs/feedback";
import { fieldErrorsOf } from "@/components/programs/feedback";
import type { ActionServerError } from "@/lib/server/action-client";

export interface Feedback {
  fields: Record<string, string>;
  form: string | null;
}

function text(t: ErrorTranslator, key: string | undefined, fallback: string): string {
  return key && t.has(`errors.${key}`) ? t(`errors.${key}`) : t(`errors.${fallback}`);
}

/** A log's period refusal keyed "tooLong" reads as the 7-day rule, not the text-length one. */
const PERIOD_KEYS: Record<string, string> = { tooLong: "tooLong7" };

export function feedbackOf(t: ErrorTranslator, result: { validationErrors?: unknown; serverError?: ActionServerError } | undefined): Feedback {
  const raw = fieldErrorsOf(result);
  const fields: Record<string, string> = {};
  for (const [field, key] of Object.entries(raw)) {
    const periodKey = field === "periodEnd" || field === "periodStart" ? PERIOD_KEYS[key] : undefined;
    fields[field] = text(t, periodKey ?? key, "invalid");
  }
  // next-safe-action reports nested paths (teaching.MENTORING) under their top-level field.
  if (Object.keys(fields).length > 0) return { fields, form: t("errors.validation") };
  const error = result?.serverError;
  return { fields, form: text(t, error?.message && t.has(`errors.${error.message}`) ? error.message : error?.code, "generic") };
}
