import type { z } from "zod";

// zod issues → field errors, the one way: keyed by the offending value's full dotted path
// (`titles.1.specialty`), `_form` for the input as a whole; each message a catalogue key, once.
// Pure (no server code), so a client form can read its own schema's complaints the same way the
// server reports them. The use-case kit (lib/server/kit.ts) re-exports it.

/** Field errors keyed by the dotted path of the offending value (`items.0.amount`), `_form` for the whole input. */
export type FieldErrors = Record<string, string[]>;

/** The catalogue key of one zod issue: its message unless a schema says otherwise (see lib/schemas/eligibility-rules.ts). */
export type IssueKey = (issue: z.core.$ZodIssue) => string;

const messageOf: IssueKey = (issue) => issue.message;

export function fieldErrorsOf(error: z.ZodError, keyOf: IssueKey = messageOf): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.length ? issue.path.map(String).join(".") : "_form";
    const key = keyOf(issue);
    const list = (fieldErrors[field] ??= []);
    if (!list.includes(key)) list.push(key);
  }
  return fieldErrors;
}
