import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { sortHeads, type SortState } from "@/components/ui/sort-header";
import { Table, Td } from "@/components/ui/table";
import type { APPLICATION_SORT_KEYS } from "@/lib/schemas/applications";
import type { ApplicationListRow } from "@/lib/server/application-queries";
import { instantOptions } from "./instant";
import { ApplicationStatusBadge, EligibilityMark } from "./status-badge";

/**
 * One page of applications: who (name, sex, employer), for which post, where it is, the verdict it
 * was submitted with (and whether as an exception), when and with how many documents. A table on
 * wider screens; on a phone CSS lays the same rows out as cards (rendered once: issue 17).
 */
export async function ApplicationTable({ rows, sort }: { rows: ApplicationListRow[]; sort?: SortState }) {
  const [t, tStage, tSex, format] = await Promise.all([getTranslations("applications"), getTranslations("stage"), getTranslations("doctors.sex"), getFormatter()]);
  const doctor = (r: ApplicationListRow) => (
    <Link href={`/applications/${r.id}`} className="font-medium text-brand-700 hover:underline">
      {r.doctor.name}
    </Link>
  );
  const number = (r: ApplicationListRow) =>
    r.registrationNo ? (
      <div className="text-xs tabular-nums text-slate-500">
        {t("list.numberLine", { number: r.registrationNo })}
      </div>
    ) : null;
  const submitted = (r: ApplicationListRow) => (r.submittedAt ? format.dateTime(r.submittedAt, instantOptions) : "—");
  const post = (r: ApplicationListRow) => (
    <>
      <div className="text-slate-900">
        {r.post.title} <span className="text-slate-500">· {t("batch", { batch: r.post.rotationBatch })}</span>
      </div>
      <div className="text-xs text-slate-500">{r.post.program.name}</div>
    </>
  );
  const source = (r: ApplicationListRow) => (r.source === "SELF" ? <span className="ml-1 text-xs text-slate-500">{t("list.self")}</span> : null);
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
      {rows.map((r) => (
        <tr key={r.id}>
          <Td className="min-w-36">
            {doctor(r)}
            <div className="text-xs text-slate-500">
              {tSex(r.doctor.sex)} · {r.doctor.employer.name}
            </div>
            {number(r)}
          </Td>
          <Td className="min-w-44 max-md:col-span-2">{post(r)}</Td>
          <Td className="whitespace-nowrap">{tStage(r.currentStage)}</Td>
          <Td className="whitespace-nowrap">
            <ApplicationStatusBadge status={r.status} />
            {source(r)}
          </Td>
          <Td className="min-w-28 max-md:col-span-2">
            <EligibilityMark verdict={r.eligibilityVerdict} exceptionReason={r.exceptionReason} />
          </Td>
          <Td className="whitespace-nowrap tabular-nums max-md:col-span-2">{submitted(r)}</Td>
          <Td className="whitespace-nowrap tabular-nums">{t("list.documentsCount", { count: r._count.attachments })}</Td>
        </tr>
      ))}
    </Table>
  );
}
