"use client";

import { useSearchParams } from "next/navigation";
import { DONE_PARAM } from "@/lib/forms/feedback";
import { FormMessages } from "./form-messages";

/** The success line of a form that is no longer on the page (lib/forms/feedback.ts withDone), while the mark is in the address. */
export function DoneNotice({ what, text }: { what: string; text: string }) {
  const params = useSearchParams();
  return params.get(DONE_PARAM) === what ? <FormMessages success={text} /> : null;
}
