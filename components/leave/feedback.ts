"use client";

import type { useFormatter } from "next-intl";
import { useFeedback, type DetailFormatter, type Feedback } from "@/lib/forms/feedback";
import { DAY_DETAILS, dayAsDate, dayOptions } from "./format";

export type LeaveFeedback = Feedback;

/**
 * A leave or attendance action's refusal in words from "leave.errors" (lib/forms/feedback.ts): the
 * use case's own reason with its days in the reader's conventions, else the sentence for its code.
 */
export function useLeaveFeedback() {
  return useFeedback("leave", leaveDayDetails);
}

/** A refusal's days (a deadline, a last day) in the reader's conventions: the forms' formatDetail. */
export function leaveDayDetails(format: ReturnType<typeof useFormatter>): DetailFormatter {
  return (name, value) => (DAY_DETAILS.has(name) ? format.dateTime(dayAsDate(value), dayOptions) : undefined);
}
