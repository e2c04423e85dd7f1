import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { OpenAssessmentForm } from "@/components/evaluations/open-assessment-form";
import { Badge } from "@/components/ui/badge";
import { Card, EmptyState } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { listState, sortHeads } from "@/components/ui/sort-header";
import { Table, Td } from "@/components/ui/table";
import { can } from "@/lib/auth/policy";
import { prisma } from "@/lib/db";
import { ASSESSMENT_DEFAULT_SORT, assessmentPageQuerySchema, type ASSESSMENT_SORT_KEYS } from "@/lib/schemas/evaluations";
import { assessmentChoices, listAssessments } from "@/lib/server/evaluations";
import { requirePermission } from "@/lib/server/page-guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("evaluations");
  return { title: t("title") };
}

// The annual assessments the caller may see (a bureau its programmes', a unit those with its
// doctors); staff open a new one for a programme and a year.
export default async function EvaluationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { scope } = await requirePermission("evaluation.read");
  const query = assessmentPageQuerySchema.parse(await searchParams);
  const canOpen = can(scope, "evaluation.manage");
  const [list, choices, t] = await Promise.all([listAssessments(prisma, scope, query), canOpen ? assessmentChoices(prisma, scope) : Promise.resolve(null), getTranslations("evaluations")]);

  const { sort, pageParams } = listState(query, { programId: query.programId }, ASSESSMENT_DEFAULT_SORT);
  const head = sortHeads<(typeof ASSESSMENT_SORT_KEYS)[number]>(sort);

  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("title")} subtitle={t("subtitle")} action={{ href: "/evaluations/schemes", label: t("schemes.link"), icon: "list-checks" }} />
      <Link href="/evaluations/service" className="self-start rounded-md border border-brand-600 px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-brand-50">
        {t("service.title")}
      </Link>
      <Card title={t("list.caption")}>
        {list.total === 0 ? (
          <EmptyState>{canOpen ? t("list.emptyStaff") : t("list.empty")}</EmptyState>
        ) : (
          <Table caption={t("list.caption")} head={[head(t("list.program"), "program"), head(t("list.year"), "year"), t("list.scheme"), head(t("list.status"), "status"), t("list.progress")]}>
            {list.rows.map((a) => (
              <tr key={a.id}>
                <Td>
                  <Link href={`/evaluations/assessments/${a.id}`} className="font-medium text-brand-700 hover:underline">
                    {a.program.name}
                  </Link>
                </Td>
                <Td className="whitespace-nowrap">{t("list.yearValue", { year: a.year })}</Td>
                <Td>{a.schemeName}</Td>
                <Td>
                  <Badge tone={a.status === "FINALISED" ? "success" : "info"}>{t(`status.${a.status}`)}</Badge>
                </Td>
                <Td className="whitespace-nowrap tabular-nums">{t("list.progressValue", { graded: a.graded, assessed: a.assessed, cohort: a.cohort })}</Td>
              </tr>
            ))}
          </Table>
        )}
        {list.total > 0 ? <Pagination page={list.page} pageCount={list.pageCount} total={list.total} params={pageParams} size={query.size} /> : null}
      </Card>
      {choices && choices.programs.length > 0 ? (
        <Card title={t("open.title")}>
          <OpenAssessmentForm programs={choices.programs} schemes={choices.schemes} defaultYear={new Date().getUTCFullYear()} />
        </Card>
      ) : null}
    </div>
  );
}
