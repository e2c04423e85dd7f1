import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ProgramForm } from "@/components/programs/program-form";
import { Card } from "@/components/ui/card";
import { PROGRAM_TEMPLATES } from "@/lib/domain/program-templates";
import { requirePermission } from "@/lib/server/page-guard";
import { AreaBreadcrumbs } from "@/components/shell/area-breadcrumbs";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("programsAdmin");
  return { title: t("newTitle") };
}

export default async function NewProgramPage() {
  const { scope } = await requirePermission("program.manage");
  const t = await getTranslations("programsAdmin");
  const template = PROGRAM_TEMPLATES.longTermAid;
  return (
    <div className="flex flex-col gap-6">
      <div>
        <AreaBreadcrumbs role={scope.user.role} area="/programs" trail={[{ label: t("newTitle") }]} />
        <h1 className="mt-2 text-2xl font-semibold text-slate-900">{t("newTitle")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("newSubtitle")}</p>
      </div>
      <Card>
        <ProgramForm
          defaultValues={{
            template: template.key,
            kind: template.kind,
            name: "",
            year: new Date().getFullYear(),
            batchNumber: "",
            serviceMonths: template.serviceMonths,
            rotationBatches: template.rotationBatches,
            description: "",
          }}
        />
      </Card>
    </div>
  );
}
