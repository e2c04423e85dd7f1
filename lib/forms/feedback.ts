// What a form receives back from its action, in words: the one place an action result (next-safe-
// action's `{ data, serverError, validationErrors }`) becomes field errors and the form's sentence.
// Every area reads it the same way; only the message namespace differs ("doctors", "leave", …,
// whose `errors.*` keys hold the words):
//
//   const { read, say } = useFeedback("leave");          // a client component
//   const { fields, form } = read(result);               // fields: full dotted path → catalogue key
//   <Field error={say(fields.startDate)} />  <FormMessages error={form} />
//
// Field errors are keyed by the full dotted path of the value (`titles.1.specialty`), as the use-case
// kit reports them (lib/schemas/field-errors.ts); react-hook-form's setError takes the same paths.
// For forms built on react-hook-form, lib/forms/use-action-form.ts wires this in.
import { useFormatter, useTranslations } from "next-intl";
import type { ActionServerError } from "../server/action-client";

/** A translator (next-intl's `t`) seen through the keys it has: how the catalogue lookups below take it. */
export type ErrorTranslator = ((key: string, values?: Record<string, string | number>) => string) & { has: (key: string) => boolean };

/** Any action's result as the forms receive it. */
export type ActionResult = { data?: unknown; serverError?: ActionServerError; validationErrors?: unknown } | undefined;

/** A value the use case sent along with its refusal (a deadline, a day) in the reader's words; undefined leaves it as sent. */
export type DetailFormatter = (name: string, value: string) => string | undefined;

type RawValidation = { fieldErrors?: Record<string, string[] | undefined>; formErrors?: string[] } | undefined;

/**
 * The first error (a catalogue key) per field, keyed by the field's full dotted path
 * (`stages.0.closesAt`) and, when nothing is reported there itself, under its first segment too
 * (`stages`): a form that shows one message per list finds it there, one that shows it per row finds
 * it at the full path.
 */
export function fieldErrorsOf(result: ActionResult): Record<string, string> {
  const raw = (result?.validationErrors as RawValidation)?.fieldErrors ?? {};
  const fields: Record<string, string> = {};
  for (const [field, messages] of Object.entries(raw)) {
    const first = messages?.[0];
    if (!first) continue;
    fields[field] ??= first;
    fields[field.split(".")[0]!] ??= first;
  }
  return fields;
}

/**
 * Where a refusal's field errors go on a form that shows `shown` (top-level field names): each on its
 * field at its full dotted path (`titles.1.specialty`, as react-hook-form names fields), or, for a
 * field the form does not show (a hidden id, `_form`), the first such key for the form's sentence;
 * with the input's own complaint (formErrors) beside.
 */
export function placeFieldErrors(result: ActionResult, shown: readonly string[]): { onFields: [path: string, key: string][]; elsewhere?: string; formKey?: string } {
  const raw = result?.validationErrors as RawValidation;
  const onFields: [string, string][] = [];
  let elsewhere: string | undefined;
  for (const [field, keys] of Object.entries(raw?.fieldErrors ?? {})) {
    const key = keys?.[0];
    if (!key) continue;
    if (shown.includes(field.split(".")[0]!)) onFields.push([field, key]);
    else elsewhere ??= key;
  }
  const formKey = raw?.formErrors?.[0];
  return { onFields, ...(elsewhere ? { elsewhere } : {}), ...(formKey ? { formKey } : {}) };
}

/** A field error's catalogue key in words (`<area>.<key>`), or the area's "invalid" sentence for a key it does not know. */
export function errorText(t: ErrorTranslator, key: string | undefined, area = "errors"): string {
  if (key && t.has(`${area}.${key}`)) return t(`${area}.${key}`);
  return t(`${area}.invalid`);
}

/** As errorText, but nothing for no key: what a field shows under itself. */
export function fieldText(t: ErrorTranslator, key: string | undefined, area = "errors"): string | undefined {
  return key ? errorText(t, key, area) : undefined;
}

function detailValues(error: ActionServerError | undefined, formatDetail?: DetailFormatter): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(error?.details ?? {})) values[name] = formatDetail?.(name, value) ?? value;
  return values;
}

/**
 * A refusal without a field in words: the use case's own reason (e.g. noPosts, capExceeded) with the
 * values it sent, else the sentence for its code, else "generic".
 */
export function serverErrorText(t: ErrorTranslator, error: ActionServerError | undefined, options: { area?: string; formatDetail?: DetailFormatter } = {}): string {
  const area = options.area ?? "errors";
  // A stale edit's `fields` (comma-separated field names, issue 12) in the area's words.
  const fieldNames: DetailFormatter = (name, value) =>
    name === "fields" ? value.split(",").filter(Boolean).map((f) => (t.has(`${area}.fieldNames.${f}`) ? t(`${area}.fieldNames.${f}`) : f)).join(t.has(`${area}.fieldSeparator`) ? t(`${area}.fieldSeparator`) : "、") || "—" : options.formatDetail?.(name, value);
  if (error?.message && t.has(`${area}.${error.message}`)) return t(`${area}.${error.message}`, detailValues(error, fieldNames));
  const code = error?.code ?? "generic";
  return t.has(`${area}.${code}`) ? t(`${area}.${code}`) : t(`${area}.generic`);
}

/** What a form shows after its action: the field errors (catalogue keys by path) and one sentence, null on success. */
export interface Feedback {
  fields: Record<string, string>;
  form: string | null;
}

/**
 * The result in the namespace's words: field errors (keys; `say` puts one in words) with the
 * sentence "correct the fields shown" (or the form-level key), else the server's reason.
 */
export function feedbackOf(t: ErrorTranslator, result: ActionResult, formatDetail?: DetailFormatter): Feedback {
  if (result && "data" in result && result.data !== undefined) return { fields: {}, form: null };
  const fields = fieldErrorsOf(result);
  const formKey = (result?.validationErrors as RawValidation)?.formErrors?.[0];
  if (Object.keys(fields).length || formKey) return { fields, form: formKey && t.has(`errors.${formKey}`) ? t(`errors.${formKey}`) : t("errors.validation") };
  return { fields, form: serverErrorText(t, result?.serverError, { formatDetail }) };
}

/**
 * The feedback of one message namespace, for a client component: `t` (the namespace), `say` (a
 * field's key in words, with values) and `read` (an action result → Feedback).
 */
export function useFeedback(namespace: string, formatDetail?: (format: ReturnType<typeof useFormatter>) => DetailFormatter) {
  const t = useTranslations(namespace) as unknown as ErrorTranslator;
  const format = useFormatter();
  const formatter = formatDetail?.(format);
  return {
    t,
    say: (key: string | undefined, values: Record<string, string> = {}) => (key && t.has(`errors.${key}`) ? t(`errors.${key}`, values) : t("errors.invalid")),
    read: (result: ActionResult): Feedback => feedbackOf(t, result, formatter),
    serverError: (error: ActionServerError | undefined) => serverErrorText(t, error, { formatDetail: formatter }),
  };
}

/**
 * Places a result's field errors on a react-hook-form form (focusing the first) and returns the form's
 * sentence: "validation" when a field took the blame, else the server's reason.
 */
export function placeServerErrors<F extends string>(
  t: ErrorTranslator,
  result: ActionResult,
  fields: readonly F[],
  setError: (field: F, error: { type: string; message: string }, options: { shouldFocus: boolean }) => void,
  formatDetail?: DetailFormatter,
): string {
  let placed = false;
  for (const [field, message] of Object.entries(fieldErrorsOf(result))) {
    if (!fields.includes(field as F)) continue;
    setError(field as F, { type: "server", message }, { shouldFocus: !placed });
    placed = true;
  }
  return placed ? t("errors.validation") : serverErrorText(t, result?.serverError, { formatDetail });
}

// ─── The shape some forms keep in state (accounts, rules): ok, or the code and the field errors ───

export type FormFeedback = { ok: true } | { ok: false; errorCode: ActionServerError["code"]; fieldErrors: Record<string, string[]>; formErrorKey?: string };

export function readActionResult(result: { serverError?: ActionServerError; validationErrors?: unknown }): FormFeedback {
  if (result.serverError) return { ok: false, errorCode: result.serverError.code, fieldErrors: {} };
  if (result.validationErrors) {
    const raw = result.validationErrors as RawValidation;
    const fieldErrors = Object.fromEntries(Object.entries(raw?.fieldErrors ?? {}).filter((e): e is [string, string[]] => Array.isArray(e[1])));
    const formErrorKey = raw?.formErrors?.[0];
    return { ok: false, errorCode: "validation", fieldErrors, ...(formErrorKey ? { formErrorKey } : {}) };
  }
  return { ok: true };
}

/** The catalogue key (errors.*) of a failure without a field. */
export function errorCodeKey(code: ActionServerError["code"]): "errors.generic" | "errors.forbidden" | "errors.notFound" | "errors.validation" {
  if (code === "forbidden" || code === "notFound" || code === "validation") return `errors.${code}`;
  return "errors.generic";
}

/**
 * The query parameter a form leaves on the page when its own success line would vanish with it (a
 * filed week's log replaces the form that filed it): the page's DoneNotice shows the line instead.
 */
export const DONE_PARAM = "done";

/** The page's address with the success mark for `what` (e.g. "worklog"), other parameters kept. */
export function withDone(pathname: string, search: string, what: string): string {
  const params = new URLSearchParams(search);
  params.set(DONE_PARAM, what);
  return `${pathname}?${params}`;
}
