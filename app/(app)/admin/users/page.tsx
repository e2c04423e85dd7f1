import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { UserPlus } from "lucide-react";
import { UserStatusBadge } from "@/components/users/user-status-badge";
import { Card, EmptyState } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { SearchForm } from "@/components/ui/search-form";
import { Table, Td } from "@/components/ui/table";
import { can, organizationWhere } from "@/lib/auth/policy";
import { prisma } from "@/lib/db";
import { requirePermission } from "@/lib/server/page-guard";
import { listUsers } from "@/lib/server/users";
import { roles, userListQuerySchema, userStatuses } from "@/lib/schemas/users";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("users");
  return { title: t("title") };
}

const selectClass = "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm focus:border-brand-600 focus:ring-2 focus:ring-brand-100";

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

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold text-slate-900">{t("title")}</h1>
          <p className="mt-1 text-sm text-slate-600">{t("subtitle")}</p>
        </div>
        {canManage ? (
          <Link href="/admin/users/new" className="inline-flex items-center gap-2 rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
            <UserPlus aria-hidden className="h-4 w-4" />
            {t("new")}
          </Link>
        ) : null}
      </div>

      <Card>
        <SearchForm label={t("searchLabel")} placeholder={t("searchPlaceholder")} defaultValue={query.q} submitLabel={tList("search")}>
          <label className="flex flex-col gap-1 text-sm">
            <span className="font-medium text-slate-700">{t("filterRole")}</span>
            <select name="role" defaultValue={query.role ?? ""} className={selectClass}>
              <option value="">{t("allRoles")}</option>
              {roles.map((r) => (
                <option key={r} value={r}>
                  {tRoles(r)}
                </option>
              ))}
            </select>
          </label>
          <label className="flex min-w-0 flex-col gap-1 text-sm">
            <span className="font-medium text-slate-700">{t("filterOrganization")}</span>
            <select name="organizationId" defaultValue={query.organizationId ?? ""} className={`${selectClass} max-w-full sm:max-w-64`}>
              <option value="">{t("allOrganizations")}</option>
              {organizations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1 text-sm">
            <span className="font-medium text-slate-700">{t("filterStatus")}</span>
            <select name="status" defaultValue={query.status ?? ""} className={selectClass}>
              <option value="">{t("allStatuses")}</option>
              {userStatuses.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
          </label>
        </SearchForm>

        <div className="mt-5">
          {page.rows.length === 0 ? (
            <EmptyState>{t("empty")}</EmptyState>
          ) : (
            <Table
              caption={t("caption")}
              head={[t("columns.username"), t("columns.displayName"), t("columns.role"), t("columns.organization"), t("columns.status"), t("columns.lastLogin")]}
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
          <Pagination page={page.page} pageCount={page.pageCount} total={page.total} params={{ q: query.q, role: query.role, organizationId: query.organizationId, status: query.status }} />
        </div>
      </Card>
    </div>
  );
}
