import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { GradeForm } from "@/components/evaluations/grade-form";
import { Badge } from "@/components/ui/badge";
import { Card, EmptyState, Stat } from "@/components/ui/card";
import { DoneNotice } from "@/components/ui/done-notice";
import { Table, Td } from "@/components/ui/table";
import { prisma } from "@/lib/db";
import { isLinkParty } from "@/lib/domain/rater-links";
import { formatHundredths } from "@/lib/domain/scoring";
import { getAssessment } from "@/lib/server/evaluations";
import { requirePermission } from "@/lib/server/page-guard";
import { orErrorPage } from "../../load";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("evaluations");
  return { title: t("title") };
}

// One annual assessment: the quota, the cohort with each party's sheet (a unit sees its own doctors
// and its own sheets), who is not assessed and why, the ranking and the bureau's grades.
export default async function AssessmentPage({ params }: { params: Promise<{ assessmentId: string }> }) {
  const { scope } = await requirePermission("evaluation.read");
  const { assessmentId } = await params;
  const [a, t] = await Promise.all([orErrorPage(() => getAssessment(prisma, scope, assessmentId)), getTranslations("evaluations")]);
  const assessed = a.subjects.filter((s) => s.assessed);
  // Staff make links for the parties no account scores as (mentees, the receiving unit's staff).
  const linksOffered = a.can.grade && a.scheme.parties.some((p) => isLinkParty(p.party));
  const notAssessed = a.subjects.filter((s) => !s.assessed);
  const excellent = assessed.filter((s) => s.grade === "EXCELLENT").length;
  const gradable = a.ranking.length === assessed.length && assessed.length > 0;
  const rows = a.ranking.map((r) => {
    const s = assessed.find((x) => x.id === r.id)!;
    return { id: s.id, name: s.doctorName, total: r.total, proposed: s.proposedGrade ?? "INCOMPETENT", grade: s.grade };
  });

  return (
    <div className="flex flex-col gap-6">
      <nav aria-label={t("breadcrumb")}>
        <Link href="/evaluations" className="text-sm text-brand-700 hover:underline">
          {t("assessment.backToList")}
        </Link>
      </nav>
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">{t("assessment.heading", { program: a.program.name, year: a.year })}</h1>
        <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
          <Badge tone={a.status === "FINALISED" ? "success" : "info"}>{t(`status.${a.status}`)}</Badge>
          <span>{t("assessment.scheme", { scheme: a.scheme.name })}</span>
        </p>
      </div>

      <dl className="grid gap-4 sm:grid-cols-3">
        <Stat label={t("assessment.cohort")} value={assessed.length} hint={t("assessment.cohortValue", { assessed: assessed.length, cohort: a.subjects.length })} />
        <Stat label={t("assessment.quota")} value={a.quota} hint={t("assessment.quotaHint", { percent: a.scheme.quotaPercent, assessed: a.cohortSize })} />
        <Stat label={t("assessment.excellentGiven")} value={excellent} />
      </dl>
      {a.quota === 0 && a.cohortSize > 0 ? <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("assessment.noExcellent", { percent: a.scheme.quotaPercent })}</p> : null}
      {/* The grade form leaves the page once the assessment is final: its success line stays here, by the address's mark. */}
      <DoneNotice what="assessmentFinalised" text={t("assessment.finalised")} />
      {a.status === "FINALISED" ? <p className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">{t("assessment.final")}</p> : null}

      <Card title={t("assessment.caption")}>
        {assessed.length === 0 ? (
          <EmptyState>{t("assessment.notAssessedHint")}</EmptyState>
        ) : (
          <Table caption={t("assessment.caption")} head={[t("assessment.doctor"), t("assessment.units"), t("assessment.served"), t("assessment.sheets"), t("assessment.total"), t("assessment.grade")]}>
            {assessed.map((s) => {
              const mine = s.sheets.filter((sh) => sh.mine);
              return (
                <tr key={s.id}>
                  <Td className="whitespace-nowrap font-medium text-slate-900">{s.doctorName}</Td>
                  <Td>
                    <span className="block">{s.dispatchingOrg}</span>
                    <span className="block text-slate-500">{s.receivingOrg}</span>
                  </Td>
                  <Td className="whitespace-nowrap tabular-nums">{t("assessment.servedValue", { days: s.servedDays, months: s.monthsServed })}</Td>
                  <Td>
                    <ul className="flex flex-col gap-1">
                      {s.sheets.map((sh) => (
                        <li key={sh.party} className="flex flex-wrap items-center gap-1.5 whitespace-nowrap">
                          <span className="text-slate-600">{t(`party.${sh.party}`)}</span>
                          <Badge tone={sh.submitted ? "success" : sh.points ? "warning" : "neutral"}>
                            {sh.submitted ? t("assessment.submitted") : sh.points ? t("assessment.draft") : t("assessment.notYet")}
                          </Badge>
                          {sh.sum !== null ? <span className="tabular-nums text-slate-700">{(sh.sum / 10).toFixed(1)}</span> : null}
                        </li>
                      ))}
                    </ul>
                    {(mine.length > 0 || linksOffered) && a.status === "SCORING" ? (
                      <div className="mt-2 flex flex-wrap gap-2">
                        {linksOffered ? (
                          <Link href={`/evaluations/assessments/${a.id}/subjects/${s.id}/links`} className="relative rounded-md border border-slate-300 px-2.5 py-1 text-sm font-medium text-slate-700 hover:bg-slate-50">
                            {t("raterLinks.manage")}
                            <span className="sr-only"> {s.doctorName}</span>
                          </Link>
                        ) : null}
                        {mine.map((sh) => (
                          <Link key={sh.party} href={`/evaluations/assessments/${a.id}/subjects/${s.id}?party=${sh.party}`} className="relative rounded-md border border-brand-600 px-2.5 py-1 text-sm font-medium text-brand-700 hover:bg-brand-50">
                            {sh.submitted ? t("assessment.viewAction") : t("assessment.scoreAction")}
                            <span className="sr-only">
                              {" "}
                              {s.doctorName} · {t(`party.${sh.party}`)}
                            </span>
                          </Link>
                        ))}
                      </div>
                    ) : null}
                  </Td>
                  <Td className="whitespace-nowrap tabular-nums">{s.total !== null ? formatHundredths(s.total) : "—"}</Td>
                  <Td className="whitespace-nowrap">
                    {s.grade ? <Badge tone={s.grade === "EXCELLENT" ? "success" : s.grade === "INCOMPETENT" ? "danger" : "neutral"}>{t(`grade.${s.grade}`)}</Badge> : s.proposedGrade ? <span className="text-slate-500">{t("assessment.proposed")}：{t(`grade.${s.proposedGrade}`)}</span> : "—"}
                  </Td>
                </tr>
              );
            })}
          </Table>
        )}
      </Card>

      <Card title={t("assessment.notAssessedTitle")}>
        {notAssessed.length === 0 ? (
          <EmptyState>{t("assessment.notAssessedEmpty")}</EmptyState>
        ) : (
          <>
            <p className="mb-3 text-sm text-slate-600">{t("assessment.notAssessedHint")}</p>
            <ul className="flex flex-col gap-2">
              {notAssessed.map((s) => (
                <li key={s.id} className="flex flex-wrap gap-x-3 text-sm">
                  <span className="font-medium text-slate-900">{s.doctorName}</span>
                  <span className="text-slate-600">{s.dispatchingOrg}</span>
                  <span className="text-slate-600">{t("assessment.notAssessedReason", { days: s.servedDays, months: s.monthsServed, percent: a.scheme.minServedPercent })}</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </Card>

      {a.can.grade ? (
        <Card title={t("assessment.gradeTitle")}>
          {gradable ? <GradeForm assessmentId={a.id} version={a.version} rows={rows} quota={a.quota} /> : <EmptyState>{t("assessment.ungradable")}</EmptyState>}
        </Card>
      ) : a.ranking.length > 0 ? (
        <Card title={t("assessment.ranking")}>
          <ol className="flex flex-col gap-1 text-sm">
            {a.ranking.map((r, i) => (
              <li key={r.id} className="tabular-nums">
                {i + 1}. {r.name} {formatHundredths(r.total)}
              </li>
            ))}
          </ol>
        </Card>
      ) : null}
    </div>
  );
}
