import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { getCalendarDateFormatter } from "@/lib/i18n/format";
import { TITLE_LEVELS } from "@/lib/schemas/doctors";
import type { RegistrationFormData } from "@/lib/server/registration-form";

const cell = "border border-black px-1.5 py-1.5 align-middle";
const label = `${cell} text-center font-medium`;

function Label({ children, rowSpan }: { children: ReactNode; rowSpan?: number }) {
  return (
    <th scope="row" rowSpan={rowSpan} className={label}>
      {children}
    </th>
  );
}

function Value({ children, colSpan, className }: { children: ReactNode; colSpan?: number; className?: string }) {
  return (
    <td colSpan={colSpan} className={`${cell} ${className ?? ""}`}>
      {children}
    </td>
  );
}

/** Signature and date lines at the bottom right of an opinion box. */
function SignLine({ who, date }: { who: string; date: string }) {
  return (
    <div className="mt-auto flex justify-end gap-10 pt-2">
      <span>{who}</span>
      <span className="whitespace-pre">{date}</span>
    </div>
  );
}

/**
 * The registration form (报名表) of one application, laid out as the bureau's paper form: a bordered
 * table of the doctor's record and the post, a photo box, the grassroots service, and boxes for the
 * unit's opinion (seal), the family's opinion and the doctor's signature. Sized for A4.
 */
export async function RegistrationSheet({ data }: { data: RegistrationFormData }) {
  const [t, tSex, tEdu, tRank, format, ymd] = await Promise.all([
    getTranslations("applications.form"),
    getTranslations("doctors.sex"),
    getTranslations("doctors.education"),
    getTranslations("doctors.rank"),
    getFormatter(),
    getCalendarDateFormatter(),
  ]);
  const { application: app } = data;
  const d = app.doctor;
  const month = (date: Date) => format.dateTime(date, { year: "numeric", month: "long", timeZone: "UTC" });
  const title = [...d.titles].sort((a, b) => TITLE_LEVELS.indexOf(b.level) - TITLE_LEVELS.indexOf(a.level) || b.obtainedOn.getTime() - a.obtainedOn.getTime())[0];

  return (
    <article className="registration-sheet mx-auto w-full min-w-[170mm] max-w-[180mm] print:min-w-0 bg-white text-[10.5pt] leading-snug text-black">
      <h1 className="mb-1 text-center text-[18pt] font-bold tracking-wide">{t("heading", { program: app.program.name })}</h1>
      <p className="mb-2 flex justify-between text-[9.5pt]">
        <span>{t("unitLine", { unit: app.nominatingOrg.name })}</span>
        <span>{t("numberLine", { number: app.registrationNo ?? "—" })}</span>
      </p>
      <table className="w-full table-fixed border-collapse border border-black">
        <colgroup>
          <col className="w-[16%]" />
          <col className="w-[16%]" />
          <col className="w-[16%]" />
          <col className="w-[15%]" />
          <col className="w-[11%]" />
          <col className="w-[11%]" />
          <col className="w-[15%]" />
        </colgroup>
        <tbody>
          <tr className="h-[11mm]">
            <Label>{t("name")}</Label>
            <Value>{d.name}</Value>
            <Label>{t("sex")}</Label>
            <Value>{tSex(d.sex)}</Value>
            <Label>{t("ethnicity")}</Label>
            <Value>{d.ethnicity}</Value>
            <td rowSpan={4} className={`${cell} text-center text-[9pt] text-slate-500`}>
              {t("photo")}
            </td>
          </tr>
          <tr className="h-[11mm]">
            <Label>{t("birth")}</Label>
            <Value>{month(d.birthDate)}</Value>
            <Label>{t("idNumber")}</Label>
            <Value colSpan={3} className="font-mono tracking-wide">
              {data.idNumber}
            </Value>
          </tr>
          <tr className="h-[11mm]">
            <Label>{t("education")}</Label>
            <Value>
              {tEdu(d.education)}
              {d.degree ? ` / ${d.degree}` : ""}
            </Value>
            <Label>{t("major")}</Label>
            <Value colSpan={3}>{d.major ?? ""}</Value>
          </tr>
          <tr className="h-[11mm]">
            <Label>{t("employer")}</Label>
            <Value>{d.employer.name}</Value>
            <Label>{t("department")}</Label>
            <Value>{d.department}</Value>
            <Label>{t("specialty")}</Label>
            <Value>{d.specialty}</Value>
          </tr>
          <tr className="h-[11mm]">
            <Label>{t("title")}</Label>
            <Value>{title?.name ?? ""}</Value>
            <Label>{t("titleDate")}</Label>
            <Value>{title ? ymd(title.obtainedOn) : ""}</Value>
            <Label>{t("position")}</Label>
            <Value colSpan={2}>{d.positionTitle ?? (d.positionRank ? tRank(d.positionRank) : "")}</Value>
          </tr>
          <tr className="h-[11mm]">
            <Label>{t("phone")}</Label>
            <Value>{d.phone ?? ""}</Value>
            <Label>{t("hireDate")}</Label>
            <Value>{data.hireDate ? ymd(data.hireDate) : ""}</Value>
            <Label>{t("post")}</Label>
            <Value colSpan={2}>{app.post.title}</Value>
          </tr>
          <tr className="h-[11mm]">
            <Label>{t("receiving")}</Label>
            <Value colSpan={6}>
              {t("receivingLine", { org: app.post.receivingOrgName, batch: app.post.rotationBatch })}
            </Value>
          </tr>
          <tr>
            <Label>{t("grassroots")}</Label>
            <Value colSpan={6} className="h-[28mm] align-top">
              {data.grassrootsServices.length === 0 ? (
                <span>{t("grassrootsNone")}</span>
              ) : (
                <ul>
                  {data.grassrootsServices.map((g, i) => (
                    <li key={i}>
                      {ymd(g.startDate)} — {g.endDate ? ymd(g.endDate) : t("ongoing")}　{g.organizationName}
                      {g.isFullTime ? "" : t("partTime")}
                    </li>
                  ))}
                </ul>
              )}
            </Value>
          </tr>
          <tr>
            <Label>{t("pledge")}</Label>
            <Value colSpan={6} className="align-top">
              <div className="flex h-[26mm] flex-col">
                <p>{t("pledgeText")}</p>
                <SignLine who={t("selfSign")} date={t("dateLine")} />
              </div>
            </Value>
          </tr>
          <tr>
            <Label>{t("family")}</Label>
            <Value colSpan={6} className="align-top">
              <div className="flex h-[32mm] flex-col">
                <SignLine who={t("familySign")} date={t("dateLine")} />
              </div>
            </Value>
          </tr>
          <tr>
            <Label>{t("unitOpinion")}</Label>
            <Value colSpan={6} className="align-top">
              <div className="flex h-[42mm] flex-col">
                <SignLine who={t("unitSeal")} date={t("dateLine")} />
              </div>
            </Value>
          </tr>
        </tbody>
      </table>
      <p className="mt-2 text-[9pt]">{t("note")}</p>
      {data.isIdNumberMasked ? <p className="mt-1 text-[9pt] print:hidden">{t("maskedNote")}</p> : null}
    </article>
  );
}
