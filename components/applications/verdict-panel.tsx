import { getTranslations } from "next-intl/server";
import { ScreeningReason } from "@/components/eligibility/screening-reason";
import { ScreeningVerdict } from "@/components/eligibility/screening-verdict";
import type { DoctorPostEvaluation } from "@/lib/server/eligibility";

/** A doctor's verdict for a post, at once, with the conditions not met (or not verifiable) in words. */
export async function VerdictPanel({ evaluation, doctorName, postTitle }: { evaluation: DoctorPostEvaluation; doctorName: string; postTitle: string }) {
  const [t, ts] = await Promise.all([getTranslations("applications.verdict"), getTranslations("eligibility.screening")]);
  const { verdict, reasons } = evaluation;
  return (
    <div className="flex flex-col gap-2" aria-live="polite">
      <p className="flex flex-wrap items-center gap-2 text-sm text-slate-800">
        {t("line", { doctor: doctorName, post: postTitle })}
        <ScreeningVerdict verdict={verdict} />
      </p>
      {reasons.length === 0 ? (
        <p className="text-sm text-slate-600">{t(evaluation.rules.length === 0 ? "noRules" : "allMet")}</p>
      ) : (
        <ul className="flex list-disc flex-col gap-0.5 pl-5 text-sm text-slate-700">
          {reasons.map((group, i) => (
            <li key={i}>
              {group.length === 1 ? (
                <ScreeningReason explanation={group[0]!} />
              ) : (
                <>
                  {ts(verdict === "UNKNOWN" ? "unknownOf" : "noneOf")}
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
      )}
    </div>
  );
}
