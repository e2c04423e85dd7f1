import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { titleInWords, type DoctorsTranslate } from "@/lib/title-words";
import { Badge } from "@/components/ui/badge";
import { Table, Td } from "@/components/ui/table";
import type { ScreeningRow } from "@/lib/server/eligibility";
import { ReasonList } from "./reason-list";
import { ScreeningVerdict } from "./screening-verdict";

/** One page of screened doctors with their verdict and, when not eligible, why: a table, or a list on a phone. */
export async function ScreeningTable({ rows }: { rows: ScreeningRow[] }) {
  const [t, tDoctors] = await Promise.all([getTranslations("eligibility.screening"), getTranslations("doctors")]);
  const title = (row: ScreeningRow) => (row.title ? titleInWords(tDoctors as unknown as DoctorsTranslate, row.title) : t("noTitle"));
  const reasons = (row: ScreeningRow) =>
    row.reasons.length === 0 ? (
      <span className="text-slate-500">{t("eligibleNote")}</span>
    ) : (
      <ReasonList reasons={row.reasons} verdict={row.verdict} />
    );
  // Judged by the conditions before a change whose re-evaluation has not reached this doctor yet.
  const stale = (row: ScreeningRow) => (row.isStale ? <Badge tone="warning">{t("freshness.stale")}</Badge> : null);
  return (
    <>
      <ul className="divide-y divide-slate-100 md:hidden" aria-label={t("caption")}>
        {rows.map((row) => (
          <li key={row.doctorId} className="py-3">
            <div className="flex items-start justify-between gap-2">
              <Link href={`/doctors/${row.doctorId}`} className="font-medium text-brand-700 hover:underline">
                {row.name}
              </Link>
              <span className="flex flex-wrap items-center gap-1">
                <ScreeningVerdict verdict={row.verdict} />
                {stale(row)}
              </span>
            </div>
            <p className="mt-1 text-sm text-slate-600">{row.employerName}</p>
            <p className="text-sm text-slate-500">
              {row.specialty} · {title(row)}
            </p>
            <div className="mt-1 text-sm text-slate-700">{reasons(row)}</div>
          </li>
        ))}
      </ul>
      <div className="hidden md:block">
        <Table caption={t("caption")} head={[t("columns.name"), t("columns.employer"), t("columns.specialty"), t("columns.title"), t("columns.verdict"), t("columns.reasons")]}>
          {rows.map((row) => (
            <tr key={row.doctorId}>
              <Td className="whitespace-nowrap font-medium">
                <Link href={`/doctors/${row.doctorId}`} className="text-brand-700 hover:underline">
                  {row.name}
                </Link>
              </Td>
              <Td className="min-w-32">{row.employerName}</Td>
              <Td className="whitespace-nowrap">{row.specialty}</Td>
              <Td className="whitespace-nowrap">{title(row)}</Td>
              <Td className="whitespace-nowrap">
                <ScreeningVerdict verdict={row.verdict} /> {stale(row)}
              </Td>
              <Td className="min-w-64 text-slate-700">{reasons(row)}</Td>
            </tr>
          ))}
        </Table>
      </div>
    </>
  );
}
