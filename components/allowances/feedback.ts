"use client";

import { useTranslations } from "next-intl";
import type { ActionServerError } from "@/lib/server/action-client";

type ActionResult = { serverError?: ActionServerError; validationErrors?: unknown } | undefined;

/**
 * An allowance action's refusal in words from "allowances.errors": the first problem per field (as a
 * catalogue key; say() puts it in words), and the form's sentence — the use case's own reason with
 * its values (who, which item, which voucher), else the sentence for its code.
 */
export function useAllowanceFeedback() {
  const t = useTranslations("allowances.errors");
  const say = (key: string | undefined, values: Record<string, string> = {}) => (key && t.has(key) ? t(key as "invalid", values) : t("invalid"));
  return {
    say,
    read(result: ActionResult): { fields: Record<string, string>; form: string | null } {
      const raw = (result?.validationErrors as { fieldErrors?: Record<string, string[] | undefined>; formErrors?: string[] } | undefined) ?? {};
      const fields = Object.fromEntries(Object.entries(raw.fieldErrors ?? {}).flatMap(([field, keys]) => (keys?.[0] ? [[field, keys[0]]] : [])));
      const formKey = raw.formErrors?.[0];
      if (Object.keys(fields).length || formKey) return { fields, form: formKey && t.has(formKey) ? say(formKey) : t("validation") };
      const error = result?.serverError;
      if (error?.message && t.has(error.message)) return { fields: {}, form: t(error.message as "invalid", error.details ?? {}) };
      const code = error?.code ?? "generic";
      return { fields: {}, form: t.has(code) ? t(code as "generic") : t("generic") };
    },
  };
}
