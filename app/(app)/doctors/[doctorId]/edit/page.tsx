import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound, redirect } from "next/navigation";
import { DoctorForm } from "@/components/doctors/doctor-form";
import { formValuesOf } from "@/components/doctors/form-values";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Card } from "@/components/ui/card";
import { fixedEmployerId } from "@/lib/auth/policy";
import { prisma } from "@/lib/db";
import { getDoctor, listEmployerOptions } from "@/lib/server/doctors";
import { requirePermission } from "@/lib/server/page-guard";
import { navLabelFor } from "@/lib/navigation";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("doctors");
  return { title: t("title") };
}

// Editing a doctor's record: only for those who manage its employer (others are sent back to the
// read-only record). The save action checks the same again.
export default async function EditDoctorPage({ params }: { params: Promise<{ doctorId: string }> }) {
  const { scope } = await requirePermission("doctor.read");
  const { doctorId } = await params;
  const doctor = await getDoctor(prisma, scope, doctorId);
  if (!doctor) notFound();
  if (!doctor.canManage || doctor.isIdNumberMasked) redirect(`/doctors/${doctor.id}`);
  const [t, tNav, employers] = await Promise.all([getTranslations("doctors"), getTranslations("nav"), listEmployerOptions(prisma, scope, { includeId: doctor.employerId })]);

  return (
    <div className="flex flex-col gap-6">
      <div>
        <Breadcrumbs
          trail={[{ label: tNav(navLabelFor("/doctors", scope.user.role)), href: "/doctors" }, { label: doctor.name, href: `/doctors/${doctor.id}` }, { label: t("edit") }]}
        />
        <h1 className="mt-2 text-2xl font-semibold text-slate-900">{t("editTitle", { name: doctor.name })}</h1>
        <p className="mt-1 text-sm text-slate-600">
          {doctor.employer.name} · {doctor.department}
        </p>
      </div>
      <Card className="max-w-4xl">
        <DoctorForm doctorId={doctor.id} version={doctor.version} employers={employers} fixedEmployerName={fixedEmployerId(scope) === null ? undefined : doctor.employer.name} defaultValues={formValuesOf(doctor)} />
      </Card>
    </div>
  );
}
