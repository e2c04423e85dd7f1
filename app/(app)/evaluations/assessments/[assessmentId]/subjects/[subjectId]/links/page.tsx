import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { RaterLinks } from "@/components/evaluations/rater-links";
import { AssessmentBreadcrumb } from "@/components/evaluations/assessment-breadcrumb";
import { Card } from "@/components/ui/card";
import { prisma } from "@/lib/db";
import { isLinkParty } from "@/lib/domain/rater-links";
import { getAssessment } from "@/lib/server/evaluations";
import { requirePermission } from "@/lib/server/page-guard";
import { listRaterLinks } from "@/lib/server/rater-links";
import { orErrorPage } from "../../../../../load";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("evaluations");
  return { title: t("raterLinks.manage") };
}

// Staff's rater links for one doctor: make one per party no account scores as (print its QR code or
// e-mail it), see each link's state, revoke an open one.
export default async function RaterLinksPage({ params }: { params: Promise<{ assessmentId: string; subjectId: string }> }) {
  const { scope } = await requirePermission("evaluation.manage");
  const { assessmentId, subjectId } = await params;
  const [a, links, t] = await Promise.all([
    orErrorPage(() => getAssessment(prisma, scope, assessmentId)),
    orErrorPage(() => listRaterLinks(prisma, scope, subjectId)),
    getTranslations("evaluations"),
  ]);
  const subject = a.subjects.find((s) => s.id === subjectId);
  if (!subject || !subject.assessed) notFound();
  const parties = a.scheme.parties.map((p) => p.party).filter(isLinkParty);
  const open = parties.filter((p) => !subject.sheets.find((s) => s.party === p)?.submitted);

  return (
    <div className="flex flex-col gap-6">
      <AssessmentBreadcrumb assessment={a} />
      <div className="print:hidden">
        <h1 className="text-2xl font-semibold text-slate-900">{t("raterLinks.title", { doctor: subject.doctorName })}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("raterLinks.intro")}</p>
      </div>
      <Card>
        {parties.length === 0 ? (
          <p className="text-sm text-slate-600">{t("raterLinks.noLinkParties")}</p>
        ) : (
          <RaterLinks
            subjectId={subject.id}
            doctorName={subject.doctorName}
            parties={open.length ? open : parties}
            links={links.map((l) => ({ ...l, expiresAt: l.expiresAt.toISOString() }))}
          />
        )}
      </Card>
    </div>
  );
}
