import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CreateUserForm } from "@/components/users/create-user-form";
import { Card } from "@/components/ui/card";
import { prisma } from "@/lib/db";
import { requirePermission } from "@/lib/server/page-guard";
import { AreaBreadcrumbs } from "@/components/shell/area-breadcrumbs";
import { userFormOptions } from "@/lib/server/users";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("users");
  return { title: t("newTitle") };
}

export default async function NewUserPage() {
  const { scope } = await requirePermission("user.manage");
  const [options, t] = await Promise.all([userFormOptions(prisma, scope), getTranslations("users")]);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <AreaBreadcrumbs role={scope.user.role} area="/admin/users" trail={[{ label: t("newTitle") }]} />
        <h1 className="mt-2 text-2xl font-semibold text-slate-900">{t("newTitle")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("newSubtitle")}</p>
      </div>
      <Card>
        <CreateUserForm options={options} />
      </Card>
    </div>
  );
}
