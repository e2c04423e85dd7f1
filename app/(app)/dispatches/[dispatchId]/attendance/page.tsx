import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AttendanceForm } from "@/components/leave/attendance-form";
import { AttendanceList } from "@/components/leave/attendance-list";
import { DispatchServiceNav } from "@/components/leave/dispatch-nav";
import { ServiceClockCard } from "@/components/service/service-clock-card";
import { Card } from "@/components/ui/card";
import { prisma } from "@/lib/db";
import { shanghaiDay } from "@/lib/domain/dispatch";
import { dispatchAttendance } from "@/lib/server/leave-queries";
import { requirePermission } from "@/lib/server/page-guard";
import { orErrorPage } from "../../../applications/[applicationId]/load";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("leave.attendance");
  return { title: t("metaTitle") };
}

// A dispatch's attendance and absences: the checks on record, the count against the programme's
// limit and what it does to the service credited; the receiving supervisor and the bureau record.
export default async function DispatchAttendancePage({ params }: { params: Promise<{ dispatchId: string }> }) {
  const { scope } = await requirePermission("dispatch.read");
  const { dispatchId } = await params;
  const data = await orErrorPage(() => dispatchAttendance(prisma, scope, dispatchId));
  const [t, tPage] = await Promise.all([getTranslations("leave.attendance"), getTranslations("leave.page")]);
  const { dispatch, clock } = data;
  const today = shanghaiDay(new Date());
  const latest = today < dispatch.lastDay ? today : dispatch.lastDay;

  return (
    <div className="flex flex-col gap-6">
      <DispatchServiceNav role={scope.user.role} dispatchId={dispatch.id} doctorName={dispatch.doctor.name} current="attendance" />
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">{t("title", { doctor: dispatch.doctor.name })}</h1>
        <p className="mt-1 text-sm text-slate-600">{tPage("subtitle", { program: dispatch.program.name, org: dispatch.receivingOrg.name, post: dispatch.post.title })}</p>
      </div>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="flex flex-col gap-6">
          {data.can.record ? (
            <Card title={t("record")}>
              <AttendanceForm dispatchId={dispatch.id} doctorName={dispatch.doctor.name} absenceCount={clock.absenceCount} absenceLimit={clock.absenceLimit} today={latest} />
            </Card>
          ) : null}
          <Card title={t("list")}>
            <AttendanceList checks={data.checks} />
          </Card>
        </div>
        {/* On a phone the clock comes first: it is what the doctor opens the page for. */}
        <div className="order-first lg:order-none">
          <ServiceClockCard clock={clock} thresholdDays={dispatch.program.leaveFilingThresholdDays} links={{ leave: `/dispatches/${dispatch.id}/leave` }} />
        </div>
      </div>
    </div>
  );
}
