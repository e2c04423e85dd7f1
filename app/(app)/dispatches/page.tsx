import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import clsx from "clsx";
import { dayOptions, dayValue } from "@/components/dispatches/days";
import { IssueText } from "@/components/dispatches/issue-text";
import { Timeline, type TimelineGroup } from "@/components/dispatches/timeline";
import { DispatchListTable } from "@/components/dispatches/dispatch-list-table";
import { EmptyState } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { listState } from "@/components/ui/sort-header";
import { prisma } from "@/lib/db";
import { DISPATCH_DEFAULT_SORT, dispatchListQuerySchema } from "@/lib/schemas/dispatches";
import { toPage } from "@/lib/schemas/list-query";
import { listDispatches } from "@/lib/server/dispatch-list";
import { BOARD_LIMIT, dispatchBoard, type BoardRow } from "@/lib/server/dispatch-queries";
import { requirePermission } from "@/lib/server/page-guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("dispatches.board");
  return { title: t("title") };
}

/** Dispatches a page of the timeline. */
const TIMELINE_PAGE_SIZE = 25;

function groupsOf(rows: BoardRow[], by: "post" | "unit"): TimelineGroup[] {
  const groups = new Map<string, TimelineGroup>();
  for (const row of rows) {
    // A post across batches: the same receiving unit and specialty (batch 2 takes over batch 1's seat).
    const key = by === "unit" ? row.receivingOrg.id : `${row.receivingOrg.id}|${row.post.specialty}`;
    const group = groups.get(key) ?? { key: key.replace(/[^a-zA-Z0-9_-]/g, "_"), title: by === "unit" ? row.receivingOrg.name : `${row.receivingOrg.name} · ${row.post.title}`, subtitle: row.program.name, rows: [] };
    group.rows.push(row);
    groups.set(key, group);
  }
  return [...groups.values()];
}

// The bureau's board (and everyone's list of the dispatches they may see): every dispatch on a
// timeline per post or per receiving unit; hand-over gaps and overlaps longer than the programme's
// hand-over are listed first, in words, before they happen.
export default async function DispatchesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { scope } = await requirePermission("dispatch.read");
  const query = dispatchListQuerySchema.parse(Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const by = query.by ?? "post";
  const [board, list] = await Promise.all([dispatchBoard(prisma, scope, { programId: query.programId, includeEnded: query.ended === "1" }), by === "list" ? listDispatches(prisma, scope, query) : null]);
  const { sort, pageParams } = listState(query, { programId: query.programId, ended: query.ended, by: query.by }, DISPATCH_DEFAULT_SORT);
  const [t, format] = await Promise.all([getTranslations("dispatches.board"), getFormatter()]);
  const day = (d: string) => format.dateTime(dayValue(d), dayOptions);
  const nameOf = new Map(board.rows.map((r) => [r.id, r.doctor.name]));
  const rowOf = new Map(board.rows.map((r) => [r.id, r]));
  // The timeline a page at a time (issue 17: a programme in service has hundreds of dispatches, all
  // drawn at once before): its rows in the groups' order, 25 a page; a group cut by a page boundary
  // is titled on both pages. The shared window, the issues above and the truncation note cover all.
  const ordered = groupsOf(board.rows, by === "unit" ? "unit" : "post").flatMap((g) => g.rows);
  const timelinePage = Math.min(query.page, Math.max(1, Math.ceil(ordered.length / TIMELINE_PAGE_SIZE)));
  const timeline = toPage(ordered.slice((timelinePage - 1) * TIMELINE_PAGE_SIZE, timelinePage * TIMELINE_PAGE_SIZE), ordered.length, { page: timelinePage }, TIMELINE_PAGE_SIZE);
  const groups = groupsOf(timeline.rows, by === "unit" ? "unit" : "post");
  const ahead = board.issues.filter((i) => i.isAhead);
  const past = board.issues.filter((i) => !i.isAhead);
  const link = (changes: Record<string, string | undefined>) => {
    const params = new URLSearchParams();
    const merged = { programId: query.programId, ended: query.ended, by: query.by, ...changes };
    for (const [k, v] of Object.entries(merged)) if (v) params.set(k, v);
    const s = params.toString();
    return s ? `/dispatches?${s}` : "/dispatches";
  };

  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("subtitle")}</p>
      </div>

      <form method="get" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <label className="flex min-w-0 flex-col gap-1 text-sm font-medium text-slate-700">
          {t("program")}
          <select name="programId" defaultValue={query.programId ?? ""} className="max-w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base">
            <option value="">{t("allPrograms")}</option>
            {board.programs.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" name="ended" value="1" defaultChecked={query.ended === "1"} className="h-4 w-4" />
          {t("includeEnded")}
        </label>
        {query.by ? <input type="hidden" name="by" value={query.by} /> : null}
        <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
          {t("apply")}
        </button>
      </form>

      <section aria-labelledby="issues-title" className="flex flex-col gap-2">
        <h2 id="issues-title" className="text-lg font-semibold text-slate-900">
          {t("issuesTitle")}
        </h2>
        <p className="text-sm text-slate-600">{t("issuesHint")}</p>
        {ahead.length === 0 ? (
          <p className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">{t("noIssues")}</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {ahead.map((issue) => {
              const successor = rowOf.get(issue.successorId)!;
              return (
                <li key={`${issue.predecessorId}-${issue.successorId}`} className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
                  <p className="font-semibold">
                    {issue.kind === "gap" ? t("gapFlag", { days: issue.days }) : t("overlapFlag", { days: issue.days, allowed: issue.allowedOverlapDays })} · {successor.receivingOrg.name} · {successor.post.title}
                  </p>
                  <p>
                    <IssueText issue={issue} predecessor={nameOf.get(issue.predecessorId) ?? ""} successor={successor.doctor.name} day={day} />{" "}
                    <Link href={`/dispatches/${issue.successorId}`} className="font-medium underline">
                      {t("openSuccessor")}
                    </Link>
                  </p>
                </li>
              );
            })}
          </ul>
        )}
        {past.length > 0 ? <p className="text-xs text-slate-500">{t("pastIssues", { count: past.length })}</p> : null}
      </section>

      <section aria-labelledby="timeline-title" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="timeline-title" className="text-lg font-semibold text-slate-900">
            {t("timelineTitle")}
          </h2>
          <nav aria-label={t("groupBy")} className="inline-flex rounded-md border border-slate-300 bg-white p-0.5 text-sm">
            {(["post", "unit", "list"] as const).map((g) => (
              <Link key={g} href={link({ by: g === "post" ? undefined : g })} aria-current={by === g ? "page" : undefined} className={clsx("rounded px-3 py-1.5", by === g ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-50")}>
                {t(g === "post" ? "byPost" : g === "unit" ? "byUnit" : "asList")}
              </Link>
            ))}
          </nav>
        </div>
        {list ? (
          list.total === 0 ? (
            <EmptyState>{t("empty")}</EmptyState>
          ) : (
            <>
              <DispatchListTable rows={list.rows} sort={sort} />
              <Pagination page={list.page} pageCount={list.pageCount} total={list.total} params={pageParams} size={query.size} />
            </>
          )
        ) : null}
        {list ? null : board.total > board.rows.length ? <p className="text-sm text-amber-800">{t("truncated", { shown: board.rows.length, total: board.total, limit: BOARD_LIMIT })}</p> : null}
        {list ? null : board.rows.length === 0 ? <EmptyState>{t("empty")}</EmptyState> : <Timeline groups={groups} window={board.window} today={board.today} issues={board.issues} day={day} />}
        {!list && timeline.pageCount > 1 ? <Pagination page={timeline.page} pageCount={timeline.pageCount} total={timeline.total} params={{ programId: query.programId, ended: query.ended, by: query.by }} sizes={false} anchor="timeline-title" /> : null}
      </section>
    </div>
  );
}
