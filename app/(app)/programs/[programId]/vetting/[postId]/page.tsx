import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import type { VettingRow } from "@/components/vetting/applicant";
import { ShortlistRanking } from "@/components/vetting/shortlist-ranking";
import { CapLine, StageTabs } from "@/components/vetting/stage-lists";
import { EndedList, PassedList } from "@/components/vetting/stage-rows";
import { Pagination } from "@/components/ui/pagination";
import { ShortfallBadge } from "@/components/vetting/stage-tally";
import { WaitingList } from "@/components/vetting/waiting-list";
import { can } from "@/lib/auth/policy";
import { prisma } from "@/lib/db";
import { STAGE_KINDS } from "@/lib/domain/program-timeline";
import type { StageKind } from "@/lib/generated/prisma/enums";
import { stageApplications, type ApplicationListRow } from "@/lib/server/application-queries";
import { endingReasons } from "@/lib/server/ending-reasons";
import { requirePermission } from "@/lib/server/page-guard";
import { missingAtCurrentStage } from "@/lib/server/required-documents";
import { ProgramBreadcrumbs } from "@/components/programs/program-breadcrumbs";
import { loadBoard } from "../load-board";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("vetting");
  return { title: t("title") };
}

type Props = { params: Promise<{ programId: string; postId: string }>; searchParams: Promise<{ stage?: string | string[]; passed?: string | string[] }> };

/** Those who passed, a page at a time (a post of headcount 10 has ~50 past the first stage). */
const PASSED_PAGE_SIZE = 25;

const toRow = (a: ApplicationListRow): VettingRow => ({
  id: a.id,
  name: a.doctor.name,
  unitName: a.nominatingOrg.name,
  employerName: a.doctor.employer.name,
  eligibilityVerdict: a.eligibilityVerdict,
  exceptionReason: a.exceptionReason,
  documents: a._count.attachments,
  rank: a.rank,
});

// One post at one vetting stage (?stage=KIND): those waiting (decided one by one or as a selection),
// those who passed (the shortlist ranked by staff from INSPECTION_SHORTLIST on), those who ended
// here with the reason; the cap line and shortfall from the board's counts.
export default async function PostStagePage({ params, searchParams }: Props) {
  const { scope } = await requirePermission("vetting.read");
  const [{ programId, postId }, query] = await Promise.all([params, searchParams]);
  const board = await loadBoard(scope, programId);
  const post = board.posts.find((p) => p.id === postId);
  if (!post) notFound();
  const stages = board.stages.filter((s) => s.kind !== "REGISTRATION");
  const requested = typeof query.stage === "string" && (STAGE_KINDS as readonly string[]).includes(query.stage) ? (query.stage as StageKind) : null;
  const stage = stages.find((s) => s.kind === requested) ?? stages.find((s) => (post.stages[s.kind]?.waiting ?? 0) > 0) ?? stages[0];
  if (!stage) notFound();
  const order = stages.map((s) => s.kind);
  const shortlistAt = order.indexOf("INSPECTION_SHORTLIST");
  const showRanking = shortlistAt >= 0 && order.indexOf(stage.kind) >= shortlistAt;

  const lists = await stageApplications(prisma, scope, postId, stage.kind);
  const [shortlist, reasons, missing, t, tStage] = await Promise.all([
    !showRanking ? null : stage.kind === "INSPECTION_SHORTLIST" ? lists.passed : stageApplications(prisma, scope, postId, "INSPECTION_SHORTLIST").then((l) => l.passed),
    endingReasons(prisma, scope, lists.ended.map((a) => a.id), stage.kind),
    missingAtCurrentStage(prisma, scope, lists.waiting.map((a) => a.id)),
    getTranslations("vetting"),
    getTranslations("stage"),
  ]);
  const canDecide = can(scope, "application.decide", { organizationId: board.program.bureauId });
  const tally = post.stages[stage.kind]!;
  const base = `/programs/${programId}/vetting/${postId}`;
  const passedPageCount = Math.max(1, Math.ceil(lists.passed.length / PASSED_PAGE_SIZE));
  const passedPage = Math.min(passedPageCount, Math.max(1, Number.parseInt(typeof query.passed === "string" ? query.passed : "1", 10) || 1));
  const passedRows = lists.passed.slice((passedPage - 1) * PASSED_PAGE_SIZE, passedPage * PASSED_PAGE_SIZE);
  // Remount the ranking when the shortlist's members change, not when a saved new order comes back (the "saved" line stays).
  const shortlistKey = shortlist?.map((a) => a.id).sort().join(",") ?? "";

  return (
    <div className="flex flex-col gap-6">
      <div>
        <ProgramBreadcrumbs role={scope.user.role} program={board.program} trail={[{ label: t("title"), href: `/programs/${programId}/vetting` }, { label: t("stagePage.title", { post: post.title, stage: tStage(stage.kind) }) }]} />
        <h1 className="mt-2 text-2xl font-semibold text-slate-900">{t("stagePage.title", { post: post.title, stage: tStage(stage.kind) })}</h1>
        <p className="mt-1 text-sm text-slate-600">
          {board.program.name} · {t("stagePage.subtitle", { receiving: post.receivingOrgName, headcount: post.headcount, batch: post.rotationBatch })}
        </p>
        {!canDecide ? <p className="mt-1 text-sm text-amber-800">{t("readOnly")}</p> : null}
      </div>

      <StageTabs href={base} stages={stages} post={post} active={stage.kind} />

      <p className="flex flex-wrap items-center gap-2 rounded-md bg-slate-50 px-4 py-3 text-sm text-slate-800 ring-1 ring-inset ring-slate-200">
        <span>
          <CapLine tally={tally} stage={stage.kind} ratio={stage.ratio} headcount={post.headcount} />
        </span>
        <ShortfallBadge tally={tally} ratio={stage.ratio} stage={stage.kind} ended={post.ended[stage.kind] ?? 0} />
      </p>

      <Card title={t("stagePage.waiting", { count: lists.waiting.length })}>
        <WaitingList key={stage.kind} rows={lists.waiting.map((a) => ({ ...toRow(a), missingDocuments: missing.get(a.id) ?? [] }))} stage={stage.kind} canDecide={canDecide} emptyText={t("stagePage.noneWaiting")} remaining={tally.cap === null ? null : (tally.remaining ?? 0)} />
      </Card>

      {stage.kind === "INSPECTION_SHORTLIST" && shortlist ? (
        <Card title={`${t("stagePage.passed", { count: shortlist.length })} · ${t("stagePage.ranking")}`}>
          {shortlist.length === 0 ? (
            <p className="text-sm text-slate-500">{t("stagePage.nonePassed")}</p>
          ) : (
            <ShortlistRanking key={shortlistKey} postId={postId} rows={shortlist.map(toRow)} canDecide={canDecide} />
          )}
        </Card>
      ) : (
        <Card title={t("stagePage.passed", { count: lists.passed.length })}>
          <div id="passed">
            <PassedList rows={passedRows.map((a) => ({ ...toRow(a), status: a.status, currentStage: a.currentStage }))} />
            {passedPageCount > 1 ? <Pagination page={passedPage} pageCount={passedPageCount} total={lists.passed.length} params={{ stage: stage.kind }} param="passed" sizes={false} anchor="passed" label={t("stagePage.passed", { count: lists.passed.length })} /> : null}
          </div>
        </Card>
      )}

      {stage.kind !== "INSPECTION_SHORTLIST" && shortlist && shortlist.length > 0 ? (
        <Card title={t("stagePage.ranking")}>
          <ShortlistRanking key={shortlistKey} postId={postId} rows={shortlist.map(toRow)} canDecide={canDecide} />
        </Card>
      ) : null}

      <Card title={t("stagePage.ended", { count: lists.ended.length })}>
        <EndedList rows={lists.ended.map((a) => ({ ...toRow(a), status: a.status, reason: reasons.get(a.id) ?? null }))} />
      </Card>
    </div>
  );
}
