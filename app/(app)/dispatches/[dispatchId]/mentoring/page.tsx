import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { MentoringPanel } from "@/components/worklogs/mentoring-panel";
import { Card } from "@/components/ui/card";
import { DispatchBreadcrumbs } from "@/components/dispatches/dispatch-breadcrumbs";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { PageHeader } from "@/components/ui/page-header";
import { serviceDesk } from "@/lib/auth/policy";
import { prisma } from "@/lib/db";
import { isoDay } from "@/lib/domain/eligibility/calendar";
import { listMentoringPairs } from "@/lib/server/mentoring";
import { requirePermission } from "@/lib/server/page-guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("mentoring");
  return { title: t("title") };
}

// 师带徒: the seconded doctor's local mentees (seed 003 counts the exams they pass). The doctor keeps
// them; the receiving unit and the bureau read them.
export default async function MentoringPage({ params }: { params: Promise<{ dispatchId: string }> }) {
  const { scope } = await requirePermission("dispatch.read");
  const { dispatchId } = await params;
  const [{ dispatch, pairs, can }, t, tl] = await Promise.all([listMentoringPairs(prisma, scope, dispatchId), getTranslations("mentoring"), getTranslations("worklogs")]);
  return (
    <div className="flex flex-col gap-6">
      {serviceDesk(scope) === "own" ? (
        <Breadcrumbs trail={[{ label: tl("page.breadcrumbService"), href: "/service" }, { label: tl("page.logsTitle"), href: `/dispatches/${dispatch.id}/logs` }, { label: t("title") }]} />
      ) : (
        <DispatchBreadcrumbs role={scope.user.role} dispatch={{ id: dispatch.id, doctorName: dispatch.doctor.name }} trail={[{ label: tl("page.logsTitle"), href: `/dispatches/${dispatch.id}/logs` }, { label: t("title") }]} />
      )}
      <PageHeader title={t("title")} subtitle={`${dispatch.doctor.name} · ${dispatch.receivingOrg.name}`} />
      <Card>
        <p className="mb-4 text-sm text-slate-600">{t("subtitle")}</p>
        <MentoringPanel
          dispatchId={dispatch.id}
          canManage={can.manage}
          start={isoDay(dispatch.startDate)}
          pairs={pairs.map((p) => ({ ...p, startDate: isoDay(p.startDate), endDate: p.endDate ? isoDay(p.endDate) : null }))}
        />
      </Card>
    </div>
  );
}
