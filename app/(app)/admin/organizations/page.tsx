import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { OrganizationTable } from "@/components/organizations/organization-table";
import { Card } from "@/components/ui/card";
import { FilterSelect } from "@/components/ui/filter-select";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { SearchForm } from "@/components/ui/search-form";
import { listState } from "@/components/ui/sort-header";
import { can } from "@/lib/auth/policy";
import { prisma } from "@/lib/db";
import { ORGANIZATION_KINDS } from "@/lib/domain/organization-tree";
import { ORGANIZATION_DEFAULT_SORT, organizationListQuerySchema } from "@/lib/schemas/organizations";
import { listOrganizations } from "@/lib/server/organizations";
import { requirePermission } from "@/lib/server/page-guard";
import { ListEmpty } from "@/components/ui/list-empty";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("organizations");
  return { title: t("title") };
}

export default async function OrganizationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { scope } = await requirePermission("organization.read");
  const query = organizationListQuerySchema.parse(await searchParams);
  const [page, t, tList] = await Promise.all([listOrganizations(prisma, scope, query), getTranslations("organizations"), getTranslations("list")]);
  const isFiltered = !!(query.q || query.kind || query.status);
  const { sort, pageParams } = listState(query, { q: query.q, kind: query.kind, status: query.status }, ORGANIZATION_DEFAULT_SORT);

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={t("title")}
        subtitle={t("subtitle")}
        action={can(scope, "organization.manage") ? { href: "/admin/organizations/new", label: t("new"), icon: "plus" } : null}
      />

      <Card>
        <SearchForm label={t("searchLabel")} placeholder={t("searchPlaceholder")} defaultValue={query.q} submitLabel={tList("search")}>
          <FilterSelect label={t("filterKind")} name="kind" value={query.kind} allLabel={t("allKinds")} options={ORGANIZATION_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
          <FilterSelect
            label={t("filterStatus")}
            name="status"
            value={query.status}
            allLabel={t("allStatuses")}
            options={[
              { value: "active", label: t("active") },
              { value: "inactive", label: t("inactive") },
            ]}
          />
        </SearchForm>

        <div className="mt-5">
          {page.total === 0 ? (
            <ListEmpty filtered={isFiltered} empty={t("empty")} emptyFiltered={t("emptyFiltered")} clearHref="/admin/organizations" clearLabel={t("clearFilters")} />
          ) : (
            <>
              <OrganizationTable rows={page.rows} sort={sort} />
              <Pagination page={page.page} pageCount={page.pageCount} total={page.total} params={pageParams} size={query.size} />
            </>
          )}
        </div>
      </Card>
    </div>
  );
}
