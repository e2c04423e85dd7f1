import { FileSpreadsheet } from "lucide-react";
import { Card, EmptyState } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import type { HealthTable } from "@/lib/server/program-health-tables";
import { HealthChart } from "./health-chart";

/** One figure of the programme-health page: its chart, the table of the same figures beside it (scrolling in its own frame), and the table's Excel export; an empty figure says so in words. */
export function HealthSection({ table, exportHref, locale, labels }: { table: HealthTable; exportHref: string; locale: string; labels: { export: string; exportLabel: string; chartLabel: string } }) {
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const money = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const cell = (value: string | number | null, format?: "number" | "money") => {
    if (value === null) return "—";
    if (typeof value !== "number") return value;
    return format === "money" ? money.format(value) : number.format(value);
  };
  return (
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
        {table.rows.length === 0 ? (
          <EmptyState>{table.empty}</EmptyState>
        ) : (
          <div className="grid min-w-0 gap-4 2xl:grid-cols-2">
            {table.chart.rows.length > 0 ? <HealthChart kind={table.chart.kind} columns={table.chart.columns} secondAxis={table.chart.secondAxis} x={table.chart.x} series={table.chart.series} rows={table.chart.rows} label={labels.chartLabel} locale={locale} /> : null}
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
            </div>
          </div>
        )}
      </section>
    </Card>
  );
}
