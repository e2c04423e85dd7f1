// Reads a next-safe-action result into what the accounts forms show: field errors (catalogue keys of
// users.errors) and one sentence for the rest.
import { readActionResult, type FormFeedback } from "@/lib/forms/action-result";
import type { ActionServerError } from "@/lib/server/action-client";

type Result = Parameters<typeof readActionResult>[0];

export type UsersFeedback = FormFeedback & { formErrorKey?: string };

export function readUsersResult(result: Result): UsersFeedback {
  const feedback = readActionResult(result);
  const formErrors = (result.validationErrors as { formErrors?: string[] } | undefined)?.formErrors;
  return formErrors?.length && !feedback.ok ? { ...feedback, formErrorKey: formErrors[0] } : feedback;
}

/** The catalogue key (users.errors.* for field keys, errors.* for codes) of a failure without a field. */
export function errorCodeKey(code: ActionServerError["code"]): "errors.generic" | "errors.forbidden" | "errors.notFound" | "errors.validation" {
  if (code === "forbidden" || code === "notFound" || code === "validation") return `errors.${code}`;
  return "errors.generic";
}
