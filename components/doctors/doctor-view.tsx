import { getTranslations } from "next-intl/server";
import { titleName, type DoctorsTranslate } from "@/lib/title-words";
import { Table, Td } from "@/components/ui/table";
import { getCalendarDateFormatter } from "@/lib/i18n/format";
import type { DoctorDetail } from "@/lib/server/doctors";

/** The record for those who may read but not change it (auditors, the doctor themself). */
export async function DoctorView({ doctor }: { doctor: DoctorDetail }) {
  const [t, ymd] = await Promise.all([getTranslations("doctors"), getCalendarDateFormatter()]);
  const rows: [string, string][] = [
    [t("form.name"), doctor.name],
    [t("form.sex"), t(`sex.${doctor.sex}`)],
    [t("form.ethnicity"), doctor.ethnicity],
    [t("form.birthDate"), ymd(doctor.birthDate)],
    [t("form.idType"), t(`idType.${doctor.idType}`)],
    [t("form.idNumber"), doctor.idNumber],
    [t("form.education"), t(`education.${doctor.education}`)],
    [t("view.degree"), doctor.degree ?? "—"],
    [t("view.major"), doctor.major ?? "—"],
    [t("form.employer"), doctor.employer.name],
    [t("form.department"), doctor.department],
    [t("form.specialty"), doctor.specialty],
    [t("view.practisingCategory"), doctor.practisingCategory ? t(`category.${doctor.practisingCategory}`) : "—"],
    [t("form.positionRank"), doctor.positionRank ? t(`rank.${doctor.positionRank}`) : t("view.rankMissing")],
    [t("view.positionTitle"), doctor.positionTitle ?? "—"],
    [t("view.hireDate"), ymd(doctor.hireDate)],
    [t("view.phone"), doctor.phone ?? "—"],
  ];
  return (
    <div className="flex flex-col gap-6">
      <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[10rem_1fr]">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-500">{label}</dt>
            <dd className="text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
      <section>
        <h3 className="mb-2 text-base font-semibold text-slate-800">{t("form.titles")}</h3>
        {doctor.titles.length === 0 ? (
          <p className="text-sm text-slate-500">{t("form.noTitles")}</p>
        ) : (
          <Table caption={t("form.titles")} head={[t("form.titleLevel"), t("form.titleName"), t("form.titleSpecialty"), t("form.obtainedOn")]}>
            {doctor.titles.map((x) => (
              <tr key={x.id}>
                <Td>{t(`titleLevel.${x.level}`)}</Td>
                <Td>{titleName(t as unknown as DoctorsTranslate, x.name)}</Td>
                <Td>{x.specialty}</Td>
                <Td className="tabular-nums">{ymd(x.obtainedOn)}</Td>
              </tr>
            ))}
          </Table>
        )}
      </section>
      <section>
        <h3 className="mb-2 text-base font-semibold text-slate-800">{t("form.grassroots")}</h3>
        {doctor.grassrootsServices.length === 0 ? (
          <p className="text-sm text-slate-500">{t("form.noGrassroots")}</p>
        ) : (
          <Table caption={t("form.grassroots")} head={[t("form.organizationName"), t("form.startDate"), t("form.endDate"), t("form.isFullTime")]}>
            {doctor.grassrootsServices.map((g) => (
              <tr key={g.id}>
                <Td>{g.organizationName}</Td>
                <Td className="tabular-nums">{ymd(g.startDate)}</Td>
                <Td className="tabular-nums">{g.endDate ? ymd(g.endDate) : t("form.ongoing")}</Td>
                <Td>{g.isFullTime ? t("form.yes") : t("form.no")}</Td>
              </tr>
            ))}
          </Table>
        )}
      </section>
    </div>
  );
}
