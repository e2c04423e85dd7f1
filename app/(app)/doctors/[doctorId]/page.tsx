import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DoctorForm } from "@/components/doctors/doctor-form";
import { DoctorView } from "@/components/doctors/doctor-view";
import { formValuesOf } from "@/components/doctors/form-values";
import { Card } from "@/components/ui/card";
import { fixedEmployerId } from "@/lib/auth/policy";
import { prisma } from "@/lib/db";
import { getDoctor, listEmployerOptions } from "@/lib/server/doctors";
import { requirePermission } from "@/lib/server/page-guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("doctors");
  return { title: t("title") };
}

// Readers (auditors, the doctor themself) see the record; those who manage its employer edit it.
// Out of scope is "not found". Editing needs the full ID number, which every manager may see.
export default async function DoctorPage({ params }: { params: Promise<{ doctorId: string }> }) {
  const { scope } = await requirePermission("doctor.read");
  const { doctorId } = await params;
  const doctor = await getDoctor(prisma, scope, doctorId);
  if (!doctor) notFound();
  const canEdit = doctor.canManage && !doctor.isIdNumberMasked;
  const [t, employers] = await Promise.all([getTranslations("doctors"), canEdit ? listEmployerOptions(prisma, scope, { includeId: doctor.employerId }) : Promise.resolve([])]);

  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link href="/doctors" className="text-sm text-brand-700 hover:underline">
          ← {t("backToList")}
        </Link>
        <h1 className="mt-2 text-2xl font-semibold text-slate-900">{canEdit ? t("editTitle", { name: doctor.name }) : t("viewTitle", { name: doctor.name })}</h1>
        <p className="mt-1 text-sm text-slate-600">
          {doctor.employer.name} · {doctor.department}
        </p>
      </div>
      <Card className="max-w-4xl">
        {canEdit ? (
          <DoctorForm doctorId={doctor.id} version={doctor.version} employers={employers} fixedEmployerName={fixedEmployerId(scope) === null ? undefined : doctor.employer.name} defaultValues={formValuesOf(doctor)} />
        ) : (
          <>
            <p className="mb-4 rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-600">{t("readOnlyNotice")}</p>
            <DoctorView doctor={doctor} />
          </>
        )}
      </Card>
    </div>
  );
}
