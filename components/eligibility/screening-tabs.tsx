import clsx from "clsx";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import type { Verdict } from "@/lib/domain/eligibility";
import { SHOW_ALL } from "@/lib/schemas/screening";
import type { ScreeningResult } from "@/lib/server/eligibility";

const ORDER: (Verdict | undefined)[] = ["ELIGIBLE", undefined, "INELIGIBLE", "UNKNOWN"];

/** The search value of the 全部 tab (the schema drops it, so the service lists every verdict). */
export { SHOW_ALL } from "@/lib/schemas/screening";

/** Verdict tabs with their counts; each keeps the unit and name filters and goes back to page 1. */
export async function ScreeningTabs({ counts, active, params }: { counts: ScreeningResult["counts"]; active: Verdict | undefined; params: Record<string, string | undefined> }) {
  const [t, tv] = await Promise.all([getTranslations("eligibility.screening"), getTranslations("eligibility.verdict")]);
  const href = (verdict: Verdict | undefined) => {
    // The list opens on 符合 when no tab is named, so 全部 is named explicitly (verdict=all).
    const entries: [string, string | undefined][] = Object.entries({ ...params, verdict: verdict ?? SHOW_ALL });
    const search = new URLSearchParams(entries.filter((e): e is [string, string] => !!e[1]));
    const s = search.toString();
    return s ? `?${s}` : "?";
  };
  return (
    <nav aria-label={t("tabs")} className="-mx-1 flex flex-wrap gap-1">
      {ORDER.map((verdict) => {
        const isActive = verdict === active;
        const label = verdict ? tv(verdict) : t("all");
        const count = verdict ? counts[verdict] : counts.total;
        return (
          <Link
            key={verdict ?? "all"}
            href={href(verdict)}
            aria-current={isActive ? "page" : undefined}
            className={clsx(
              "rounded-md px-3 py-1.5 text-sm font-medium",
              isActive ? "bg-brand-600 text-white" : "bg-white text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50",
            )}
          >
            {t("countValue", { label, count })}
          </Link>
        );
      })}
    </nav>
  );
}
