"use client";

import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { ApplicationStatus, StageKind } from "@/lib/generated/prisma/enums";
import { ApplicantName, VerdictBadge, type VettingRow } from "./applicant";

// A post's stage lists of those who passed and those who ended there (the stage page): drawn in the
// browser from the rows' data, so that the page's payload carries each row once as data rather than
// as a tree of elements beside its HTML (issue 17: ~50 rows a list on a province's programme).

/** Those who passed the stage and are still in the running, with their rank and where they are now. */
export function PassedList({ rows }: { rows: (VettingRow & { status: ApplicationStatus; currentStage: StageKind })[] }) {
  const t = useTranslations("vetting.stagePage");
  const tStage = useTranslations("stage");
  const tStatus = useTranslations("applicationStatus");
  if (rows.length === 0) return <p className="text-sm text-slate-500">{t("nonePassed")}</p>;
  const where = (r: (typeof rows)[number]) => (r.status === "APPROVED" ? <Badge tone="success">{tStatus("APPROVED")}</Badge> : <span>{tStage(r.currentStage)}</span>);
  return (
    <ul className="flex flex-col divide-y divide-slate-100">
      {rows.map((r) => (
        <li key={r.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 py-2 text-sm">
          {r.rank ? <span className="w-14 font-semibold tabular-nums text-slate-700">{t("rankValue", { rank: r.rank })}</span> : null}
          <ApplicantName row={r} />
          <span className="text-slate-600">{r.employerName}</span>
          <VerdictBadge verdict={r.eligibilityVerdict} />
          <span className="flex items-center gap-2 text-slate-600 sm:ml-auto">
            <span className="text-slate-500">{t("columns.stage")}</span>
            {where(r)}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Those rejected or withdrawn at the stage, with the reason recorded. */
export function EndedList({ rows }: { rows: (VettingRow & { status: ApplicationStatus; reason: string | null })[] }) {
  const t = useTranslations("vetting.stagePage");
  const tStatus = useTranslations("applicationStatus");
  if (rows.length === 0) return <p className="text-sm text-slate-500">{t("noneEnded")}</p>;
  return (
    <ul className="flex flex-col divide-y divide-slate-100">
      {rows.map((r) => (
        <li key={r.id} className="flex flex-col gap-1 py-2 text-sm">
          <span className="flex flex-wrap items-center gap-3">
            <ApplicantName row={r} />
            <span className="text-slate-600">{r.employerName}</span>
            <Badge tone={r.status === "REJECTED" ? "danger" : "neutral"}>{tStatus(r.status)}</Badge>
          </span>
          {r.reason ? (
            <span className="text-slate-700">{t("reasonLine", { reason: r.reason })}</span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
