import clsx from "clsx";
import { getTranslations } from "next-intl/server";
import type { Explanation, Verdict } from "@/lib/domain/eligibility";
import { ScreeningReason } from "./screening-reason";

/**
 * The conditions a doctor does not meet (or that cannot be checked), in words: one item per unmet
 * condition, a group of alternatives as "none of" (or "cannot tell any of") with its options below.
 */
export async function ReasonList({ reasons, verdict, className }: { reasons: Explanation[][]; verdict: Verdict; className?: string }) {
  const t = await getTranslations("eligibility.screening");
  return (
    <ul className={clsx("flex list-disc flex-col gap-0.5", className ?? "pl-4")}>
      {reasons.map((group, i) => (
        <li key={i}>
          {group.length === 1 ? (
            <ScreeningReason explanation={group[0]!} />
          ) : (
            <>
              {t(verdict === "UNKNOWN" ? "unknownOf" : "noneOf")}
              <ul className="flex list-[circle] flex-col gap-0.5 pl-4">
                {group.map((r, j) => (
                  <li key={j}>
                    <ScreeningReason explanation={r} />
                  </li>
                ))}
              </ul>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
