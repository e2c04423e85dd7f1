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
 * wider screens, cards on a phone.
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
    <>
      <ul className="divide-y divide-slate-100 md:hidden" aria-label={t("list.caption")}>
        {rows.map((r) => (
          <li key={r.id} className="flex flex-col gap-1 py-3">
            <div className="flex items-start justify-between gap-2">
              <span>
                {doctor(r)}
                <span className="ml-1 text-sm text-slate-500">
                  {tSex(r.doctor.sex)} · {r.doctor.employer.name}
                </span>
              </span>
              <ApplicationStatusBadge status={r.status} />
            </div>
            {number(r)}
            <div className="text-sm">{post(r)}</div>
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-600">
              <span>{tStage(r.currentStage)}</span>
              <EligibilityMark verdict={r.eligibilityVerdict} exceptionReason={r.exceptionReason} />
            </div>
            <div className="text-xs text-slate-500">
              {t("list.submittedLine", { at: submitted(r), count: r._count.attachments })}
              {source(r)}
            </div>
          </li>
        ))}
      </ul>
      <div className="hidden md:block">
        <Table
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
              <Td className="min-w-44">{post(r)}</Td>
              <Td className="whitespace-nowrap">{tStage(r.currentStage)}</Td>
              <Td className="whitespace-nowrap">
                <ApplicationStatusBadge status={r.status} />
                {source(r)}
              </Td>
              <Td className="min-w-28">
                <EligibilityMark verdict={r.eligibilityVerdict} exceptionReason={r.exceptionReason} />
              </Td>
              <Td className="whitespace-nowrap tabular-nums">{submitted(r)}</Td>
              <Td className="whitespace-nowrap tabular-nums">{t("list.documentsCount", { count: r._count.attachments })}</Td>
            </tr>
          ))}
        </Table>
      </div>
    </>
  );
}
