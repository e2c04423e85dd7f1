import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { ApiTokensSection, type ApiTokenView } from "@/components/api-tokens/api-tokens-section";
import { EditUserForm } from "@/components/users/edit-user-form";
import { UserActions } from "@/components/users/user-actions";
import { UserStatusBadge } from "@/components/users/user-status-badge";
import { Card } from "@/components/ui/card";
import { can } from "@/lib/auth/policy";
import { prisma } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { listApiTokens } from "@/lib/server/api-tokens";
import { requirePermission } from "@/lib/server/page-guard";
import { AreaBreadcrumbs } from "@/components/shell/area-breadcrumbs";
import { getUser, userFormOptions } from "@/lib/server/users";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("users");
  return { title: t("details") };
}

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const { scope, user: me } = await requirePermission("user.read");
  const { id } = await params;
  const user = await getUser(prisma, scope, id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "notFound") notFound();
    throw error;
  });
  const canManage = can(scope, "user.manage", { organizationId: user.organizationId });
  const [options, apiTokens, t, tRoles, format] = await Promise.all([
    canManage ? userFormOptions(prisma, scope, user.id) : null,
    canManage ? listApiTokens(prisma, scope, user.id) : [],
    getTranslations("users"),
    getTranslations("roles"),
    getFormatter(),
  ]);
  const tApiTokens = await getTranslations("apiTokens");
  const isSelf = me.id === user.id;
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "short" }) : t("notSet"));

  const now = new Date();
  const tokenViews: ApiTokenView[] = apiTokens.map((token) => ({
    id: token.id,
    name: token.name,
    prefix: token.prefix,
    createdAt: when(token.createdAt),
    lastUsedAt: token.lastUsedAt ? when(token.lastUsedAt) : null,
    // Valid through the day before expiresAt (midnight, Beijing time): show that day.
    expiresAt: token.expiresAt ? format.dateTime(new Date(token.expiresAt.getTime() - 1), { dateStyle: "medium" }) : null,
    status: token.revokedAt ? "revoked" : token.expiresAt && token.expiresAt <= now ? "expired" : "active",
  }));

  const facts: [string, React.ReactNode][] = [
    [t("columns.username"), <span key="u" className="font-mono">{user.username}</span>],
    [t("columns.role"), tRoles(user.role)],
    [t("columns.organization"), user.organizationName],
    ...(user.role === "DOCTOR" ? ([[t("doctor"), user.doctorName ?? t("notSet")]] as [string, React.ReactNode][]) : []),
    [t("columns.lastLogin"), user.lastLoginAt ? when(user.lastLoginAt) : t("never")],
    [t("passwordChangedAt"), when(user.passwordChangedAt)],
    [t("failedLogins"), user.failedLoginCount],
    ...(user.status === "locked" ? ([[t("lockedUntil"), when(user.lockedUntil)]] as [string, React.ReactNode][]) : []),
    [t("createdAt"), when(user.createdAt)],
  ];

  return (
    <div className="flex flex-col gap-6">
      <div>
        <AreaBreadcrumbs role={scope.user.role} area="/admin/users" trail={[{ label: user.displayName }]} />
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold text-slate-900">{user.displayName}</h1>
          <UserStatusBadge status={user.status} mustChangePassword={user.mustChangePassword} />
        </div>
      </div>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.4fr)]">
        <Card title={t("details")} className="self-start">
          <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
            {facts.map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="text-slate-500">{label}</dt>
                <dd className="break-words text-slate-900">{value}</dd>
              </div>
            ))}
          </dl>
        </Card>
        {canManage && options ? (
          <div className="flex min-w-0 flex-col gap-6">
            <Card title={t("actions.title")}>
              <UserActions user={{ id: user.id, username: user.username, displayName: user.displayName, status: user.status }} isSelf={isSelf} />
            </Card>
            <Card title={t("form.editTitle")}>
              <EditUserForm key={`${user.id}-${user.role}-${user.organizationId}-${user.displayName}`} user={user} options={options} isSelf={isSelf} />
            </Card>
            <Card title={tApiTokens("title")}>
              <ApiTokensSection userId={user.id} tokens={tokenViews} />
            </Card>
          </div>
        ) : null}
      </div>
    </div>
  );
}
