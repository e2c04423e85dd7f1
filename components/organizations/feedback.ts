// Turns an organisation action's result into words from the "organizations.errors" catalogue: the
// use case's own reason (e.g. hasActiveChildren) when it gave one, else the sentence for its code.
import type { ActionServerError } from "@/lib/server/action-client";

export type ErrorTranslator = ((key: string) => string) & { has: (key: string) => boolean };

export function errorText(t: ErrorTranslator, key: string | undefined): string {
  if (key && t.has(`errors.${key}`)) return t(`errors.${key}`);
  return t("errors.invalid");
}

export function serverErrorText(t: ErrorTranslator, error: ActionServerError | undefined): string {
  if (error?.message && t.has(`errors.${error.message}`)) return t(`errors.${error.message}`);
  const code = error?.code ?? "generic";
  return t.has(`errors.${code}`) ? t(`errors.${code}`) : t("errors.generic");
}
