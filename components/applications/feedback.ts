// An application action's refusal in words from the "applications.errors" catalogue, with the values
// the use case sent along (a deadline in Beijing time, a cap): "报名推荐已于2013年11月11日 12:00截止".
import type { ActionServerError } from "@/lib/server/action-client";
import type { ErrorTranslator } from "@/components/programs/feedback";
import { deadlineOptions } from "./instant";

const INSTANTS = new Set(["closesAt", "opensAt"]);

type DateFormatter = (date: Date, options: typeof deadlineOptions) => string;

export function applicationErrorText(t: ErrorTranslator, formatDate: DateFormatter, error: ActionServerError | undefined): string {
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(error?.details ?? {})) values[name] = INSTANTS.has(name) ? formatDate(new Date(value), deadlineOptions) : value;
  if (error?.message && t.has(`errors.${error.message}`)) return t(`errors.${error.message}`, values);
  const code = error?.code ?? "generic";
  return t.has(`errors.${code}`) ? t(`errors.${code}`) : t("errors.generic");
}
