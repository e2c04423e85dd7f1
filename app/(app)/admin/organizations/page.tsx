import { Plus } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { OrganizationTable } from "@/components/organizations/organization-table";
import { Card, EmptyState } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { SearchForm } from "@/components/ui/search-form";
import { can } from "@/lib/auth/policy";
import { prisma } from "@/lib/db";
import { ORGANIZATION_KINDS } from "@/lib/domain/organization-tree";
import { organizationListQuerySchema } from "@/lib/schemas/organizations";
import { listOrganizations } from "@/lib/server/organizations";
import { requirePermission } from "@/lib/server/page-guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("organizations");
  return { title: t("title") };
}

const selectClass = "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm focus:border-brand-600 focus:ring-2 focus:ring-brand-100";

export default async function OrganizationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { scope } = await requirePermission("organization.read");
  const query = organizationListQuerySchema.parse(await searchParams);
  const [page, t, tList] = await Promise.all([listOrganizations(prisma, scope, query), getTranslations("organizations"), getTranslations("list")]);
  const isFiltered = !!(query.q || query.kind || query.status);

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold text-slate-900">{t("title")}</h1>
          <p className="mt-1 text-sm text-slate-600">{t("subtitle")}</p>
        </div>
        {can(scope, "organization.manage") ? (
          <Link href="/admin/organizations/new" className="inline-flex items-center gap-1.5 rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
            <Plus aria-hidden className="h-4 w-4" />
            {t("new")}
          </Link>
        ) : null}
      </div>

      <Card>
        <SearchForm label={t("searchLabel")} placeholder={t("searchPlaceholder")} defaultValue={query.q} submitLabel={tList("search")}>
          <label className="flex flex-col gap-1 text-sm">
            <span className="font-medium text-slate-700">{t("filterKind")}</span>
            <select name="kind" defaultValue={query.kind ?? ""} className={selectClass}>
              <option value="">{t("allKinds")}</option>
              {ORGANIZATION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`kind.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1 text-sm">
            <span className="font-medium text-slate-700">{t("filterStatus")}</span>
            <select name="status" defaultValue={query.status ?? ""} className={selectClass}>
              <option value="">{t("allStatuses")}</option>
              <option value="active">{t("active")}</option>
              <option value="inactive">{t("inactive")}</option>
            </select>
          </label>
        </SearchForm>

        <div className="mt-5">
          {page.total === 0 ? (
            <EmptyState>
              {isFiltered ? t("emptyFiltered") : t("empty")}
              {isFiltered ? (
                <>
                  {" "}
                  <Link href="/admin/organizations" className="text-brand-700 underline">
                    {t("clearFilters")}
                  </Link>
                </>
              ) : null}
            </EmptyState>
          ) : (
            <>
              <OrganizationTable rows={page.rows} />
              <Pagination page={page.page} pageCount={page.pageCount} total={page.total} params={{ q: query.q, kind: query.kind, status: query.status }} />
            </>
          )}
        </div>
      </Card>
    </div>
  );
}
