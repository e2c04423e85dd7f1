import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DoctorForm } from "@/components/doctors/doctor-form";
import { blankFormValues } from "@/components/doctors/form-values";
import { Card } from "@/components/ui/card";
import { fixedEmployerId } from "@/lib/auth/policy";
import { prisma } from "@/lib/db";
import { listEmployerOptions } from "@/lib/server/doctors";
import { requirePermission } from "@/lib/server/page-guard";
import { AreaBreadcrumbs } from "@/components/shell/area-breadcrumbs";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("doctors");
  return { title: t("newTitle") };
}

// A hospital's nominator registers doctors with its own hospital only: the employer is fixed.
export default async function NewDoctorPage() {
  const { scope } = await requirePermission("doctor.manage");
  const [employers, t] = await Promise.all([listEmployerOptions(prisma, scope), getTranslations("doctors")]);
  const fixedId = fixedEmployerId(scope);
  const fixed = fixedId === null ? undefined : employers.find((e) => e.id === fixedId);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <AreaBreadcrumbs role={scope.user.role} area="/doctors" trail={[{ label: t("newTitle") }]} />
        <h1 className="mt-2 text-2xl font-semibold text-slate-900">{t("newTitle")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("newIntro")}</p>
      </div>
      <Card className="max-w-4xl">
        <DoctorForm
          employers={employers}
          fixedEmployerName={fixedId === null ? undefined : (fixed?.name ?? "")}
          defaultValues={blankFormValues(fixedId ?? (employers.length === 1 ? employers[0]!.id : ""))}
        />
      </Card>
    </div>
  );
}
