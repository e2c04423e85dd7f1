import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { ProgramForm } from "@/components/programs/program-form";
import { Card } from "@/components/ui/card";
import { PROGRAM_TEMPLATES } from "@/lib/domain/program-templates";
import { requirePermission } from "@/lib/server/page-guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("programsAdmin");
  return { title: t("newTitle") };
}

export default async function NewProgramPage() {
  await requirePermission("program.manage");
  const t = await getTranslations("programsAdmin");
  const template = PROGRAM_TEMPLATES.longTermAid;
  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link href="/programs" className="text-sm text-brand-700 hover:underline">
          {t("backToList")}
        </Link>
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
