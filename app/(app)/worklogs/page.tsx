import type { Metadata } from "next";
import clsx from "clsx";
import { STICKY_FIRST_COLUMN } from "@/components/ui/table";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { logView } from "@/components/worklogs/log-view";
import { ReviewQueue } from "@/components/worklogs/review-queue";
import { Card, EmptyState } from "@/components/ui/card";
import { FilterSelect } from "@/components/ui/filter-select";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { listState, sortHead } from "@/components/ui/sort-header";
import { prisma } from "@/lib/db";
import { can, programWhere } from "@/lib/auth/policy";
import { formatYuan } from "@/lib/domain/money";
import { WORKLOAD_GROUPS, WORKLOAD_PAGE_SIZE, workloadDefaultSort, workloadQuerySchema, type WorkloadSortKey } from "@/lib/schemas/work-logs";
import { requirePermission } from "@/lib/server/page-guard";
import { pendingLogs, workloadTotals } from "@/lib/server/work-log-queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("worklogs");
  return { title: t("workload.title") };
}

const COLUMNS = ["outpatients", "operations", "caseDiscussions", "juniorsMentored", "lectures", "newTechniques", "newDepartments", "freeClinics", "teachingActions", "mentees", "examsPassed"] as const;

// The supervisor's logs to confirm, and the workload totals (SQL aggregates over confirmed logs) per
// programme, receiving unit or doctor — the bureau's view; a receiving unit sees its own doctors'.
export default async function WorklogsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { scope } = await requirePermission("dispatch.read");
  const query = workloadQuerySchema.parse(await searchParams);
  const supervises = can(scope, "service.supervise");
  const [totals, queue, programs, t] = await Promise.all([
    workloadTotals(prisma, scope, query),
    supervises ? pendingLogs(prisma, scope) : null,
    prisma.program.findMany({ where: { AND: [programWhere(scope), { dispatches: { some: {} } }] }, select: { id: true, name: true }, orderBy: { year: "desc" }, take: 100 }),
    getTranslations("worklogs"),
  ]);
  const params = { by: query.by, programId: query.programId };
  const { sort, pageParams } = listState(query, params, workloadDefaultSort(query.by));
  // A sortable header cell of the hand-drawn table (numbers right-aligned, the name column sticky).
  const th = (label: string, key: WorkloadSortKey, className: string) => {
    const head = sortHead(label, key, sort);
    return (
      <th key={key} scope="col" aria-sort={head.ariaSort} className={className}>
        {head.content}
      </th>
    );
  };
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("workload.title")} subtitle={supervises ? t("page.worklogsSubtitleSupervisor") : t("page.worklogsSubtitleBureau")} />
      {queue ? (
        <Card title={`${t("review.queueTitle")}（${queue.total}）`}>
          {queue.total === 0 ? (
            <EmptyState>{t("review.queueEmpty")}</EmptyState>
          ) : (
            <ReviewQueue rows={queue.rows.map((r) => ({ log: logView(r), doctorName: r.dispatch.doctor.name, postTitle: r.dispatch.post.title, dispatchId: r.dispatch.id }))} />
          )}
        </Card>
      ) : null}
      <Card title={t("workload.title")}>
        <nav aria-label={t("workload.title")} className="mb-4 flex flex-wrap gap-2">
          {WORKLOAD_GROUPS.map((by) => (
            <Link
              key={by}
              href={{ pathname: "/worklogs", query: { by, ...(query.programId ? { programId: query.programId } : {}) } }}
              aria-current={query.by === by ? "page" : undefined}
              className={query.by === by ? "rounded-full bg-brand-600 px-3 py-1 text-sm text-white" : "rounded-full border border-slate-300 px-3 py-1 text-sm text-slate-700 hover:bg-slate-50"}
            >
              {t(`workload.by.${by}`)}
            </Link>
          ))}
        </nav>
        {programs.length > 1 ? (
          <form className="mb-4 flex flex-wrap items-end gap-3" action="/worklogs">
            <input type="hidden" name="by" value={query.by} />
            <FilterSelect label={t("workload.program")} name="programId" value={query.programId} allLabel={t("workload.allPrograms")} options={programs.map((p) => ({ value: p.id, label: p.name }))} className="max-w-80" />
            <button type="submit" className="rounded-md border border-slate-300 px-3 py-2 text-sm">
              {t("workload.program")}
            </button>
          </form>
        ) : null}
        {totals.overall.logs === 0 && totals.rows.length === 0 ? (
          <EmptyState>{t("workload.empty")}</EmptyState>
        ) : (
          <>
            <div className="relative overflow-x-auto">
              <table className={clsx("w-full min-w-[56rem] text-left text-sm", STICKY_FIRST_COLUMN)}>
                <caption className="sr-only">{t("workload.caption")}</caption>
                <thead className="border-b border-slate-200 text-xs text-slate-500">
                  <tr>
                    {th(t(`workload.name.${query.by}`), "name", "sticky left-0 bg-white px-3 py-2 font-medium")}
                    {th(t("totals.logs"), "logs", "px-3 py-2 text-right font-medium")}
                    {COLUMNS.map((c) => th(t(`totals.${c}`), c, "px-3 py-2 text-right font-medium"))}
                    {th(t("totals.donatedMedicine"), "donatedMedicineFen", "px-3 py-2 text-right font-medium")}
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100 tabular-nums">
                  {totals.rows.map((row) => (
                    <tr key={row.id}>
                      <th scope="row" className="sticky left-0 bg-white px-3 py-2 text-left font-medium text-slate-900">
                        {row.name}
                        {row.detail ? <span className="block text-xs font-normal text-slate-500">{row.detail}</span> : null}
                      </th>
                      <td className="px-3 py-2 text-right">{row.logs}</td>
                      {COLUMNS.map((c) => (
                        <td key={c} className="px-3 py-2 text-right">{row[c]}</td>
                      ))}
                      <td className="px-3 py-2 text-right">{formatYuan(row.donatedMedicineFen)}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot className="border-t-2 border-slate-200 font-semibold tabular-nums">
                  <tr>
                    <th scope="row" className="sticky left-0 bg-white px-3 py-2 text-left">{t("workload.overall")}</th>
                    <td className="px-3 py-2 text-right">{totals.overall.logs}</td>
                    {COLUMNS.map((c) => (
                      <td key={c} className="px-3 py-2 text-right">{totals.overall[c]}</td>
                    ))}
                    <td className="px-3 py-2 text-right">{formatYuan(totals.overall.donatedMedicineFen)}</td>
                  </tr>
                </tfoot>
              </table>
            </div>
            <Pagination page={totals.page} pageCount={totals.pageCount} total={totals.total} params={pageParams} size={query.size ?? WORKLOAD_PAGE_SIZE} />
          </>
        )}
      </Card>
    </div>
  );
}
