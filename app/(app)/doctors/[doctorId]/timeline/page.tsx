import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DoctorTimelineView, timelineKindParam } from "@/components/doctors/doctor-timeline-view";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { prisma } from "@/lib/db";
import { navLabelFor } from "@/lib/navigation";
import { doctorTimeline } from "@/lib/server/doctor-timeline";
import { requirePermission } from "@/lib/server/page-guard";
import { orErrorPage } from "@/app/(app)/applications/[applicationId]/load";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("timeline");
  return { title: t("title") };
}

// One doctor's timeline across programmes and years, for those who may read his record (a unit its
// doctors, a bureau those below it; out of scope is "not found"). Printable.
export default async function DoctorTimelinePage({ params, searchParams }: { params: Promise<{ doctorId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { scope } = await requirePermission("doctor.read");
  const [{ doctorId }, query] = await Promise.all([params, searchParams]);
  const timeline = await orErrorPage(() => doctorTimeline(prisma, scope, doctorId));
  const [t, tNav] = await Promise.all([getTranslations("timeline"), getTranslations("nav")]);
  return (
    <div className="flex flex-col gap-4">
      <div>
        <Breadcrumbs trail={[{ label: tNav(navLabelFor("/doctors", scope.user.role)), href: "/doctors" }, { label: timeline.doctor.name, href: `/doctors/${doctorId}` }, { label: t("title") }]} />
        <h1 className="mt-2 text-2xl font-semibold text-slate-900">{t("heading", { name: timeline.doctor.name })}</h1>
        <p className="mt-1 text-sm text-slate-600">
          {timeline.doctor.employerName}
          {timeline.doctor.department ? ` · ${timeline.doctor.department}` : ""}
        </p>
        <p className="mt-1 text-sm text-slate-500 print:hidden">{t("intro")}</p>
      </div>
      <DoctorTimelineView timeline={timeline} kind={timelineKindParam(query.kind)} basePath={`/doctors/${doctorId}/timeline`} />
    </div>
  );
}
