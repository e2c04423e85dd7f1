"use client";

import { useTranslations } from "next-intl";
import clsx from "clsx";
import { STICKY_FIRST_COLUMN } from "@/components/ui/table";
import Link from "next/link";
import { EmptyState } from "@/components/ui/card";
import type { Board, BoardPost, BoardStage } from "@/lib/server/vetting";
import { PassedOfCap, ShortfallBadge } from "./stage-tally";

/** The board's posts grouped by rotation batch, in the board's order (batch, title). */
function byBatch(posts: BoardPost[]): [number, BoardPost[]][] {
  const groups = new Map<number, BoardPost[]>();
  for (const post of posts) groups.set(post.rotationBatch, [...(groups.get(post.rotationBatch) ?? []), post]);
  return [...groups.entries()];
}

function StageCell({ programId, post, stage }: { programId: string; post: BoardPost; stage: BoardStage }) {
  const t = useTranslations("vetting");
  const tStage = useTranslations("stage");
  const tally = post.stages[stage.kind];
  if (!tally) return null;
  // Laid out by the table's descendant classes (CELLS): 150 cells a page, so no class list of their own.
  return (
    <>
      <Link
        href={`/programs/${programId}/vetting/${post.id}?stage=${stage.kind}`}
        aria-label={t("board.waitingLink", { post: post.title, batch: post.rotationBatch, stage: tStage(stage.kind), count: tally.waiting })}
        className={tally.waiting > 0 ? undefined : "none"}
      >
        {t("board.waiting", { count: tally.waiting })}
      </Link>
      <PassedOfCap tally={tally} />
      <ShortfallBadge tally={tally} ratio={stage.ratio} stage={stage.kind} ended={post.ended[stage.kind] ?? 0} />
    </>
  );
}

/**
 * The cells' layout, once on the table instead of on each of a page's 25 × 9 cells (issue 17: the
 * board's HTML and payload repeat every class list): padding, the number columns, and each stage
 * cell's link, count and badge stacked one per line, coloured by a short marker class.
 */
const CELLS = [
  "[&_td]:px-2 [&_td]:py-2.5 [&_td>*]:block [&_td>*]:w-fit [&_td>*+*]:mt-1",
  // The link into the stage's list: brand blue, grey where nobody waits (`none`).
  "[&_td>a]:rounded [&_td>a]:font-medium [&_td>a]:text-brand-700 [&_td>a]:underline-offset-2 [&_td>a:hover]:underline [&_td>a.none]:font-normal [&_td>a.none]:text-slate-500",
  // Passed of the cap (PassedOfCap): green and bold once the cap is reached.
  "[&_.passed]:tabular-nums [&_.passed]:text-slate-700 [&_.passed.full]:font-semibold [&_.passed.full]:text-emerald-700",
  // Headcount, applications, awaiting endorsement: the three number columns after the post.
  "[&_td:nth-child(-n+4)]:text-right [&_td:nth-child(-n+4)]:tabular-nums",
].join(" ");

/**
 * Posts (rows, by rotation batch) × the programme's vetting stages (columns): per cell those waiting
 * (a link into the stage's list), passed of the cap, and a shortfall where fewer candidates than the
 * ratio remain. One table at every width (a phone scrolls it sideways, the post column stays put):
 * rendering each post twice, as a row and as a card, doubled the page for a province's 250 posts.
 */
export function BoardGrid({ board }: { board: Board }) {
  const t = useTranslations("vetting");
  const tStage = useTranslations("stage");
  const stages = board.stages.filter((s) => s.kind !== "REGISTRATION");
  if (board.posts.length === 0) return <EmptyState>{t("board.noPosts")}</EmptyState>;
  const groups = byBatch(board.posts);
  return (
    <>
      <div className="relative -mx-1 overflow-x-auto px-1" role="region" aria-label={t("board.caption")} tabIndex={0}>
        <table className={clsx("w-full min-w-[64rem] text-left text-sm", STICKY_FIRST_COLUMN, CELLS)}>
          <caption className="sr-only">{t("board.caption")}</caption>
          <thead className="border-b border-slate-200 text-xs text-slate-500">
            <tr>
              <th scope="col" className="sticky left-0 z-10 bg-white px-2 py-2 font-medium">
                {t("board.post")}
              </th>
              <th scope="col" className="px-2 py-2 text-right font-medium">
                {t("board.headcount")}
              </th>
              <th scope="col" className="px-2 py-2 text-right font-medium">
                {t("board.total")}
              </th>
              <th scope="col" className="px-2 py-2 text-right font-medium">
                {t("board.pendingEndorsement")}
              </th>
              {stages.map((s) => (
                <th key={s.kind} scope="col" className="px-2 py-2 font-medium">
                  {tStage(s.kind)}
                  {s.ratio ? <span className="block font-normal text-slate-400">1:{s.ratio}</span> : null}
                </th>
              ))}
              <th scope="col" className="px-2 py-2 font-medium">
                {t("board.approved")}
              </th>
            </tr>
          </thead>
          {groups.map(([batch, posts]) => (
            <tbody key={batch} className="divide-y divide-slate-100">
              <tr className="bg-slate-50">
                <th scope="rowgroup" colSpan={5 + stages.length} className="px-2 py-1.5 text-xs font-semibold text-slate-600">
                  {t("board.batch", { batch })}
                </th>
              </tr>
              {posts.map((post) => (
                <tr key={post.id} className="align-top">
                  <th scope="row" className="px-2 py-2.5 font-normal">
                    <span className="block font-medium text-slate-900">{post.title}</span>
                    <span className="block text-xs text-slate-500">{post.receivingOrgName}</span>
                  </th>
                  <td>{post.headcount}</td>
                  <td>{post.total}</td>
                  <td>{post.pendingEndorsement}</td>
                  {stages.map((stage) => (
                    <td key={stage.kind}>
                      <StageCell programId={board.program.id} post={post} stage={stage} />
                    </td>
                  ))}
                  <td className="tabular-nums">
                    <span className={post.approved >= post.headcount ? "font-semibold text-emerald-700" : "text-slate-700"}>{t("board.approvedOfHeadcount", { approved: post.approved, headcount: post.headcount })}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </div>
    </>
  );
}
