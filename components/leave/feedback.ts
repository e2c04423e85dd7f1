"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { ActionServerError } from "@/lib/server/action-client";
import { DAY_DETAILS, dayAsDate, dayOptions } from "./format";

type ActionResult = { serverError?: ActionServerError; validationErrors?: unknown } | undefined;

export interface LeaveFeedback {
  /** The first error per field, as a catalogue key of "leave.errors" (say() puts it in words). */
  fields: Record<string, string>;
  /** The form's sentence, or null. */
  form: string | null;
}

/**
 * A leave or attendance action's refusal in words from "leave.errors": the use case's own reason
 * with its values (dates formatted in the reader's conventions), else the sentence for its code.
 */
export function useLeaveFeedback() {
  const t = useTranslations("leave.errors");
  const format = useFormatter();
  const say = (key: string | undefined, values: Record<string, string> = {}) => (key && t.has(key) ? t(key as "invalid", values) : t("invalid"));
  return {
    say,
    read(result: ActionResult): LeaveFeedback {
      const raw = (result?.validationErrors as { fieldErrors?: Record<string, string[] | undefined>; formErrors?: string[] } | undefined) ?? {};
      const fields = Object.fromEntries(Object.entries(raw.fieldErrors ?? {}).flatMap(([field, keys]) => (keys?.[0] ? [[field, keys[0]]] : [])));
      if (Object.keys(fields).length) return { fields, form: t("validation") };
      const error = result?.serverError;
      const values: Record<string, string> = {};
      for (const [name, value] of Object.entries(error?.details ?? {})) values[name] = DAY_DETAILS.has(name) ? format.dateTime(dayAsDate(value), dayOptions) : value;
      if (error?.message && t.has(error.message)) return { fields: {}, form: t(error.message as "invalid", values) };
      const code = error?.code ?? "generic";
      return { fields: {}, form: t.has(code) ? t(code as "generic") : t("generic") };
    },
  };
}
