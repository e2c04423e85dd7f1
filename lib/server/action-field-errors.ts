import "server-only";
import { returnValidationErrors } from "next-safe-action";
import type { z } from "zod";
import { isAppError } from "../errors";

export interface FieldErrorOptions {
  /** "_form" errors become the form's own errors (validationErrors.formErrors) instead of a field's. */
  formKey?: "_form";
}

/**
 * Runs a use case inside a server action; a field error it throws (a name already taken, an ID
 * number already registered…) goes back to the form exactly like the schema's own field errors.
 */
export async function withFieldErrors<T>(schema: z.ZodType, run: () => Promise<T>, options: FieldErrorOptions = {}): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isAppError(error) && error.fieldErrors) {
      const formatted: Record<string, { _errors: string[] } | string[]> = {};
      for (const [field, messages] of Object.entries(error.fieldErrors)) {
        if (options.formKey && field === options.formKey) {
          formatted._errors = [...((formatted._errors as string[] | undefined) ?? []), ...messages];
          continue;
        }
        // The full dotted path ("stages.0.closesAt"): lib/forms/feedback.ts finds it under "stages" too.
        const entry = (formatted[field] ??= { _errors: [] }) as { _errors: string[] };
        entry._errors.push(...messages);
      }
      returnValidationErrors(schema, formatted as never);
    }
    throw error;
  }
}
