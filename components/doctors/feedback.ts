// Turns a doctor action's result into words from the "doctors.errors" catalogue: the use case's own
// reason when it gave one, else the sentence for its code.
import type { ActionServerError } from "@/lib/server/action-client";

export type ErrorTranslator = ((key: string, values?: Record<string, string | number>) => string) & { has: (key: string) => boolean };

export function errorText(t: ErrorTranslator, key: string | undefined, area = "errors"): string {
  if (key && t.has(`${area}.${key}`)) return t(`${area}.${key}`);
  return t(`${area}.invalid`);
}

export function serverErrorText(t: ErrorTranslator, error: ActionServerError | undefined, area = "errors"): string {
  if (error?.message && t.has(`${area}.${error.message}`)) return t(`${area}.${error.message}`);
  const code = error?.code ?? "generic";
  return t.has(`${area}.${code}`) ? t(`${area}.${code}`) : t(`${area}.generic`);
}
