import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { OrganizationForm } from "@/components/organizations/organization-form";
import { StatusToggle } from "@/components/organizations/status-toggle";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { can } from "@/lib/auth/policy";
import { prisma } from "@/lib/db";
import { getOrganization, listParentOptions } from "@/lib/server/organizations";
import { requirePermission } from "@/lib/server/page-guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("organizations");
  return { title: t("title") };
}

// Readers (bureau staff, auditors) see the record; bureau admins edit it. Out of scope is "not found".
export default async function OrganizationPage({ params }: { params: Promise<{ id: string }> }) {
  const { scope } = await requirePermission("organization.read");
  const { id } = await params;
  const org = await getOrganization(prisma, scope, id);
  if (!org) notFound();
  const canManage = can(scope, "organization.manage", { organizationId: org.id });
  const [t, parents] = await Promise.all([
    getTranslations("organizations"),
    canManage && !org.isOwnOrganization ? listParentOptions(prisma, scope, { editingId: org.id, currentParentId: org.parentId }) : Promise.resolve([]),
  ]);

  return (
    <div className="flex flex-col gap-6">
      <div>
        <nav aria-label={t("breadcrumb")} className="text-sm">
          <ol className="flex flex-wrap items-center gap-1 text-slate-500">
            <li>
              <Link href="/admin/organizations" className="text-brand-700 hover:underline">
                {t("backToList")}
              </Link>
            </li>
            {org.breadcrumb.map((crumb) => (
              <li key={crumb.id} className="flex items-center gap-1">
                <span aria-hidden>›</span>
                <Link href={`/admin/organizations/${crumb.id}`} className="text-brand-700 hover:underline">
                  {crumb.name}
                </Link>
              </li>
            ))}
          </ol>
        </nav>
        <h1 className="mt-2 flex flex-wrap items-center gap-2 text-2xl font-semibold text-slate-900">
          {canManage ? t("editTitle", { name: org.name }) : t("viewTitle", { name: org.name })}
          {org.isActive ? <Badge tone="success">{t("active")}</Badge> : <Badge>{t("inactive")}</Badge>}
        </h1>
        <p className="mt-1 text-sm text-slate-600">{t("countsLine", { users: org.counts.users, doctors: org.counts.doctors, children: org.counts.children })}</p>
      </div>

      {!org.isActive ? <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">{t("inactiveNotice")}</p> : null}

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <Card title={t("details")}>
          {canManage ? (
            <OrganizationForm
              organizationId={org.id}
              version={org.version}
              parents={parents}
              ownParentName={org.isOwnOrganization ? (org.parent?.name ?? null) : undefined}
              defaultValues={{ name: org.name, code: org.code ?? "", kind: org.kind, level: org.level, grade: org.grade ?? "", region: org.region, parentId: org.parentId ?? "" }}
            />
          ) : (
            <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[10rem_1fr]">
              <dt className="text-slate-500">{t("form.name")}</dt>
              <dd className="text-slate-900">{org.name}</dd>
              <dt className="text-slate-500">{t("code")}</dt>
              <dd className="font-mono text-slate-900">{org.code ?? t("noCode")}</dd>
              <dt className="text-slate-500">{t("form.kind")}</dt>
              <dd className="text-slate-900">{t(`kind.${org.kind}`)}</dd>
              <dt className="text-slate-500">{t("form.level")}</dt>
              <dd className="text-slate-900">
                {t(`level.${org.level}`)}
                {org.grade ? ` · ${t(`grade.${org.grade}`)}` : null}
              </dd>
              <dt className="text-slate-500">{t("form.region")}</dt>
              <dd className="text-slate-900">{org.region}</dd>
              <dt className="text-slate-500">{t("form.parent")}</dt>
              <dd className="text-slate-900">{org.parent?.name ?? t("noParent")}</dd>
            </dl>
          )}
        </Card>

        {canManage ? (
          <Card title={t("statusTitle")}>
            <StatusToggle id={org.id} name={org.name} isActive={org.isActive} isOwnOrganization={org.isOwnOrganization} activeChildren={org.counts.activeChildren} />
          </Card>
        ) : null}
      </div>
    </div>
  );
}
