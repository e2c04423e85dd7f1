import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { ScoreForm } from "@/components/evaluations/score-form";
import { AssessmentBreadcrumb } from "@/components/evaluations/assessment-breadcrumb";
import { Card } from "@/components/ui/card";
import { prisma } from "@/lib/db";
import { formatTenths, type GradeBand } from "@/lib/domain/scoring";
import { getAssessment } from "@/lib/server/evaluations";
import { requirePermission } from "@/lib/server/page-guard";
import { notFound } from "next/navigation";
import { orErrorPage } from "../../../../load";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("evaluations");
  return { title: t("title") };
}

// One party's sheet for one doctor: the form while it is a draft, the points once submitted. Only a
// party the caller scores as (the policy's canScoreAs, reported by getAssessment as `mine`).
export default async function ScoreSubjectPage({ params, searchParams }: { params: Promise<{ assessmentId: string; subjectId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { scope } = await requirePermission("evaluation.score");
  const { assessmentId, subjectId } = await params;
  const { party } = await searchParams;
  const [a, t] = await Promise.all([orErrorPage(() => getAssessment(prisma, scope, assessmentId)), getTranslations("evaluations")]);
  const subject = a.subjects.find((s) => s.id === subjectId);
  const mine = subject?.sheets.filter((s) => s.mine) ?? [];
  const sheet = mine.find((s) => s.party === party) ?? mine[0];
  if (!subject || !sheet || !subject.assessed) notFound();
  const formProps = {
    subjectId: subject.id,
    doctorName: subject.doctorName,
    party: sheet.party,
    partyLabel: t(`party.${sheet.party}`),
    weight: sheet.weight,
    aspects: a.scheme.aspects,
    bands: a.scheme.bands as GradeBand[],
    draft: sheet.points,
    parties: subject.sheets.map((s) => ({ party: s.party, weight: s.weight, sum: s.submitted ? s.sum : null })),
  };

  return (
    <div className="flex flex-col gap-6">
      <AssessmentBreadcrumb assessment={a} />
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">{t("score.title", { doctor: subject.doctorName })}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("score.party", { party: t(`party.${sheet.party}`), weight: sheet.weight })}</p>
        <p className="mt-1 text-sm text-slate-600">
          {subject.dispatchingOrg} → {subject.receivingOrg} · {t("assessment.servedValue", { days: subject.servedDays, months: subject.monthsServed })}
        </p>
      </div>
      <Card>
        {sheet.submitted || a.status !== "SCORING" ? (
          <div className="flex flex-col gap-3">
            <p className="text-sm text-slate-700">{t("score.alreadySubmitted")}</p>
            <ul className="flex flex-col divide-y divide-slate-100 rounded-md border border-slate-200">
              {a.scheme.aspects.map((aspect, i) => (
                <li key={aspect.id} className="flex justify-between px-3 py-2 text-sm">
                  <span>{aspect.name}</span>
                  <span className="tabular-nums">
                    {sheet.points ? formatTenths(sheet.points[i]!) : "—"} / {aspect.maxPoints}
                  </span>
                </li>
              ))}
            </ul>
            <p className="text-sm font-medium tabular-nums">
              {t("score.sum")}: {sheet.sum !== null ? formatTenths(sheet.sum) : "—"}
            </p>
            {a.status === "SCORING" && !subject.grade ? (
              <details className="mt-2 rounded-md border border-slate-200 p-3">
                <summary className="cursor-pointer text-sm font-medium text-brand-700">{t("score.correct")}</summary>
                <div className="mt-3">
                  <ScoreForm {...formProps} correction />
                </div>
              </details>
            ) : null}
          </div>
        ) : (
          <ScoreForm {...formProps} />
        )}
      </Card>
      <div>
        <Link href={`/evaluations/assessments/${a.id}`} className="text-sm text-brand-700 hover:underline">
          {t("score.back")}
        </Link>
      </div>
    </div>
  );
}
