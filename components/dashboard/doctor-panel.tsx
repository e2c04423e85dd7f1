import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, EmptyState } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import { calendarDateOptions } from "@/lib/i18n/format";
import type { Dashboard } from "@/lib/server/dashboard";
import { titleName, type DoctorsTranslate } from "@/lib/title-words";

export async function DoctorPanel({ doctor }: { doctor: NonNullable<Dashboard["doctor"]> }) {
  const [t, tStatus, tStage, tDoctors, format] = await Promise.all([getTranslations("dashboard"), getTranslations("applicationStatus"), getTranslations("stage"), getTranslations("doctors"), getFormatter()]);
  const { record, applications } = doctor;
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <Card title={t("myRecord")}>
        {record ? (
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            <dt className="text-slate-500">{t("employer")}</dt>
            <dd>{record.employer}</dd>
            <dt className="text-slate-500">{t("department")}</dt>
            <dd>{record.department}</dd>
            <dt className="text-slate-500">{t("professionalTitle")}</dt>
            <dd>
              {record.title
                ? t("titleObtained", { title: titleName(tDoctors as unknown as DoctorsTranslate, record.title.name), date: format.dateTime(record.title.obtainedOn, calendarDateOptions) })
                : t("noTitle")}
            </dd>
          </dl>
        ) : (
          <EmptyState>{t("noDoctorLinked")}</EmptyState>
        )}
      </Card>
      <Card title={t("myApplications")} className="lg:col-span-2">
        {applications.length === 0 ? (
          <EmptyState>{t("noApplications")}</EmptyState>
        ) : (
          <Table caption={t("myApplications")} head={[t("program"), t("postTitle"), t("currentStage"), t("status")]}>
            {applications.map((a) => (
              <tr key={a.id}>
                <Td>{a.programName}</Td>
                <Td>{a.postTitle}</Td>
                <Td>{tStage(a.currentStage)}</Td>
                <Td>
                  <Badge tone={a.status === "APPROVED" ? "success" : a.status === "REJECTED" ? "danger" : "info"}>{tStatus(a.status)}</Badge>
                </Td>
              </tr>
            ))}
          </Table>
        )}
      </Card>
    </div>
  );
}
