import { getTranslations } from "next-intl/server";
import { ReasonList } from "@/components/eligibility/reason-list";
import { ScreeningVerdict } from "@/components/eligibility/screening-verdict";
import type { DoctorPostEvaluation } from "@/lib/server/eligibility";

/** A doctor's verdict for a post, at once, with the conditions not met (or not verifiable) in words. */
export async function VerdictPanel({ evaluation, doctorName, postTitle }: { evaluation: DoctorPostEvaluation; doctorName: string; postTitle: string }) {
  const t = await getTranslations("applications.verdict");
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
        <ReasonList reasons={reasons} verdict={verdict} className="pl-5 text-sm text-slate-700" />
      )}
    </div>
  );
}
