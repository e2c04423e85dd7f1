import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DispatchServiceNav } from "@/components/leave/dispatch-nav";
import { LeaveForm } from "@/components/leave/leave-form";
import { LeaveList } from "@/components/leave/leave-list";
import { ServiceClockCard } from "@/components/service/service-clock-card";
import { Card } from "@/components/ui/card";
import { prisma } from "@/lib/db";
import { dispatchLeave } from "@/lib/server/leave-queries";
import { requirePermission } from "@/lib/server/page-guard";
import { orErrorPage } from "../../../applications/[applicationId]/load";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("leave.page");
  return { title: t("metaTitle") };
}

// A dispatch's leave for everyone who may see the dispatch: the doctor requests and withdraws, the
// receiving supervisor and then the bureau decide; the service clock beside it shows what approved
// leave did to the last day.
export default async function DispatchLeavePage({ params }: { params: Promise<{ dispatchId: string }> }) {
  const { scope } = await requirePermission("dispatch.read");
  const { dispatchId } = await params;
  const data = await orErrorPage(() => dispatchLeave(prisma, scope, dispatchId));
  const t = await getTranslations("leave.page");
  const { dispatch } = data;
  const isOwn = scope.user.doctorId === dispatch.doctorId;

  return (
    <div className="flex flex-col gap-6">
      <DispatchServiceNav role={scope.user.role} dispatchId={dispatch.id} doctorName={dispatch.doctor.name} current="leave" />
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">{t("title", { doctor: dispatch.doctor.name })}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("subtitle", { program: dispatch.program.name, org: dispatch.receivingOrg.name, post: dispatch.post.title })}</p>
      </div>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="flex flex-col gap-6">
          {data.can.file ? (
            <Card title={t("fileTitle")}>
              <LeaveForm dispatchId={dispatch.id} firstDay={dispatch.startDate} lastDay={dispatch.lastDay} rules={dispatch.program} />
            </Card>
          ) : null}
          <Card title={t("list")}>
            <LeaveList leaves={data.leaves} doctorName={dispatch.doctor.name} lastDay={dispatch.lastDay} thresholdDays={dispatch.program.leaveFilingThresholdDays} empty={isOwn ? t("emptyDoctor") : t("empty")} />
          </Card>
        </div>
        {/* On a phone the clock comes first: it is what the doctor opens the page for. */}
        <div className="order-first lg:order-none">
          <ServiceClockCard clock={data.clock} thresholdDays={dispatch.program.leaveFilingThresholdDays} links={{ attendance: `/dispatches/${dispatch.id}/attendance` }} />
        </div>
      </div>
    </div>
  );
}
