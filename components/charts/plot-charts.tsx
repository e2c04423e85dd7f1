import "server-only";
import { scaleBand, scaleLinear, scalePoint } from "d3-scale";
import { curveMonotoneX, line } from "d3-shape";
import type { ReactNode } from "react";
import { BASELINE, DASHES, Figure, GRID, INK, TICK_SIZE, colourOf, largest, num, numbers, pct, textWidth, thinLabels, tickCount, type ChartDatum, type ChartSeries } from "./chart-kit";

// Months or years along the width: columns (stacked or side by side) and lines, the value axes in
// columns of their own beside the plot (chart-kit.tsx says how the charts are drawn).

const PLOT = 200;
const PLOT_TOP = 8;
const X_LABELS = 20;

interface Axis {
  ticks: number[];
  y: (v: number) => number;
  text: (v: number) => string;
}

function yAxis(domain: [number, number], locale: string, count: number, suffix = ""): Axis {
  const y = scaleLinear().domain(domain).nice(count).range([PLOT_TOP + PLOT, PLOT_TOP]);
  const [lo, hi] = y.domain() as [number, number];
  const tick = numbers(locale).tick(Math.max(Math.abs(lo), Math.abs(hi)));
  return { ticks: y.ticks(count), y: (v) => y(v), text: (v) => `${tick(v)}${suffix}` };
}

/** An axis's tick labels in a column of its own beside the plot (its width from its longest label). */
function AxisLabels({ axis, side }: { axis: Axis; side: "left" | "right" }) {
  const width = Math.ceil(Math.max(...axis.ticks.map((t) => textWidth(axis.text(t))))) + 8;
  return (
    <svg width={width} height={PLOT_TOP + PLOT + X_LABELS} aria-hidden className="shrink-0">
      {axis.ticks.map((t) => (
        <text key={t} x={side === "left" ? width - 5 : 5} y={axis.y(t) + 4} fontSize={TICK_SIZE} fill={INK} textAnchor={side === "left" ? "end" : "start"}>
          {axis.text(t)}
        </text>
      ))}
    </svg>
  );
}

/** The plot between its axes: the left axis's gridlines, the drawing, the baseline, the category labels below. */
function PlotFrame({ left, right, categories, at, children }: { left: Axis; right?: Axis; categories: string[]; at: (i: number) => number; children: ReactNode }) {
  const shown = thinLabels(categories.length);
  const lo = Math.min(...left.ticks);
  return (
    <div className="flex min-w-0">
      <AxisLabels axis={left} side="left" />
      <svg width="100%" height={PLOT_TOP + PLOT + X_LABELS} className="block min-w-0 flex-1 overflow-visible">
        {left.ticks.map((t) => (
          <line key={t} x1="0" x2="100%" y1={left.y(t)} y2={left.y(t)} stroke={t === lo ? BASELINE : GRID} strokeDasharray={t === lo ? undefined : "3 3"} />
        ))}
        {children}
        {categories.map((c, i) => {
          const className = shown(i);
          return className === null ? null : (
            <text key={i} x={pct(at(i))} y={PLOT_TOP + PLOT + 15} fontSize={TICK_SIZE} fill={INK} textAnchor="middle" className={className || undefined}>
              {c}
            </text>
          );
        })}
      </svg>
      {right ? <AxisLabels axis={right} side="right" /> : null}
    </div>
  );
}

/** A column per datum (its `category` below it): the series stacked, or side by side. */
export function ColumnsChart({ rows, category, series, stacked = false, label, locale }: { rows: ChartDatum[]; category: string; series: ChartSeries[]; stacked?: boolean; label: string; locale: string }) {
  const n = numbers(locale);
  const categories = rows.map((r) => String(r[category] ?? ""));
  const extent = largest(rows, series, stacked);
  const axis = yAxis([0, extent], locale, tickCount(rows, series, extent));
  // A column at most ~12 % of the width: a year or two of grades are not one wall of colour.
  const x = scaleBand()
    .domain(categories)
    .range([0, 100])
    .paddingInner(0.25)
    .paddingOuter(Math.max(0.15, (6.5 - categories.length) / 2));
  const inner = scaleBand().domain(series.map((s) => s.key)).range([0, x.bandwidth()]).paddingInner(0.1);
  return (
    <Figure label={label} legend={series.map((s, i) => ({ label: s.label, colour: colourOf(s, i) }))}>
      <PlotFrame left={axis} categories={categories} at={(i) => x(categories[i]!)! + x.bandwidth() / 2}>
        {rows.map((r, i) => {
          let from = 0;
          return (
            <g key={i}>
              {series.map((s, j) => {
                const v = Math.max(0, num(r[s.key]));
                const base = stacked ? from : 0;
                from += v;
                const top = axis.y(base + v);
                const value = r[s.key];
                return (
                  <rect
                    key={s.key}
                    x={pct(x(categories[i]!)! + (stacked ? 0 : inner(s.key)!))}
                    width={pct(stacked ? x.bandwidth() : inner.bandwidth())}
                    y={top}
                    height={Math.max(0, axis.y(base) - top)}
                    fill={colourOf(s, j)}
                    stroke={stacked ? "#fff" : undefined}
                    strokeWidth={stacked ? 1 : undefined}
                  >
                    <title>{`${categories[i]} · ${s.label}: ${typeof value === "number" ? (s.format ?? n.value)(value) : "—"}`}</title>
                  </rect>
                );
              })}
            </g>
          );
        })}
      </PlotFrame>
    </Figure>
  );
}

/**
 * A line per series over the categories (months, years); series marked `right` are read on a
 * right-hand axis. Missing values are skipped (the line joins its neighbours). `fromZero` false: the
 * value axis spans the values only (an indicator moving between 3.6 and 3.9).
 */
export function LinesChart({ rows, category, series, label, locale, fromZero = true, suffix = "" }: { rows: ChartDatum[]; category: string; series: ChartSeries[]; label: string; locale: string; fromZero?: boolean; suffix?: string }) {
  const n = numbers(locale);
  const categories = rows.map((r) => String(r[category] ?? ""));
  const domainOf = (side: ChartSeries[]): [number, number] => {
    const values = side.flatMap((s) => rows.map((r) => r[s.key]).filter((v): v is number => typeof v === "number"));
    if (values.length === 0) return [0, 1];
    const lo = fromZero ? 0 : Math.min(...values);
    const hi = Math.max(fromZero ? 1 : lo, ...values);
    return lo === hi ? [lo - 1, hi + 1] : [lo, hi];
  };
  const leftSeries = series.filter((s) => !s.right);
  const rightSeries = series.filter((s) => s.right);
  const axisOf = (side: ChartSeries[]) => {
    const domain = domainOf(side);
    return yAxis(domain, locale, fromZero ? tickCount(rows, side, domain[1]) : 5, suffix);
  };
  const left = axisOf(leftSeries);
  const right = rightSeries.length > 0 ? axisOf(rightSeries) : undefined;
  const x = scalePoint().domain(categories).range([0, 100]).padding(0.5);
  const step = categories.length > 1 ? x.step() : 100;
  // Two decimals of a 0..100 width are finer than a pixel.
  const path = line<[number, number]>().curve(curveMonotoneX).digits(2);
  const lines = series.map((s, i) => {
    const axis = s.right && right ? right : left;
    const points = rows.flatMap((r, j) => {
      const v = r[s.key];
      return typeof v === "number" ? [[x(categories[j]!)!, axis.y(v)] as [number, number]] : [];
    });
    return { s, i, points };
  });
  const formatOf = (s: ChartSeries) => s.format ?? ((v: number) => `${n.value(v)}${suffix}`);
  return (
    <Figure label={label} legend={series.map((s, i) => ({ label: s.label, colour: colourOf(s, i), dash: DASHES[i % DASHES.length], line: true }))}>
      <PlotFrame left={left} right={right} categories={categories} at={(i) => x(categories[i]!)!}>
        {/* The lines in a drawing stretched to the plot's width (x in 0..100), their strokes unstretched. */}
        <svg x="0" y="0" width="100%" height={PLOT_TOP + PLOT} viewBox={`0 0 100 ${PLOT_TOP + PLOT}`} preserveAspectRatio="none" className="overflow-visible">
          {lines.map(({ s, i, points }) => (
            <path key={s.key} d={path(points) ?? ""} fill="none" stroke={colourOf(s, i)} strokeWidth="2" strokeDasharray={DASHES[i % DASHES.length]} vectorEffect="non-scaling-stroke" />
          ))}
        </svg>
        {lines.map(({ s, i, points }) => (
          <g key={s.key}>
            {points.map(([px, py]) => (
              <circle key={px} cx={pct(px)} cy={py} r="3" fill={colourOf(s, i)} stroke="#fff" strokeWidth="1" />
            ))}
          </g>
        ))}
        {/* Hovering anywhere over a month or year shows every series' value there. */}
        {rows.map((r, j) => (
          <rect key={j} x={pct(x(categories[j]!)! - step / 2)} y={PLOT_TOP} width={pct(step)} height={PLOT} fill="#fff" fillOpacity="0" pointerEvents="all">
            <title>{[categories[j], ...series.map((s) => `${s.label}: ${typeof r[s.key] === "number" ? formatOf(s)(r[s.key] as number) : "—"}`)].join("\n")}</title>
          </rect>
        ))}
      </PlotFrame>
    </Figure>
  );
}
