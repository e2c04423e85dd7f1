import { getFormatter, getTranslations } from "next-intl/server";
import type { Explanation } from "@/lib/domain/eligibility";
import { explanationText } from "./explanation-text";

/** An engine explanation (a key of eligibility.explain and its values) in the reader's language. */
export async function ScreeningReason({ explanation }: { explanation: Explanation }) {
  const [t, format] = await Promise.all([getTranslations("eligibility"), getFormatter()]);
  // Calendar dates: the UTC day, as stored (@db.Date), written the reader's way.
  const formatDate = (date: Date) => format.dateTime(date, { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
  return <>{explanationText(t, formatDate, explanation) ?? explanation.key}</>;
}
