import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ApplicationTable } from "@/components/applications/application-table";
import { Card } from "@/components/ui/card";
import { FilterSelect } from "@/components/ui/filter-select";
import { SearchableFilter } from "@/components/ui/searchable-filter";
import { searchApplicationUnitsAction } from "@/lib/actions/applications";
import { ListEmpty } from "@/components/ui/list-empty";
import { ExportLink } from "@/components/ui/export-link";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { SearchForm } from "@/components/ui/search-form";
import { prisma } from "@/lib/db";
import { STAGE_KINDS } from "@/lib/domain/program-timeline";
import { APPLICATION_STATUSES, applicationListQuerySchema } from "@/lib/schemas/applications";
import { listApplications } from "@/lib/server/application-queries";
import { applicationFilterOptions } from "@/lib/server/nomination-queries";
import { requirePermission } from "@/lib/server/page-guard";
import { searchesApplicantsByName } from "@/lib/auth/policy";
import { navLabelFor } from "@/lib/navigation";

// The page's title is the role's own menu words (我的报名 for a doctor, 推荐管理 for a unit …).
export async function generateMetadata(): Promise<Metadata> {
  const [{ scope }, tNav] = await Promise.all([requirePermission("application.read"), getTranslations("nav")]);
  return { title: tNav(navLabelFor("/applications", scope.user.role)) };
}

// Every role's applications as the policy scopes them (applicationWhere): a unit its nominations and
// its doctors' registrations, a doctor their own, a bureau those of its programmes.
export default async function ApplicationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { scope } = await requirePermission("application.read");
  const query = applicationListQuerySchema.parse(await searchParams);
  const [page, options, t, tList, tStage, tStatus, tNav] = await Promise.all([
    listApplications(prisma, scope, query),
    applicationFilterOptions(prisma, scope, { unitId: query.unitId }),
    getTranslations("applications"),
    getTranslations("list"),
    getTranslations("stage"),
    getTranslations("applicationStatus"),
    getTranslations("nav"),
  ]);
  const filters = { q: query.q, programId: query.programId, postId: query.postId, stage: query.stage, status: query.status, unitId: query.unitId };
  const isFiltered = Object.values(filters).some(Boolean);
  const size = query.size ? String(query.size) : undefined;
  const sort = { sort: query.sort, dir: query.dir, params: { ...filters, size }, defaultSort: "submittedAt", defaultDir: "desc" as const };
  const exportHref = `/api/v1/applications/export?${new URLSearchParams(Object.entries({ ...filters, sort: query.sort, dir: query.dir }).filter((e): e is [string, string] => !!e[1]))}`;

  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={tNav(navLabelFor("/applications", scope.user.role))} subtitle={t(`subtitle.${scope.user.role}`)} />
      {page.total > 0 ? <ExportLink href={exportHref} label={t("list.export")} /> : null}
      <Card>
        <SearchForm withSearch={searchesApplicantsByName(scope)} label={t("list.searchLabel")} placeholder={t("list.searchPlaceholder")} defaultValue={query.q} submitLabel={tList("search")}>
          {query.postId ? <input type="hidden" name="postId" value={query.postId} /> : null}
          {options.programs.length > 0 ? (
            <FilterSelect label={t("list.program")} name="programId" value={query.programId} allLabel={t("list.allPrograms")} options={options.programs.map((p) => ({ value: p.id, label: p.name }))} className="max-w-72" />
          ) : null}
          <FilterSelect label={t("list.stage")} name="stage" value={query.stage} allLabel={t("list.allStages")} options={STAGE_KINDS.map((s) => ({ value: s, label: tStage(s) }))} />
          <FilterSelect label={t("list.status")} name="status" value={query.status} allLabel={t("list.allStatuses")} options={APPLICATION_STATUSES.map((s) => ({ value: s, label: tStatus(s) }))} />
          {options.units.length > 1 || query.unitId ? (
            <SearchableFilter name="unitId" label={t("list.unit")} searchLabel={t("list.unitSearch")} allLabel={t("list.allUnits")} value={query.unitId} initial={options.units} search={searchApplicationUnitsAction} />
          ) : null}
        </SearchForm>
        <div className="mt-5">
          {page.total === 0 ? (
            <ListEmpty filtered={isFiltered} empty={t(`list.empty.${scope.user.role}`)} emptyFiltered={t("list.emptyFiltered")} clearHref="/applications" clearLabel={t("list.clearFilters")} />
          ) : (
            <>
              <ApplicationTable rows={page.rows} sort={sort} />
              <Pagination page={page.page} pageCount={page.pageCount} total={page.total} params={{ ...filters, sort: query.sort, dir: query.dir }} size={query.size} />
            </>
          )}
        </div>
      </Card>
    </div>
  );
}
