import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { MentoringPanel } from "@/components/worklogs/mentoring-panel";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
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
      <nav aria-label="breadcrumb" className="text-sm text-slate-500">
        <Link href={`/dispatches/${dispatch.id}/logs`} className="hover:underline">{tl("page.logsTitle")}</Link>
        <span aria-hidden> / </span>
        <span>{t("title")}</span>
      </nav>
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
