import { getFormatter, getTranslations } from "next-intl/server";
import type { RegistrationWindow } from "@/lib/server/nomination-queries";
import { deadlineOptions } from "./instant";

/** The unit's registration deadline in Beijing time; once passed (or not yet open), a banner saying so. */
export async function DeadlineNotice({ window }: { window: RegistrationWindow | null }) {
  const [t, format] = await Promise.all([getTranslations("applications.deadline"), getFormatter()]);
  if (!window) return <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">{t("none")}</p>;
  const closesAt = format.dateTime(window.closesAt, deadlineOptions);
  if (window.refusal === "closed") {
    return (
      <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
        <p className="font-semibold">{t("closed", { closesAt })}</p>
        <p className="mt-1">{t("closedHint")}</p>
      </div>
    );
  }
  if (window.refusal === "notYetOpen") {
    return <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">{t("notYetOpen", { opensAt: format.dateTime(window.opensAt, deadlineOptions) })}</p>;
  }
  return (
    <p className="rounded-md bg-brand-50 px-3 py-2 text-sm text-brand-800">
      {t("open", { closesAt })}
      {window.reopened ? <span className="ml-1 font-medium">{t("reopened")}</span> : null}
    </p>
  );
}
