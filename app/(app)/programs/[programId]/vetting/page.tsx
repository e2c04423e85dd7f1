import { Download, RotateCcw } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { BoardGrid } from "@/components/vetting/board-grid";
import { QuotaTable } from "@/components/vetting/quota-table";
import { ReopeningsList } from "@/components/vetting/reopenings-list";
import { StageDeadlines } from "@/components/vetting/stage-deadlines";
import { Card } from "@/components/ui/card";
import { ClientMessages } from "@/components/shell/client-messages";
import { can } from "@/lib/auth/policy";
import { prisma } from "@/lib/db";
import { quotaProgress } from "@/lib/server/application-queries";
import { requirePermission } from "@/lib/server/page-guard";
import { ProgramBreadcrumbs } from "@/components/programs/program-breadcrumbs";
import { listStageReopenings } from "@/lib/server/stage-reopenings";
import { ListEmpty } from "@/components/ui/list-empty";
import { Pagination } from "@/components/ui/pagination";
import { SearchForm } from "@/components/ui/search-form";
import Link from "next/link";
import { listQuerySchema, toPage } from "@/lib/schemas/list-query";
import { loadBoard } from "./load-board";

/** Posts per page of the board's grid. */
const BOARD_PAGE_SIZE = 25;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("vetting");
  return { title: t("title") };
}

const exportClass = "inline-flex items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50";

// The programme's vetting at a glance for the bureau (admins and staff decide; auditors read): the
// posts × stages board from one grouped query, the stages' deadlines, the units' quota progress,
// reopened stages (the form that reopens one is its own page, ./reopen), and the report / approved
// lists as Excel.
export default async function VettingBoardPage({ params, searchParams }: { params: Promise<{ programId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { scope } = await requirePermission("vetting.read");
  const { programId } = await params;
  const query = listQuerySchema.parse(await searchParams);
  const board = await loadBoard(scope, programId);
  // A province's programme may have hundreds of posts: the grid shows one page of them (by title or
  // receiving hospital when searched), so the page stays light; the counts come from one query anyway.
  const needle = query.q?.toLowerCase();
  const matching = needle ? board.posts.filter((p) => p.title.toLowerCase().includes(needle) || p.receivingOrgName.toLowerCase().includes(needle)) : board.posts;
  const postsPage = toPage(matching.slice((query.page - 1) * BOARD_PAGE_SIZE, query.page * BOARD_PAGE_SIZE), matching.length, query, BOARD_PAGE_SIZE);
  const now = new Date();
  const canReopen = can(scope, "application.reopenStage", { organizationId: board.program.bureauId });
  const canDecide = can(scope, "application.decide", { organizationId: board.program.bureauId });
  const [quotas, reopenings, t, tList] = await Promise.all([
    quotaProgress(prisma, scope, programId, now),
    listStageReopenings(prisma, scope, programId),
    getTranslations("vetting"),
    getTranslations("list"),
  ]);
  const paged = board.posts.length > BOARD_PAGE_SIZE || Boolean(query.q);
  // Who is on each list (the same counts the board shows): an empty list is not offered for export.
  const listCounts = {
    report: board.posts.reduce((sum, p) => sum + (p.stages.REPORT_LIST?.passed ?? 0), 0),
    approved: board.posts.reduce((sum, p) => sum + p.approved, 0),
  };
  const exportHref = (list: "report" | "approved") => `/api/v1/programs/${programId}/vetting-lists/${list}`;

  return (
    <ClientMessages folder="app/(app)/programs/[programId]/vetting">
      <div className="flex flex-col gap-6">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div>
            <ProgramBreadcrumbs role={scope.user.role} program={board.program} trail={[{ label: t("title") }]} />
            <h1 className="mt-2 text-2xl font-semibold text-slate-900">
              {t("title")} · {board.program.name}
            </h1>
            <p className="mt-1 text-sm text-slate-600">{t("subtitle")}</p>
            {!canDecide ? <p className="mt-1 text-sm text-amber-800">{t("readOnly")}</p> : null}
          </div>
          <div className="flex flex-wrap gap-2">
            {(["report", "approved"] as const).map((list) =>
              listCounts[list] > 0 ? (
                <a key={list} href={exportHref(list)} className={exportClass} download>
                  <Download aria-hidden className="h-4 w-4" />
                  {t(`exports.${list}`)}
                </a>
              ) : (
                <span key={list} className="inline-flex flex-col text-sm text-slate-500">
                  <span aria-disabled="true" className={`${exportClass} cursor-not-allowed opacity-60 hover:bg-white`}>
                    <Download aria-hidden className="h-4 w-4" />
                    {t(`exports.${list}`)}
                  </span>
                  <span className="mt-1">{t(`exports.empty.${list}`)}</span>
                </span>
              ),
            )}
          </div>
        </div>

        <Card title={t("board.title")}>
          <div className="flex flex-col gap-4">
            {paged ? <SearchForm label={t("board.search")} placeholder={t("board.searchPlaceholder")} defaultValue={query.q} submitLabel={tList("search")} /> : null}
            {paged && matching.length === 0 ? (
              <ListEmpty filtered empty={t("board.noPosts")} emptyFiltered={t("board.noMatch")} clearHref={`/programs/${programId}/vetting`} clearLabel={t("board.clearSearch")} />
            ) : (
              <BoardGrid board={{ ...board, posts: postsPage.rows }} />
            )}
            {paged && postsPage.pageCount > 1 ? <Pagination page={postsPage.page} pageCount={postsPage.pageCount} total={postsPage.total} params={{ q: query.q }} /> : null}
          </div>
        </Card>

        <Card title={t("deadlines.title")}>
          <StageDeadlines stages={board.stages} now={now} />
        </Card>

        {/* Reopening sits with the deadlines it extends, above the long list of units' quotas; its form has a page of its own. */}
        <Card
          title={t("reopen.listTitle")}
          action={
            canReopen ? (
              <Link href={`/programs/${programId}/vetting/reopen`} className={exportClass}>
                <RotateCcw aria-hidden className="h-4 w-4" />
                {t("reopen.open")}
              </Link>
            ) : null
          }
        >
          <ReopeningsList rows={reopenings} />
        </Card>

        <Card title={t("quota.title")}>
          <QuotaTable rows={quotas} view="bureau" />
        </Card>

      </div>
    </ClientMessages>
  );
}
