import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AreaBreadcrumbs } from "@/components/shell/area-breadcrumbs";
import { ClientMessages } from "@/components/shell/client-messages";
import { PrintButton } from "@/components/ui/print-button";
import { RegistrationSheet } from "@/components/applications/registration-sheet";
import { prisma } from "@/lib/db";
import { requirePermission } from "@/lib/server/page-guard";
import { registrationFormData } from "@/lib/server/registration-form";
import { orErrorPage } from "../load";
import { PrintSheetStyle } from "@/components/ui/print-sheet-style";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("applications.form");
  return { title: t("metaTitle") };
}

// The registration form (报名表) of one application, filled in with the doctor's record, to print,
// sign and seal. Anyone who may read the application may print it; the ID number is shown in full
// only to those who may see it for this doctor.
export default async function RegistrationFormPage({ params }: { params: Promise<{ applicationId: string }> }) {
  const { scope } = await requirePermission("application.read");
  const { applicationId } = await params;
  const data = await orErrorPage(() => registrationFormData(prisma, scope, applicationId));
  const t = await getTranslations("applications.form");
  return (
    <ClientMessages folder="app/(app)/applications/[applicationId]/registration-form">
      <div className="flex flex-col gap-4">
        <PrintSheetStyle extra={".registration-sheet { max-width: none !important; }"} />
        <div className="flex flex-wrap items-center justify-between gap-3 print:hidden">
          <AreaBreadcrumbs
            role={scope.user.role}
            area="/applications"
            trail={[
              { label: data.application.program.name, href: `/applications?programId=${data.application.program.id}` },
              { label: data.application.doctor.name, href: `/applications/${applicationId}` },
              { label: t("metaTitle") },
            ]}
          />
          <PrintButton label={t("print")} />
        </div>
        <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-[15mm] print:overflow-visible print:rounded-none print:border-0 print:p-0 print:shadow-none">
          <RegistrationSheet data={data} />
        </div>
      </div>
    </ClientMessages>
  );
}
