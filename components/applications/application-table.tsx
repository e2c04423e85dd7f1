import { getFormatter, getTranslations } from "next-intl/server";
import { verdictTone } from "@/components/eligibility/screening-verdict";
import { sortHeads, type SortState } from "@/components/ui/sort-header";
import { Table } from "@/components/ui/table";
import type { APPLICATION_SORT_KEYS } from "@/lib/schemas/applications";
import type { ApplicationListRow } from "@/lib/server/application-queries";
import { ApplicationRows, type ApplicationRowCells } from "./application-rows";
import { instantOptions } from "./instant";
import { applicationStatusTone } from "./status-badge";

/**
 * One page of applications: who (name, sex, employer), for which post, where it is, the verdict it
 * was submitted with (and whether as an exception), when and with how many documents. A table on
 * wider screens; on a phone CSS lays the same rows out as cards (rendered once: issue 17). The server
 * words each row into an array of strings; a client component draws the rows from it, so the page's
 * payload carries ~350 bytes a row instead of the rows' elements (issue 17).
 */
export async function ApplicationTable({ rows, sort }: { rows: ApplicationListRow[]; sort?: SortState }) {
  const [t, tStage, tSex, tStatus, tVerdict, format] = await Promise.all([
    getTranslations("applications"),
    getTranslations("stage"),
    getTranslations("doctors.sex"),
    getTranslations("applicationStatus"),
    getTranslations("eligibility.verdict"),
    getFormatter(),
  ]);
  const cells = rows.map((r): ApplicationRowCells => [
    r.id,
    r.doctor.name,
    `${tSex(r.doctor.sex)} · ${r.doctor.employer.name}`,
    r.registrationNo ? t("list.numberLine", { number: r.registrationNo }) : null,
    r.post.title,
    t("batch", { batch: r.post.rotationBatch }),
    r.post.program.name,
    tStage(r.currentStage),
    [applicationStatusTone[r.status], tStatus(r.status)],
    r.source === "SELF" ? t("list.self") : null,
    r.eligibilityVerdict ? [verdictTone[r.eligibilityVerdict], tVerdict(r.eligibilityVerdict)] : null,
    r.exceptionReason ? [r.exceptionReason, t("exception.mark")] : null,
    r.submittedAt ? format.dateTime(r.submittedAt, instantOptions) : "—",
    t("list.documentsCount", { count: r._count.attachments }),
  ]);
  const head = sortHeads<(typeof APPLICATION_SORT_KEYS)[number]>(sort);
  return (
    <Table
      cards
      caption={t("list.caption")}
      head={[
        head(t("list.columns.doctor"), "doctor"),
        head(t("list.columns.post"), "post"),
        head(t("list.columns.stage"), "stage"),
        head(t("list.columns.status"), "status"),
        t("list.columns.verdict"),
        head(t("list.columns.submittedAt"), "submittedAt"),
        t("list.columns.documents"),
      ]}
    >
      <ApplicationRows rows={cells} />
    </Table>
  );
}
