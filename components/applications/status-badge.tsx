import { getTranslations } from "next-intl/server";
import { ScreeningVerdict } from "@/components/eligibility/screening-verdict";
import { Badge } from "@/components/ui/badge";
import type { ApplicationStatus, EligibilityVerdict } from "@/lib/generated/prisma/enums";

export const applicationStatusTone = { PENDING_ENDORSEMENT: "warning", IN_PROGRESS: "info", APPROVED: "success", REJECTED: "danger", WITHDRAWN: "neutral" } as const;

/** 待单位确认 / 审核中 / 已确定 / 未通过 / 已撤回. */
export async function ApplicationStatusBadge({ status }: { status: ApplicationStatus }) {
  const t = await getTranslations("applicationStatus");
  return <Badge tone={applicationStatusTone[status]}>{t(status)}</Badge>;
}

/**
 * The eligibility verdict recorded with the application, and "例外推荐" when it was submitted with a
 * written exception reason (the doctor did not surely meet the conditions): the bureau must see it.
 */
export async function EligibilityMark({ verdict, exceptionReason }: { verdict: EligibilityVerdict | null; exceptionReason: string | null }) {
  const t = await getTranslations("applications");
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      {verdict ? <ScreeningVerdict verdict={verdict} /> : <span className="text-slate-400">—</span>}
      {exceptionReason ? (
        <span title={exceptionReason} className="inline-flex items-center rounded-full bg-orange-100 px-2 py-0.5 text-xs font-semibold text-orange-800 ring-1 ring-inset ring-orange-300">
          {t("exception.mark")}
        </span>
      ) : null}
    </span>
  );
}
