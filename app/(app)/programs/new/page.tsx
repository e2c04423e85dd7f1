import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ProgramForm } from "@/components/programs/program-form";
import { Card } from "@/components/ui/card";
import { shanghaiDay } from "@/lib/domain/dispatch";
import { defaultTemplateStart, PROGRAM_TEMPLATES, templateYear } from "@/lib/domain/program-templates";
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
  const today = shanghaiDay(new Date());
  const startDate = defaultTemplateStart(template.key, today);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <AreaBreadcrumbs role={scope.user.role} area="/programs" trail={[{ label: t("newTitle") }]} />
        <h1 className="mt-2 text-2xl font-semibold text-slate-900">{t("newTitle")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("newSubtitle")}</p>
      </div>
      <Card>
        <ProgramForm
          today={today}
          defaultValues={{
            template: template.key,
            startDate,
            kind: template.kind,
            name: "",
            year: templateYear(template.key, startDate),
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
