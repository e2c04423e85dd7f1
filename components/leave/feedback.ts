"use client";

import { useFeedback, type Feedback } from "@/lib/forms/feedback";
import { DAY_DETAILS, dayAsDate, dayOptions } from "./format";

export type LeaveFeedback = Feedback;

/**
 * A leave or attendance action's refusal in words from "leave.errors" (lib/forms/feedback.ts): the
 * use case's own reason with its days in the reader's conventions, else the sentence for its code.
 */
export function useLeaveFeedback() {
  return useFeedback("leave", (format) => (name, value) => (DAY_DETAILS.has(name) ? format.dateTime(dayAsDate(value), dayOptions) : undefined));
}
