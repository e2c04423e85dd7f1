import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/card";
import type { Board } from "@/lib/server/vetting";
import { BoardRows, type BoardRow, type BoardWords } from "./board-rows";

/** The board's words the browser formats (counts into "待审 19"): the templates, once a page. */
const WORD_KEYS = ["caption", "post", "headcount", "total", "pendingEndorsement", "approved", "batch", "waiting", "passed", "passedOfCap", "passedOfCapLabel", "shortfall", "shortfallHeadcount", "approvedOfHeadcount"] as const;

/**
 * Posts (rows, by rotation batch) × the programme's vetting stages (columns): per cell those waiting
 * (a link into the stage's list), passed of the cap, and a shortfall where fewer candidates than the
 * ratio remain. One table at every width (a phone scrolls it sideways, the post column stays put).
 *
 * Issue 17: the page's 25 posts reach the browser's component as numbers (~150 bytes a post) and the
 * board's message templates once, not as each post's whole tally object (~800 bytes) nor with the
 * `vetting` catalogue (11 KB); the server decides here what the cells show (the shortfall where the
 * post's candidates have reached the stage).
 */
export async function BoardGrid({ board }: { board: Board }) {
  const [t, tStage] = await Promise.all([getTranslations("vetting.board"), getTranslations("stage")]);
  if (board.posts.length === 0) return <EmptyState>{t("noPosts")}</EmptyState>;
  const stages = board.stages.filter((s) => s.kind !== "REGISTRATION");
  const words = Object.fromEntries(WORD_KEYS.map((k) => [k, t.raw(k) as string])) as BoardWords;
  const rows = board.posts.map((post): BoardRow => [
    post.id,
    post.title,
    post.receivingOrgName,
    post.rotationBatch,
    post.headcount,
    post.total,
    post.pendingEndorsement,
    post.approved,
    stages.map((stage) => {
      const tally = post.stages[stage.kind];
      if (!tally) return 0;
      const reached = tally.waiting > 0 || tally.passed > 0 || (post.ended[stage.kind] ?? 0) > 0;
      const shortfall = tally.cap !== null && tally.shortfall > 0 && reached ? tally.shortfall : 0;
      return [tally.waiting, tally.passed, tally.cap ?? -1, shortfall];
    }),
  ]);
  return (
    <BoardRows
      href={`/programs/${board.program.id}/vetting`}
      stages={stages.map((s) => [s.kind, tStage(s.kind), s.ratio])}
      words={words}
      rows={rows}
    />
  );
}
