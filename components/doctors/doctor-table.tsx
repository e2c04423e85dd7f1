import { getTranslations } from "next-intl/server";
import { sortHeads, type SortState } from "@/components/ui/sort-header";
import { Table } from "@/components/ui/table";
import { DoctorRows, type DoctorRowCells } from "./doctor-rows";
import { getCalendarDateFormatter } from "@/lib/i18n/format";
import type { DoctorRow } from "@/lib/server/doctors";
import type { DOCTOR_SORT_KEYS } from "@/lib/schemas/doctors";
import { titleInWords, type DoctorsTranslate } from "@/lib/title-words";

/**
 * One page of doctors: who, where, current title (the highest held) and since when. A table on wider
 * screens; on a phone CSS lays the same rows out as cards (rendered once: issue 17), drawn in the browser's component from one array of strings a row. ID numbers arrive already masked when the user may not see them.
 */
export async function DoctorTable({ rows, sort }: { rows: DoctorRow[]; sort?: SortState }) {
  const head = sortHeads<(typeof DOCTOR_SORT_KEYS)[number]>(sort);
  const [t, ymd] = await Promise.all([getTranslations("doctors"), getCalendarDateFormatter()]);
  const position = (d: DoctorRow) => d.positionTitle ?? (d.positionRank ? t(`rank.${d.positionRank}`) : "—");
  const cells = rows.map((d): DoctorRowCells => [
    d.id,
    d.name,
    t(`sex.${d.sex}`),
    ymd(d.birthDate),
    d.employer.name,
    d.department,
    d.specialty !== d.department ? d.specialty : null,
    d.currentTitle ? titleInWords(t as unknown as DoctorsTranslate, d.currentTitle) : null,
    d.currentTitle ? t("titleSince", { date: ymd(d.currentTitle.obtainedOn) }) : null,
    position(d),
    d.idNumber,
  ]);
  return (
    <Table
      cards
      caption={t("caption")}
      head={[head(t("columns.name"), "name"), head(t("columns.sex"), "sex"), head(t("columns.birthDate"), "birthDate"), head(t("columns.employer"), "employer"), head(t("columns.department"), "department"), t("columns.title"), t("columns.position"), t("columns.idNumber")]}
    >
      <DoctorRows rows={cells} noTitle={t("noTitle")} />
    </Table>
  );
}
