import { FileSpreadsheet } from "lucide-react";
import { Card, EmptyState } from "@/components/ui/card";
import type { ListParams } from "@/components/ui/list-href";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td } from "@/components/ui/table";
import type { HealthTable } from "@/lib/server/program-health-tables";
import { HealthChart } from "./health-chart";

/**
 * One figure of the programme-health page: its chart, the table of the same figures beside it
 * (scrolling in its own frame), and the table's Excel export; an empty figure says so in words.
 * A table read a page at a time (table.page) says which rows the chart and table show and pages
 * through the rest under its own search param (`?posts=2`), keeping the other tables' pages.
 */
export function HealthSection({
  table,
  exportHref,
  locale,
  labels,
  params,
}: {
  table: HealthTable;
  exportHref: string;
  locale: string;
  labels: { export: string; exportLabel: string; chartLabel: string; pagedNote?: string; pagination: string };
  params: ListParams;
}) {
  const pageCount = table.page?.pageCount ?? 1;
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const money = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const cell = (value: string | number | null, format?: "number" | "money") => {
    if (value === null) return "—";
    if (typeof value !== "number") return value;
    return format === "money" ? money.format(value) : number.format(value);
  };
  return (
    <div id={`health-${table.id}-card`} className="min-w-0 scroll-mt-4">
      <Card
        title={table.title}
        action={
          table.rows.length > 0 ? (
            <a href={exportHref} download aria-label={labels.exportLabel} className="inline-flex items-center gap-1.5 text-sm font-medium text-brand-700 hover:underline">
              <FileSpreadsheet aria-hidden className="h-4 w-4" />
              {labels.export}
            </a>
          ) : null
        }
      >
        <section aria-labelledby={`health-${table.id}`} id={`health-${table.id}-section`} className="flex flex-col gap-4">
          <p id={`health-${table.id}`} className="text-sm text-slate-600">
            {table.caption}
          </p>
          {pageCount > 1 && labels.pagedNote ? <p className="text-sm text-slate-600">{labels.pagedNote}</p> : null}
          {table.rows.length === 0 ? (
            <EmptyState>{table.empty}</EmptyState>
          ) : (
            <div className="grid min-w-0 gap-4 2xl:grid-cols-2">
              {table.chart.rows.length > 0 ? <HealthChart chart={table.chart} columns={table.columns} label={labels.chartLabel} locale={locale} /> : null}
              <div className="min-w-0">
                <Table caption={table.title} head={table.columns.map((c) => c.header)} minWidth={table.columns.length > 5 ? "min-w-[44rem]" : "min-w-[28rem]"} stickyFirst>
                  {table.rows.map((row, i) => (
                    <tr key={i}>
                      {table.columns.map((c, j) => (
                        <Td key={c.key} className={c.format ? "text-right tabular-nums" : j === 0 ? "whitespace-nowrap" : undefined}>
                          {cell(row[c.key] ?? null, c.format)}
                        </Td>
                      ))}
                    </tr>
                  ))}
                </Table>
                {table.page && pageCount > 1 ? (
                  <Pagination page={table.page.page} pageCount={pageCount} total={table.page.total} params={params} param={table.id} sizes={false} anchor={`health-${table.id}-card`} label={labels.pagination} />
                ) : null}
              </div>
            </div>
          )}
        </section>
      </Card>
    </div>
  );
}
