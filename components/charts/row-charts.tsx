import "server-only";
import { scaleLinear, scaleUtc } from "d3-scale";
import type { ReactNode } from "react";
import { BASELINE, Figure, FittedText, GRID, INK, TICK_SIZE, anchorAt, colourOf, largest, num, numbers, pct, tickCount, type ChartDatum, type ChartSeries, type ChartValue } from "./chart-kit";

// Rows of horizontal bars (a post, a unit, a doctor per row), each row's label above its bars, so the
// label has the chart's whole width on a phone; and the timeline, a period per row (chart-kit.tsx says
// how the charts are drawn).

const ROW_LABEL = 17;
const BAR = 9;
const BAR_GAP = 2;
const STACK_BAR = 14;
const ROW_GAP = 10;
const AXIS_ROW = 18;

interface Tick {
  at: number;
  text: string;
}

/** The frame of a row chart: value gridlines with their labels (above too when it is tall), then the rows. */
function RowsFrame({ ticks, rowCount, rowHeight, row }: { ticks: Tick[]; rowCount: number; rowHeight: number; row: (i: number, top: number) => ReactNode }) {
  const axisAbove = rowCount > 6;
  const top = axisAbove ? AXIS_ROW : 4;
  const bottom = top + rowCount * rowHeight;
  const labels = (y: number) =>
    ticks.map((tick) => (
      <text key={`${y}-${tick.at}`} x={pct(tick.at)} y={y} fontSize={TICK_SIZE} fill={INK} textAnchor={anchorAt(tick.at)}>
        {tick.text}
      </text>
    ));
  return (
    <svg width="100%" height={bottom + AXIS_ROW} className="block overflow-visible">
      {ticks.map((tick) => (
        <line key={tick.at} x1={pct(tick.at)} x2={pct(tick.at)} y1={top} y2={bottom} stroke={tick.at === 0 ? BASELINE : GRID} strokeDasharray={tick.at === 0 ? undefined : "3 3"} />
      ))}
      {axisAbove ? labels(top - 6) : null}
      {Array.from({ length: rowCount }, (_, i) => (
        <g key={i}>{row(i, top + i * rowHeight)}</g>
      ))}
      {labels(bottom + 13)}
    </svg>
  );
}

/**
 * One row per datum (its `category` field above its bars), a bar per series side by side or the
 * series stacked into one bar.
 */
export function BarsChart({ rows, category, series, stacked = false, label, locale }: { rows: ChartDatum[]; category: string; series: ChartSeries[]; stacked?: boolean; label: string; locale: string }) {
  const n = numbers(locale);
  const extent = largest(rows, series, stacked);
  const count = tickCount(rows, series, extent);
  const x = scaleLinear().domain([0, extent]).nice(count).range([0, 100]);
  const tick = n.tick(x.domain()[1]!);
  const ticks = x.ticks(count).map((v) => ({ at: x(v), text: tick(v) }));
  const block = stacked ? STACK_BAR : series.length * BAR + (series.length - 1) * BAR_GAP;
  const title = (r: ChartDatum, s: ChartSeries) => {
    const v = r[s.key];
    return `${String(r[category] ?? "")} · ${s.label}: ${typeof v === "number" ? (s.format ?? n.value)(v) : "—"}`;
  };
  return (
    <Figure label={label} legend={series.map((s, i) => ({ label: s.label, colour: colourOf(s, i) }))}>
      <RowsFrame
        ticks={ticks}
        rowCount={rows.length}
        rowHeight={ROW_LABEL + block + ROW_GAP}
        row={(i, top) => {
          const r = rows[i]!;
          let from = 0;
          return (
            <>
              <FittedText text={String(r[category] ?? "")} x={0} y={top + 12} />
              {series.map((s, j) => {
                const v = Math.max(0, num(r[s.key]));
                const y = stacked ? top + ROW_LABEL : top + ROW_LABEL + j * (BAR + BAR_GAP);
                const start = stacked ? from : 0;
                from += v;
                return (
                  <rect key={s.key} x={pct(x(start))} y={y} width={pct(x(v))} height={stacked ? STACK_BAR : BAR} fill={colourOf(s, j)} stroke={stacked ? "#fff" : undefined} strokeWidth={stacked ? 1 : undefined}>
                    <title>{title(r, s)}</title>
                  </rect>
                );
              })}
            </>
          );
        }}
      />
    </Figure>
  );
}

/** "2026-03-01" of days since 1970. */
const isoDay = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

/**
 * Periods on a calendar: a row per datum (`category` above its bar) from day `from` to day `to`
 * (days since 1970, `to` the day after the last), months and years along the width.
 */
export function TimelineChart({ rows, category, series, label, locale }: { rows: { [key: string]: ChartValue; from: number; to: number }[]; category: string; series: ChartSeries; label: string; locale: string }) {
  const first = Math.min(...rows.map((r) => r.from));
  const last = Math.max(...rows.map((r) => r.to));
  const x = scaleUtc()
    .domain([new Date(first * 86_400_000), new Date(Math.max(last, first + 1) * 86_400_000)])
    .range([0, 100]);
  const month = new Intl.DateTimeFormat(locale, { year: "numeric", month: "short", timeZone: "UTC" });
  const ticks = x.ticks(4).map((d) => ({ at: x(d), text: month.format(d) }));
  const at = (day: number) => x(new Date(day * 86_400_000));
  return (
    <Figure label={label} legend={[{ label: series.label, colour: colourOf(series, 0) }]}>
      <RowsFrame
        ticks={ticks}
        rowCount={rows.length}
        rowHeight={ROW_LABEL + STACK_BAR + ROW_GAP}
        row={(i, top) => {
          const r = rows[i]!;
          const name = String(r[category] ?? "");
          return (
            <>
              <FittedText text={name} x={0} y={top + 12} />
              <rect x={pct(at(r.from))} y={top + ROW_LABEL} width={pct(Math.max(0.4, at(r.to) - at(r.from)))} height={STACK_BAR} rx="2" fill={colourOf(series, 0)}>
                <title>{`${name} · ${series.label}: ${isoDay(r.from)} – ${isoDay(r.to - 1)}`}</title>
              </rect>
            </>
          );
        }}
      />
    </Figure>
  );
}
