import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { UserStatusBadge } from "@/components/users/user-status-badge";
import { Card, EmptyState } from "@/components/ui/card";
import { FilterSelect } from "@/components/ui/filter-select";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { SearchForm } from "@/components/ui/search-form";
import { listState, sortHeads } from "@/components/ui/sort-header";
import { Table, Td } from "@/components/ui/table";
import { can, organizationWhere } from "@/lib/auth/policy";
import { prisma } from "@/lib/db";
import { requirePermission } from "@/lib/server/page-guard";
import { listUsers } from "@/lib/server/users";
import { roles, USER_DEFAULT_SORT, type USER_SORT_KEYS, userListQuerySchema, userStatuses } from "@/lib/schemas/users";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("users");
  return { title: t("title") };
}

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { scope } = await requirePermission("user.read");
  const query = userListQuerySchema.parse(await searchParams);
  const [page, organizations, t, tRoles, tList, format] = await Promise.all([
    listUsers(prisma, scope, query),
    prisma.organization.findMany({ where: organizationWhere(scope), select: { id: true, name: true }, orderBy: { name: "asc" } }),
    getTranslations("users"),
    getTranslations("roles"),
    getTranslations("list"),
    getFormatter(),
  ]);
  const canManage = can(scope, "user.manage");
  const { sort, pageParams } = listState(query, { q: query.q, role: query.role, organizationId: query.organizationId, status: query.status }, USER_DEFAULT_SORT);
  const head = sortHeads<(typeof USER_SORT_KEYS)[number]>(sort);

  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("title")} subtitle={t("subtitle")} action={canManage ? { href: "/admin/users/new", label: t("new"), icon: "user-plus" } : null} />

      <Card>
        <SearchForm label={t("searchLabel")} placeholder={t("searchPlaceholder")} defaultValue={query.q} submitLabel={tList("search")}>
          <FilterSelect label={t("filterRole")} name="role" value={query.role} allLabel={t("allRoles")} options={roles.map((r) => ({ value: r, label: tRoles(r) }))} />
          <FilterSelect
            label={t("filterOrganization")}
            name="organizationId"
            value={query.organizationId}
            allLabel={t("allOrganizations")}
            options={organizations.map((o) => ({ value: o.id, label: o.name }))}
            className="max-w-full sm:max-w-64"
          />
          <FilterSelect label={t("filterStatus")} name="status" value={query.status} allLabel={t("allStatuses")} options={userStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
        </SearchForm>

        <div className="mt-5">
          {page.rows.length === 0 ? (
            <EmptyState>{t("empty")}</EmptyState>
          ) : (
            <Table
              caption={t("caption")}
              head={[head(t("columns.username"), "username"), head(t("columns.displayName"), "displayName"), head(t("columns.role"), "role"), head(t("columns.organization"), "organization"), t("columns.status"), head(t("columns.lastLogin"), "lastLogin")]}
            >
              {page.rows.map((u) => (
                <tr key={u.id} className="hover:bg-slate-50">
                  <Td>
                    <Link href={`/admin/users/${u.id}`} className="font-medium text-brand-700 hover:underline">
                      {u.username}
                    </Link>
                  </Td>
                  <Td>{u.displayName}</Td>
                  <Td className="whitespace-nowrap">{tRoles(u.role)}</Td>
                  <Td>{u.organizationName}</Td>
                  <Td>
                    <UserStatusBadge status={u.status} mustChangePassword={u.mustChangePassword} />
                  </Td>
                  <Td className="whitespace-nowrap text-slate-600">
                    {u.lastLoginAt ? format.dateTime(u.lastLoginAt, { dateStyle: "medium", timeStyle: "short" }) : t("never")}
                  </Td>
                </tr>
              ))}
            </Table>
          )}
          <Pagination page={page.page} pageCount={page.pageCount} total={page.total} params={pageParams} size={query.size} />
        </div>
      </Card>
    </div>
  );
}
