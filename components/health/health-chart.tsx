"use client";

import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

// One chart of the programme-health page (recharts, SVG): horizontal bars (one per post, unit or
// doctor, stacked where the parts add up), a line per measure over the months, or a timeline of
// service periods. Every chart sits beside its table (the same figures, for screen readers and
// for copying), so the SVG itself is hidden from assistive technology behind a label that says so.

export type ChartRow = Record<string, string | number | null>;

export interface HealthChartProps {
  kind: "bar" | "stacked" | "line" | "timeline";
  /** Bars stand up from a time axis (months, years). */
  columns?: boolean;
  /** A line chart's series after the first are read on the right-hand axis. */
  secondAxis?: boolean;
  x: string;
  series: { key: string; label: string }[];
  rows: ChartRow[];
  label: string;
  locale: string;
}

const COLOURS = ["#0f766e", "#2563eb", "#d97706", "#dc2626", "#7c3aed", "#64748b"];
const ROW_HEIGHT = 30;

/** "2026-03-01" from days since 1970 (the timeline's axis). */
function dayLabel(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** Category labels are cut on the axis (the table has them whole). */
function shortLabel(value: unknown): string {
  const text = String(value ?? "");
  // 11 px CJK glyphs are about 11 px wide: 12 of them fill the 140 px axis (a post with its batch fits whole).
  return text.length > 12 ? `${text.slice(0, 11)}…` : text;
}

export function HealthChart({ kind, columns = false, secondAxis = false, x, series, rows, label, locale }: HealthChartProps) {
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const format = (v: unknown) => (typeof v === "number" ? number.format(v) : String(v ?? ""));
  if (kind === "line") {
    return (
      <figure role="img" aria-label={label} className="h-72 w-full min-w-0">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={rows} margin={{ top: 8, right: 12, bottom: 8, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis dataKey={x} tick={{ fontSize: 12 }} />
            <YAxis yAxisId="left" tick={{ fontSize: 12 }} width={48} tickFormatter={format} />
            {secondAxis ? <YAxis yAxisId="right" orientation="right" allowDecimals={false} tick={{ fontSize: 12 }} width={36} tickFormatter={format} /> : null}
            <Tooltip formatter={format} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {series.map((s, i) => (
              <Line key={s.key} yAxisId={secondAxis && i > 0 ? "right" : "left"} type="monotone" dataKey={s.key} name={s.label} stroke={COLOURS[i % COLOURS.length]} strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </figure>
    );
  }
  if (columns) {
    return (
      <figure role="img" aria-label={label} className="h-72 w-full min-w-0">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} margin={{ top: 8, right: 12, bottom: 8, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" vertical={false} />
            <XAxis dataKey={x} tick={{ fontSize: 11 }} />
            <YAxis tick={{ fontSize: 11 }} width={56} tickFormatter={format} />
            <Tooltip formatter={format} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {series.map((s, i) => (
              <Bar key={s.key} dataKey={s.key} name={s.label} fill={COLOURS[i % COLOURS.length]} stackId={kind === "stacked" ? "all" : undefined} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </figure>
    );
  }
  const height = Math.max(160, rows.length * ROW_HEIGHT * (kind === "bar" ? Math.max(1, series.length * 0.6) : 1) + 80);
  if (kind === "timeline") {
    const data = rows.map((r) => ({ ...r, range: [Number(r.from), Number(r.to)] }));
    return (
      <figure role="img" aria-label={label} className="w-full min-w-0" style={{ height }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" horizontal={false} />
            <XAxis type="number" domain={["dataMin", "dataMax"]} tickFormatter={dayLabel} tick={{ fontSize: 11 }} />
            <YAxis type="category" dataKey={x} width={140} tick={{ fontSize: 11 }} tickFormatter={shortLabel} />
            <Tooltip formatter={(v) => (Array.isArray(v) ? `${dayLabel(Number(v[0]))} – ${dayLabel(Number(v[1]) - 1)}` : String(v))} />
            <Bar dataKey="range" name={series[0]?.label} fill={COLOURS[0]} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </figure>
    );
  }
  return (
    <figure role="img" aria-label={label} className="w-full min-w-0" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" horizontal={false} />
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11 }} tickFormatter={format} />
          <YAxis type="category" dataKey={x} width={140} tick={{ fontSize: 11 }} tickFormatter={shortLabel} />
          <Tooltip formatter={format} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {series.map((s, i) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} fill={COLOURS[i % COLOURS.length]} stackId={kind === "stacked" ? "all" : undefined} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
