// An evaluation action's refusal in words from the "evaluations.errors" catalogue: the use case's own
// reason (quotaExceeded, alreadySubmitted…) with the values it sent (doctor, quota, over, ranking),
// else the sentence for its code. Field errors name catalogue keys too.
import type { ErrorTranslator } from "@/components/programs/feedback";
import type { ActionServerError } from "@/lib/server/action-client";

export function evaluationErrorText(t: ErrorTranslator, error: ActionServerError | undefined): string {
  const values = error?.details ?? {};
  if (error?.message && t.has(`errors.${error.message}`)) return t(`errors.${error.message}`, values);
  const code = error?.code ?? "generic";
  return t.has(`errors.${code}`) ? t(`errors.${code}`) : t("errors.generic");
}

export function evaluationFieldText(t: ErrorTranslator, key: string | undefined): string | undefined {
  if (!key) return undefined;
  return t.has(`errors.${key}`) ? t(`errors.${key}`) : t("errors.invalid");
}

/** Every field error of a next-safe-action result, by its full path ("points.2"). */
export function allFieldErrors(result: { validationErrors?: unknown } | undefined): Record<string, string> {
  const raw = (result?.validationErrors as { fieldErrors?: Record<string, string[] | undefined> } | undefined)?.fieldErrors ?? {};
  return Object.fromEntries(Object.entries(raw).flatMap(([field, messages]) => (messages?.[0] ? [[field, messages[0]]] : [])));
}
