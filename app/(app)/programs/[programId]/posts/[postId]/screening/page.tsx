import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { ScreeningFreshness } from "@/components/eligibility/screening-freshness";
import { ScreeningHeader } from "@/components/eligibility/screening-header";
import { ScreeningTable } from "@/components/eligibility/screening-table";
import { SHOW_ALL, ScreeningTabs } from "@/components/eligibility/screening-tabs";
import { Card, EmptyState } from "@/components/ui/card";
import { FilterSelect } from "@/components/ui/filter-select";
import { ProgramBreadcrumbs } from "@/components/programs/program-breadcrumbs";
import { ExportLink } from "@/components/ui/export-link";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { SearchForm } from "@/components/ui/search-form";
import { prisma } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { screeningQueryOf } from "@/lib/schemas/screening";
import { screenPost, screeningUnits, type ScreeningResult } from "@/lib/server/eligibility";
import { requirePermission } from "@/lib/server/page-guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("eligibility.screening");
  return { title: t("title") };
}

type Props = { params: Promise<{ programId: string; postId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// Every doctor the caller may see, with the stored verdict against the post's rules (issue 17: one
// indexed read, with when it was computed and a running re-evaluation's progress); the post's
// programme must be in the caller's scope (checked by screenPost from the post's id, never from the URL's programme).
export default async function ScreeningPage({ params, searchParams }: Props) {
  const { scope } = await requirePermission("eligibility.screen");
  const [{ programId, postId }, raw] = await Promise.all([params, searchParams]);
  // Opens on 符合 (the few who qualify, not 60 who do not, sorted by name before them); 全部 is verdict=all.
  const query = screeningQueryOf(raw);
  let result: ScreeningResult;
  try {
    result = await screenPost(prisma, scope, { ...query, postId });
  } catch (error) {
    if (isAppError(error) && error.code === "forbidden") forbidden();
    if (isAppError(error) && error.code === "notFound") notFound();
    throw error;
  }
  if (result.post.program.id !== programId) notFound();
  const [units, t, tv, tList] = await Promise.all([screeningUnits(prisma, scope), getTranslations("eligibility.screening"), getTranslations("eligibility.verdict"), getTranslations("list")]);
  const { post, counts, page } = result;
  const filters = { q: query.q, unitId: query.unitId };
  const isFiltered = !!(query.q || query.unitId);
  // The export takes what the page shows: the tab (全部 explicitly, as the API reads no verdict as all), unit and name.
  const exportHref = `/api/v1/posts/${postId}/screening/export?${new URLSearchParams(Object.entries({ ...filters, verdict: query.verdict ?? SHOW_ALL }).filter((e): e is [string, string] => !!e[1]))}`;

  let empty: React.ReactNode = null;
  if (page.total === 0) {
    if (counts.total === 0 && !isFiltered) empty = t("empty");
    else if (counts.total > 0 && query.verdict) empty = t("emptyVerdict", { verdict: tv(query.verdict) });
    else empty = t("emptyFiltered");
  }

  return (
    <div className="flex flex-col gap-6">
      <ProgramBreadcrumbs role={scope.user.role} program={post.program} trail={[{ label: `${t("title")} · ${post.title}` }]} />
      <PageHeader title={`${t("title")} · ${post.title}`} subtitle={t("subtitle")} />
      <ScreeningHeader post={post} rules={result.rules} />
      <ScreeningFreshness freshness={result.freshness} hasStaleRows={page.rows.some((r) => r.isStale)} />
      {page.total > 0 ? <ExportLink href={exportHref} label={t("export")} /> : null}
      <Card>
        <div className="flex flex-col gap-4">
          <ScreeningTabs counts={counts} active={query.verdict} params={filters} />
          <SearchForm label={t("searchLabel")} placeholder={t("searchPlaceholder")} defaultValue={query.q} submitLabel={tList("search")}>
            <input type="hidden" name="verdict" value={query.verdict ?? SHOW_ALL} />
            {units.length > 1 ? (
              <FilterSelect label={t("unit")} name="unitId" value={query.unitId} allLabel={t("allUnits")} options={units.map((u) => ({ value: u.id, label: u.name }))} className="max-w-72" />
            ) : null}
          </SearchForm>
        </div>
        <div className="mt-5">
          {empty ? (
            <EmptyState>
              {empty}
              {isFiltered || query.verdict ? (
                <>
                  {" "}
                  <Link href={`/programs/${programId}/posts/${postId}/screening?verdict=${SHOW_ALL}`} className="text-brand-700 underline">
                    {t("clearFilters")}
                  </Link>
                </>
              ) : null}
            </EmptyState>
          ) : (
            <>
              <ScreeningTable rows={page.rows} />
              <Pagination page={page.page} pageCount={page.pageCount} total={page.total} params={{ ...filters, verdict: query.verdict ?? SHOW_ALL }} size={query.size} />
            </>
          )}
        </div>
      </Card>
    </div>
  );
}
