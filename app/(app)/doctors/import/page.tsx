import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DoctorImportForm } from "@/components/doctors/doctor-import-form";
import { Card } from "@/components/ui/card";
import { IMPORT_COLUMNS } from "@/lib/domain/doctor-import";
import { MAX_IMPORT_ROWS } from "@/lib/schemas/doctors";
import { requirePermission } from "@/lib/server/page-guard";
import { AreaBreadcrumbs } from "@/components/shell/area-breadcrumbs";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("doctors.import");
  return { title: t("title") };
}

const linkClass = "inline-flex items-center rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50";

// The layout is documented here, next to the template, in the words of the file (Chinese headers).
export default async function DoctorImportPage() {
  const { scope } = await requirePermission("doctor.manage");
  const t = await getTranslations("doctors.import");
  return (
    <div className="flex flex-col gap-6">
      <div>
        <AreaBreadcrumbs role={scope.user.role} area="/doctors" trail={[{ label: t("title") }]} />
        <h1 className="mt-2 text-2xl font-semibold text-slate-900">{t("title")}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("intro")}</p>
      </div>

      <Card title={t("columnsTitle")}>
        <ol className="flex flex-wrap gap-1.5">
          {IMPORT_COLUMNS.map((c) => (
            <li key={c.key} className="rounded bg-slate-100 px-2 py-1 text-sm text-slate-800">
              {c.header}
              {c.required ? <span className="text-red-600">*</span> : null}
            </li>
          ))}
        </ol>
        <p className="mt-3 text-sm text-slate-600">{t("columnsHint")}</p>
        <h3 className="mt-4 text-sm font-semibold text-slate-800">{t("labelsTitle")}</h3>
        <ul className="mt-1 list-disc pl-5 text-sm text-slate-600">
          {(["labelSex", "labelEducation", "labelTitleLevel", "labelCategory", "labelRank", "labelDates"] as const).map((k) => (
            <li key={k}>{t(k)}</li>
          ))}
        </ul>
        <p className="mt-3 rounded-md bg-brand-50 px-3 py-2 text-sm text-brand-800">{t("duplicatesRule")}</p>
        <p className="mt-3 text-sm text-slate-600">{t("limits", { rows: MAX_IMPORT_ROWS })}</p>
        <div className="mt-4 flex flex-wrap gap-2">
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a file download from a route handler (the rule takes /api/v1/doctors/[doctorId] for a page) */}
          <a href="/api/v1/doctors/import-template?format=xlsx" className={linkClass}>
            {t("templateXlsx")}
          </a>
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a file download from a route handler (the rule takes /api/v1/doctors/[doctorId] for a page) */}
          <a href="/api/v1/doctors/import-template?format=csv" className={linkClass}>
            {t("templateCsv")}
          </a>
        </div>
      </Card>

      <Card>
        <DoctorImportForm />
      </Card>
    </div>
  );
}
