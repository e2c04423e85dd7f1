import { Icon } from "@/components/ui/icon";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ApplicationTable } from "@/components/applications/application-table";
import { DoctorView } from "@/components/doctors/doctor-view";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Card, EmptyState } from "@/components/ui/card";
import { prisma } from "@/lib/db";
import { doctorApplications } from "@/lib/server/application-queries";
import { getDoctor } from "@/lib/server/doctors";
import { requirePermission } from "@/lib/server/page-guard";
import { navLabelFor } from "@/lib/navigation";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("doctors");
  return { title: t("title") };
}

// The doctor's record, read-only for everyone, with the history of applications the reader may see;
// those who manage its employer edit it from here (编辑资料 → ./edit). Out of scope is "not found".
// Editing needs the full ID number, which every manager may see.
export default async function DoctorPage({ params }: { params: Promise<{ doctorId: string }> }) {
  const { scope } = await requirePermission("doctor.read");
  const { doctorId } = await params;
  const doctor = await getDoctor(prisma, scope, doctorId);
  if (!doctor) notFound();
  const canEdit = doctor.canManage && !doctor.isIdNumberMasked;
  const [t, tNav, tTimeline, history] = await Promise.all([getTranslations("doctors"), getTranslations("nav"), getTranslations("timeline"), doctorApplications(prisma, scope, doctor.id)]);

  return (
    <div className="flex flex-col gap-6">
      <div>
        <Breadcrumbs trail={[{ label: tNav(navLabelFor("/doctors", scope.user.role)), href: "/doctors" }, { label: doctor.name }]} />
        <div className="mt-2 flex flex-wrap items-end justify-between gap-3">
          <div>
            <h1 className="text-2xl font-semibold text-slate-900">{t("viewTitle", { name: doctor.name })}</h1>
            <p className="mt-1 text-sm text-slate-600">
              {doctor.employer.name} · {doctor.department}
            </p>
          </div>
          <div className="flex flex-wrap gap-2">
            <Link href={`/doctors/${doctor.id}/timeline`} className="inline-flex items-center gap-1.5 rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-700 hover:bg-slate-50">
              <Icon name="history" className="h-4 w-4" />
              {tTimeline("title")}
            </Link>
            {canEdit ? (
              <Link href={`/doctors/${doctor.id}/edit`} className="inline-flex items-center gap-1.5 rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
                <Icon name="pencil" className="h-4 w-4" />
                {t("edit")}
              </Link>
            ) : null}
          </div>
        </div>
      </div>
      <Card className="max-w-4xl">
        {canEdit ? null : <p className="mb-4 rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-600">{t("readOnlyNotice")}</p>}
        <DoctorView doctor={doctor} />
      </Card>
      <Card title={t("history.title")}>{history.length === 0 ? <EmptyState>{t("history.empty")}</EmptyState> : <ApplicationTable rows={history} />}</Card>
    </div>
  );
}
