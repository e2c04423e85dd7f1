import { getTranslations } from "next-intl/server";
import { LinesChart } from "@/components/charts/plot-charts";

export interface ChartPoint {
  year: number;
  target: number | null;
  actual: number | null;
}

/**
 * An indicator's target (dashed) and actual over the years, drawn on the server as SVG
 * (components/charts/); a year without a figure is skipped. The table beside it
 * holds the same figures with the gap, for screen readers and print.
 */
export async function IndicatorChart({ name, unit, points, locale }: { name: string; unit: string; points: ChartPoint[]; locale: string }) {
  const t = await getTranslations("workforce.chart");
  const percent = unit === "%";
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const format = (v: number) => (percent ? `${number.format(v)}%` : `${number.format(v)} ${unit}`);
  return (
    <LinesChart
      rows={points.map((p) => ({ year: String(p.year), actual: p.actual, target: p.target }))}
      category="year"
      series={[
        { key: "actual", label: t("actual"), format },
        { key: "target", label: t("target"), format, colour: "#475569" },
      ]}
      fromZero={false}
      suffix={percent ? "%" : ""}
      label={t("label", { name })}
      locale={locale}
    />
  );
}
