import { Icon } from "@/components/ui/icon";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { DoctorTable } from "@/components/doctors/doctor-table";
import { Card } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { SearchForm } from "@/components/ui/search-form";
import { listState } from "@/components/ui/sort-header";
import { can } from "@/lib/auth/policy";
import { prisma } from "@/lib/db";
import { DOCTOR_DEFAULT_SORT, doctorListQuerySchema, EDUCATIONS, TITLE_LEVELS } from "@/lib/schemas/doctors";
import { listDoctors, listEmployerOptions } from "@/lib/server/doctors";
import { SearchableFilter } from "@/components/ui/searchable-filter";
import { searchEmployersAction } from "@/lib/actions/doctors";
import { PICKER_LIMIT } from "@/lib/schemas/list-query";
import { requirePermission } from "@/lib/server/page-guard";
import { ListEmpty } from "@/components/ui/list-empty";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("doctors");
  return { title: t("title") };
}

const linkClass = "inline-flex items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50";

export default async function DoctorsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { scope } = await requirePermission("doctor.read");
  const query = doctorListQuerySchema.parse(await searchParams);
  const [page, employers, t, tList] = await Promise.all([listDoctors(prisma, scope, query), listEmployerOptions(prisma, scope, { includeId: query.employerId, take: PICKER_LIMIT }), getTranslations("doctors"), getTranslations("list")]);
  const filters = { q: query.q, employerId: query.employerId, specialty: query.specialty, titleLevel: query.titleLevel, education: query.education };
  const isFiltered = Object.values(filters).some(Boolean);
  const { sort, pageParams } = listState(query, filters, DOCTOR_DEFAULT_SORT);
  // The export follows the list: the same filters and order.
  const exportHref = (format: string) => `/api/v1/doctors/export?${new URLSearchParams({ format, ...Object.fromEntries(Object.entries(pageParams).filter((e): e is [string, string] => !!e[1])) })}`;
  const canManage = can(scope, "doctor.manage");

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold text-slate-900">{t("title")}</h1>
          <p className="mt-1 text-sm text-slate-600">{t("subtitle")}</p>
        </div>
        <div className="flex flex-wrap gap-2">
          <a href={exportHref("xlsx")} className={linkClass}>
            <Icon name="download" className="h-4 w-4" />
            {t("exportXlsx")}
          </a>
          <a href={exportHref("csv")} className={linkClass}>
            {t("exportCsv")}
          </a>
          {canManage ? (
            <>
              <Link href="/doctors/import" className={linkClass}>
                <Icon name="upload" className="h-4 w-4" />
                {t("importLink")}
              </Link>
              <Link href="/doctors/new" className="inline-flex items-center gap-1.5 rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
                <Icon name="plus" className="h-4 w-4" />
                {t("new")}
              </Link>
            </>
          ) : null}
        </div>
      </div>

      <Card>
        <SearchForm label={t("searchLabel")} placeholder={t("searchPlaceholder")} defaultValue={query.q} submitLabel={tList("search")}>
          {employers.length > 1 ? (
            <SearchableFilter name="employerId" label={t("filterEmployer")} searchLabel={t("employerSearch")} allLabel={t("allEmployers")} value={query.employerId} initial={employers} search={searchEmployersAction} />
          ) : null}
          <label className="flex flex-col gap-1 text-sm">
            <span className="font-medium text-slate-700">{t("filterSpecialty")}</span>
            <input name="specialty" defaultValue={query.specialty ?? ""} placeholder={t("specialtyPlaceholder")} className="control w-36" />
          </label>
          <label className="flex flex-col gap-1 text-sm">
            <span className="font-medium text-slate-700">{t("filterTitleLevel")}</span>
            <select name="titleLevel" defaultValue={query.titleLevel ?? ""} className="control">
              <option value="">{t("allTitleLevels")}</option>
              {TITLE_LEVELS.map((l) => (
                <option key={l} value={l}>
                  {t(`titleLevel.${l}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1 text-sm">
            <span className="font-medium text-slate-700">{t("filterEducation")}</span>
            <select name="education" defaultValue={query.education ?? ""} className="control">
              <option value="">{t("allEducations")}</option>
              {EDUCATIONS.map((e) => (
                <option key={e} value={e}>
                  {t(`education.${e}`)}
                </option>
              ))}
            </select>
          </label>
        </SearchForm>

        <div className="mt-5">
          {page.total === 0 ? (
            <ListEmpty filtered={isFiltered} empty={t("empty")} emptyFiltered={t("emptyFiltered")} clearHref="/doctors" clearLabel={t("clearFilters")} />
          ) : (
            <>
              <DoctorTable rows={page.rows} sort={sort} />
              <Pagination page={page.page} pageCount={page.pageCount} total={page.total} params={pageParams} size={query.size} />
            </>
          )}
        </div>
      </Card>
    </div>
  );
}
