import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { DoctorTimelineView, timelineKindParam } from "@/components/doctors/doctor-timeline-view";
import { prisma } from "@/lib/db";
import { doctorTimeline } from "@/lib/server/doctor-timeline";
import { requirePermission } from "@/lib/server/page-guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("timeline");
  return { title: t("myTitle") };
}

// The doctor's own record across programmes and years (我的履历): what he was nominated for, what
// was decided, where he served, his leave, logs, grades and allowances. Printable.
export default async function MyTimelinePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { scope } = await requirePermission("application.register");
  const doctorId = scope.user.doctorId;
  if (!doctorId) notFound();
  const [timeline, query, t] = await Promise.all([doctorTimeline(prisma, scope, doctorId), searchParams, getTranslations("timeline")]);
  return (
    <div className="flex flex-col gap-4">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">{t("myTitle")}</h1>
        <p className="mt-1 text-sm text-slate-600">
          {timeline.doctor.name} · {timeline.doctor.employerName}
          {timeline.doctor.department ? ` · ${timeline.doctor.department}` : ""}
        </p>
        <p className="mt-1 text-sm text-slate-500 print:hidden">{t("intro")}</p>
      </div>
      <DoctorTimelineView timeline={timeline} kind={timelineKindParam(query.kind)} basePath="/timeline" />
    </div>
  );
}
