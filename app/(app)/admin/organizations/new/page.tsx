import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { OrganizationForm } from "@/components/organizations/organization-form";
import { Card } from "@/components/ui/card";
import { prisma } from "@/lib/db";
import { listParentOptions } from "@/lib/server/organizations";
import { requirePermission } from "@/lib/server/page-guard";
import { AreaBreadcrumbs } from "@/components/shell/area-breadcrumbs";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("organizations");
  return { title: t("newTitle") };
}

export default async function NewOrganizationPage({ searchParams }: { searchParams: Promise<{ parent?: string | string[] }> }) {
  const { scope } = await requirePermission("organization.manage");
  const [parents, t, { parent }] = await Promise.all([listParentOptions(prisma, scope), getTranslations("organizations"), searchParams]);
  // ?parent=<id> preselects a bureau, if it is one the user may choose.
  const preselected = typeof parent === "string" && parents.some((p) => p.id === parent) ? parent : "";

  return (
    <div className="flex flex-col gap-6">
      <div>
        <AreaBreadcrumbs role={scope.user.role} area="/admin/organizations" trail={[{ label: t("newTitle") }]} />
        <h1 className="mt-2 text-2xl font-semibold text-slate-900">{t("newTitle")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("newIntro")}</p>
      </div>
      <Card className="max-w-3xl">
        <OrganizationForm
          parents={parents}
          defaultValues={{ name: "", code: "", kind: "HOSPITAL", level: "COUNTY", grade: "", region: "", parentId: preselected }}
        />
      </Card>
    </div>
  );
}
