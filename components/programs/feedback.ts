// Turns a programme action's result into words from the "programsAdmin.errors" catalogue: the use
// case's own reason (a guard's refusal, e.g. noPosts) when it gave one, else the sentence for its code.
import type { ActionServerError } from "@/lib/server/action-client";

export type ErrorTranslator = ((key: string, values?: Record<string, string | number>) => string) & { has: (key: string) => boolean };

export function errorText(t: ErrorTranslator, key: string | undefined): string {
  if (key && t.has(`errors.${key}`)) return t(`errors.${key}`);
  return t("errors.invalid");
}

export function serverErrorText(t: ErrorTranslator, error: ActionServerError | undefined): string {
  if (error?.message && t.has(`errors.${error.message}`)) return t(`errors.${error.message}`);
  const code = error?.code ?? "generic";
  return t.has(`errors.${code}`) ? t(`errors.${code}`) : t("errors.generic");
}

/** The first field error per top-level field of a next-safe-action result. */
export function fieldErrorsOf(result: { validationErrors?: unknown } | undefined): Record<string, string> {
  const raw = (result?.validationErrors as { fieldErrors?: Record<string, string[] | undefined> } | undefined)?.fieldErrors ?? {};
  return Object.fromEntries(Object.entries(raw).flatMap(([field, messages]) => (messages?.[0] ? [[field, messages[0]]] : [])));
}

/**
 * Places a next-safe-action result's field errors on a react-hook-form form (focusing the first), and
 * returns the form's own sentence: "validation" when a field took the blame, else the server's reason.
 */
export function placeServerErrors<F extends string>(
  t: ErrorTranslator,
  result: { validationErrors?: unknown; serverError?: ActionServerError } | undefined,
  fields: readonly F[],
  setError: (field: F, error: { type: string; message: string }, options: { shouldFocus: boolean }) => void,
): string {
  let placed = false;
  for (const [field, message] of Object.entries(fieldErrorsOf(result))) {
    if (!fields.includes(field as F)) continue;
    setError(field as F, { type: "server", message }, { shouldFocus: !placed });
    placed = true;
  }
  return placed ? t("errors.validation") : serverErrorText(t, result?.serverError);
}
