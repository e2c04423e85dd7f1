import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ProgramListTable } from "@/components/programs/program-list-table";
import { Card } from "@/components/ui/card";
import { FilterSelect } from "@/components/ui/filter-select";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { SearchForm } from "@/components/ui/search-form";
import { listState } from "@/components/ui/sort-header";
import { can } from "@/lib/auth/policy";
import { prisma } from "@/lib/db";
import { PROGRAM_STATUSES } from "@/lib/domain/program-status";
import { PROGRAM_DEFAULT_SORT, programListQuerySchema } from "@/lib/schemas/programs";
import { listPrograms } from "@/lib/server/programs";
import { requirePermission } from "@/lib/server/page-guard";
import { ListEmpty } from "@/components/ui/list-empty";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("programsAdmin");
  return { title: t("title") };
}

export default async function ProgramsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { scope } = await requirePermission("program.read");
  const query = programListQuerySchema.parse(await searchParams);
  const [page, t, tList, tStatus] = await Promise.all([listPrograms(prisma, scope, query), getTranslations("programsAdmin"), getTranslations("list"), getTranslations("programStatus")]);
  const isFiltered = !!(query.q || query.status);
  const { sort, pageParams } = listState(query, { q: query.q, status: query.status }, PROGRAM_DEFAULT_SORT);

  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("title")} subtitle={t("subtitle")} action={can(scope, "program.manage") ? { href: "/programs/new", label: t("new"), icon: "plus" } : null} />
      <Card>
        <SearchForm label={t("searchLabel")} placeholder={t("searchPlaceholder")} defaultValue={query.q} submitLabel={tList("search")}>
          <FilterSelect label={t("filterStatus")} name="status" value={query.status} allLabel={t("allStatuses")} options={PROGRAM_STATUSES.map((s) => ({ value: s, label: tStatus(s) }))} />
        </SearchForm>
        <div className="mt-5">
          {page.total === 0 ? (
            <ListEmpty filtered={isFiltered} empty={t("empty")} emptyFiltered={t("emptyFiltered")} clearHref="/programs" clearLabel={t("clearFilters")} />
          ) : (
            <>
              <ProgramListTable rows={page.rows} sort={sort} />
              <Pagination page={page.page} pageCount={page.pageCount} total={page.total} params={pageParams} size={query.size} />
            </>
          )}
        </div>
      </Card>
    </div>
  );
}
