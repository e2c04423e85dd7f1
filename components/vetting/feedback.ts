// A vetting action's refusal in words from the "vetting.errors" catalogue: the use case's own reason
// (capExceeded, wrongStage…) with the values it sent (cap, passed, adding, doctor), else the
// sentence for its code. Field errors name catalogue keys too.
import type { ActionServerError } from "@/lib/server/action-client";
import type { ErrorTranslator } from "@/components/programs/feedback";

export function vettingErrorText(t: ErrorTranslator, error: ActionServerError | undefined): string {
  const values = error?.details ?? {};
  if (error?.message && t.has(`errors.${error.message}`)) return t(`errors.${error.message}`, values);
  const code = error?.code ?? "generic";
  return t.has(`errors.${code}`) ? t(`errors.${code}`) : t("errors.generic");
}

/** A field error's key (e.g. "closesInPast") in words. */
export function vettingFieldText(t: ErrorTranslator, key: string | undefined): string | undefined {
  if (!key) return undefined;
  return t.has(`errors.${key}`) ? t(`errors.${key}`) : t("errors.invalid");
}
