import type { ChartSeries } from "@/components/charts/chart-kit";
import { ColumnsChart, LinesChart } from "@/components/charts/plot-charts";
import { BarsChart, TimelineChart } from "@/components/charts/row-charts";
import type { HealthChart as HealthChartDefinition, HealthColumn } from "@/lib/server/program-health-tables";

// One chart of the programme-health page, drawn on the server (components/charts/):
// horizontal bars (one row per post, unit or doctor, stacked where the parts add up), columns over
// months or years, a line per measure over the months, or a timeline of service periods. Every
// chart sits beside its table, which holds the same figures for screen readers and for copying.

export function HealthChart({ chart, columns, label, locale }: { chart: HealthChartDefinition; columns: HealthColumn[]; label: string; locale: string }) {
  const money = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  // A series reads in its hover title as its table column does (yuan with two decimals).
  const series: ChartSeries[] = chart.series.map((s, i) => ({
    ...s,
    ...(columns.find((c) => c.key === s.key)?.format === "money" ? { format: (v: number) => money.format(v) } : {}),
    ...(chart.secondAxis && i > 0 ? { right: true } : {}),
  }));
  const common = { rows: chart.rows, category: chart.x, series, label, locale };
  if (chart.kind === "line") return <LinesChart {...common} />;
  if (chart.kind === "timeline") {
    const periods = chart.rows.map((r) => ({ ...r, from: Number(r.from), to: Number(r.to) }));
    return <TimelineChart rows={periods} category={chart.x} series={series[0]!} label={label} locale={locale} />;
  }
  if (chart.columns) return <ColumnsChart {...common} stacked={chart.kind === "stacked"} />;
  return <BarsChart {...common} stacked={chart.kind === "stacked"} />;
}
