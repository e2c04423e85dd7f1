import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { sortHeads, type SortState } from "@/components/ui/sort-header";
import { Table, Td } from "@/components/ui/table";
import { getCalendarDateFormatter } from "@/lib/i18n/format";
import type { DoctorRow } from "@/lib/server/doctors";
import type { DOCTOR_SORT_KEYS } from "@/lib/schemas/doctors";
import { titleInWords, type DoctorsTranslate } from "@/lib/title-words";

/**
 * One page of doctors: who, where, current title (the highest held) and since when. A table on wider
 * screens; on a phone CSS lays the same rows out as cards (rendered once: issue 17). ID numbers arrive already masked when the user may not see them.
 */
export async function DoctorTable({ rows, sort }: { rows: DoctorRow[]; sort?: SortState }) {
  const head = sortHeads<(typeof DOCTOR_SORT_KEYS)[number]>(sort);
  const [t, ymd] = await Promise.all([getTranslations("doctors"), getCalendarDateFormatter()]);
  const link = (d: DoctorRow) => (
    <Link href={`/doctors/${d.id}`} className="font-medium text-brand-700 hover:underline">
      {d.name}
    </Link>
  );
  const title = (d: DoctorRow) =>
    d.currentTitle ? (
      <>
        {titleInWords(t as unknown as DoctorsTranslate, d.currentTitle)}
        <div className="text-xs text-slate-500">{t("titleSince", { date: ymd(d.currentTitle.obtainedOn) })}</div>
      </>
    ) : (
      <span className="text-slate-400">{t("noTitle")}</span>
    );
  const position = (d: DoctorRow) => d.positionTitle ?? (d.positionRank ? t(`rank.${d.positionRank}`) : "—");
  return (
    <Table
      cards
      caption={t("caption")}
      head={[head(t("columns.name"), "name"), head(t("columns.sex"), "sex"), head(t("columns.birthDate"), "birthDate"), head(t("columns.employer"), "employer"), head(t("columns.department"), "department"), t("columns.title"), t("columns.position"), t("columns.idNumber")]}
    >
      {rows.map((d) => (
        <tr key={d.id}>
          <Td className="whitespace-nowrap">{link(d)}</Td>
          <Td className="whitespace-nowrap">{t(`sex.${d.sex}`)}</Td>
          <Td className="whitespace-nowrap tabular-nums">{ymd(d.birthDate)}</Td>
          <Td className="min-w-40 max-md:col-span-2">{d.employer.name}</Td>
          <Td className="min-w-32">
            {d.department}
            {d.specialty !== d.department ? <div className="text-xs text-slate-500">{d.specialty}</div> : null}
          </Td>
          <Td className="min-w-36 max-md:col-span-2">{title(d)}</Td>
          <Td className="min-w-24">{position(d)}</Td>
          <Td className="whitespace-nowrap font-mono text-xs max-md:col-span-2">{d.idNumber}</Td>
        </tr>
      ))}
    </Table>
  );
}
