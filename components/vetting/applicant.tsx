import { useTranslations } from "next-intl";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { AttachmentKind, EligibilityVerdict } from "@/lib/generated/prisma/enums";

/** What the vetting lists show of an application (plain data: it crosses into client components). */
export interface VettingRow {
  id: string;
  name: string;
  unitName: string;
  employerName: string;
  eligibilityVerdict: EligibilityVerdict | null;
  exceptionReason: string | null;
  documents: number;
  /** What it lacks to pass the stage it waits at (issue 15); absent where not asked. */
  missingDocuments?: AttachmentKind[];
  rank: number | null;
}

const verdictTone = { ELIGIBLE: "success", INELIGIBLE: "danger", UNKNOWN: "warning" } as const;

/** The doctor's name, linking to the application, with the "例外推荐" mark when nominated as an exception. */
export function ApplicantName({ row }: { row: VettingRow }) {
  const t = useTranslations("vetting.stagePage");
  return (
    <span className="flex flex-wrap items-center gap-1.5">
      <Link href={`/applications/${row.id}`} className="font-medium text-brand-700 hover:underline">
        {row.name}
      </Link>
      {row.exceptionReason ? (
        <span title={t("exceptionTitle", { reason: row.exceptionReason })}>
          <Badge tone="warning">{t("exception")}</Badge>
          <span className="sr-only">{t("exceptionTitle", { reason: row.exceptionReason })}</span>
        </span>
      ) : null}
    </span>
  );
}

/** 符合 / 不符合 / 待核实, or 未审查. */
export function VerdictBadge({ verdict }: { verdict: EligibilityVerdict | null }) {
  const t = useTranslations("eligibility.verdict");
  const tp = useTranslations("vetting.stagePage");
  if (!verdict) return <Badge>{tp("noVerdict")}</Badge>;
  return <Badge tone={verdictTone[verdict]}>{t(verdict)}</Badge>;
}
