"use client";

import { useTranslations } from "next-intl";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface ChartPoint {
  year: number;
  target: number | null;
  actual: number | null;
}

/**
 * An indicator's target and actual over the years (recharts: an SVG line chart that follows its
 * container's width). The table beside it holds the same figures in words, for screen readers and print.
 */
export function IndicatorChart({ name, unit, points }: { name: string; unit: string; points: ChartPoint[] }) {
  const t = useTranslations("workforce.chart");
  return (
    <figure aria-label={t("label", { name })} className="h-56 w-full min-w-0">
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 320, height: 224 }}>
        <LineChart data={points} margin={{ top: 8, right: 12, bottom: 0, left: -12 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="year" tick={{ fontSize: 12 }} />
          <YAxis tick={{ fontSize: 12 }} unit={unit === "%" ? "%" : ""} domain={["auto", "auto"]} />
          <Tooltip formatter={(value) => `${String(value)}${unit === "%" ? "%" : ` ${unit}`}`} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Line type="monotone" dataKey="target" name={t("target")} stroke="#94a3b8" strokeDasharray="6 4" strokeWidth={2} dot={{ r: 3 }} connectNulls />
          <Line type="monotone" dataKey="actual" name={t("actual")} stroke="#0f766e" strokeWidth={2} dot={{ r: 4 }} connectNulls />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
