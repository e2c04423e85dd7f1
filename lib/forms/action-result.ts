// What a form receives back from its action, whatever the area: next-safe-action's result, read
// into one shape the form can show (field errors onto the fields, a sentence for the rest).
import type { ActionServerError } from "../server/action-client";

export type FormFeedback = { ok: true } | { ok: false; errorCode: ActionServerError["code"]; fieldErrors: Record<string, string[]> };

export function readActionResult(result: {
  serverError?: ActionServerError;
  validationErrors?: { formErrors?: string[]; fieldErrors?: Record<string, string[] | undefined> } | Record<string, unknown>;
}): FormFeedback {
  if (result.serverError) return { ok: false, errorCode: result.serverError.code, fieldErrors: {} };
  if (result.validationErrors) {
    const raw = (result.validationErrors as { fieldErrors?: Record<string, string[] | undefined> }).fieldErrors ?? {};
    const fieldErrors = Object.fromEntries(Object.entries(raw).filter((e): e is [string, string[]] => Array.isArray(e[1])));
    return { ok: false, errorCode: "validation", fieldErrors };
  }
  return { ok: true };
}
