import "server-only";
import type { ReactNode } from "react";

// Charts drawn on the server as plain SVG (issue 16; issue 17: no chart code in the browser): what the
// chart kinds share. The kinds: row-charts.tsx (a bar or a period per post, unit or doctor) and
// plot-charts.tsx (columns and lines over months or years). d3-scale and d3-shape compute the scales,
// ticks and curves; React writes the SVG elements; the page's HTML carries the finished drawing and the
// browser runs nothing for it (this module is server-only: a client component importing it fails the
// build instead of shipping chart code).
//
// The server does not know how wide the reader's screen is, so the drawings do not scale a fixed
// picture (its text would shrink to a few pixels on a phone): along the width every position is a
// percentage of the chart's own width (x="37.5%"), while heights and text sizes are pixels. So a
// chart fills a 390 px phone and a 1280 px screen alike with 11–12 px text. Line paths, which have
// no percentages, are drawn in a nested SVG stretched to that width (viewBox 0..100, strokes kept
// from scaling). Labels a narrow chart has no room for are cut or thinned with container queries
// (`@container` on the figure).
//
// Every chart is a figure with role="img" and a label that points to the table beside it (the same
// figures, readable by screen readers and copyable); each bar, segment and point has an SVG <title>
// with its value, shown on hover; the legend is text.

export type ChartValue = string | number | null;
export type ChartDatum = Record<string, ChartValue>;

export interface ChartSeries {
  key: string;
  label: string;
  /** How one value reads in its hover title (money with two decimals); default: the locale's number. */
  format?: (value: number) => string;
  /** Line charts: read on the right-hand axis. */
  right?: boolean;
  /** A colour of its own (a target in grey) instead of the palette's next. */
  colour?: string;
}

/** Okabe–Ito's colour-blind-safe hues, darkened where needed to ≥ 3:1 against white (WCAG 1.4.11). */
export const CHART_COLOURS = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#a16207", "#475569", "#7c3aed"] as const;
/** Lines differ in dash as well as colour. */
export const DASHES = [undefined, "6 3", "2 3", "8 3 2 3", "4 2 1 2", "10 3", "1 3"] as const;
export const GRID = "#e2e8f0";
export const BASELINE = "#94a3b8";
export const INK = "#475569";
export const TICK_SIZE = 11;
const LABEL_SIZE = 12;
/** A phone's chart is about 316 px wide (390 px less the page's and the card's padding). */
const NARROW_TEXT = 300;
/** From 36rem (the @xl container query) up. */
const WIDE_TEXT = 560;

const paletteColour = (i: number) => CHART_COLOURS[i % CHART_COLOURS.length]!;
export const colourOf = (s: ChartSeries, i: number) => s.colour ?? paletteColour(i);
export const pct = (v: number) => `${Math.round(v * 1000) / 1000}%`;
export const num = (v: ChartValue | undefined) => (typeof v === "number" && Number.isFinite(v) ? v : 0);

/** How many ticks a value axis up to `extent` gets: whole numbers only when every value is one (no 0.5 of a post). */
export function tickCount(rows: ChartDatum[], series: ChartSeries[], extent: number): number {
  const whole = rows.every((r) => series.every((s) => Number.isInteger(num(r[s.key]))));
  return whole ? Math.max(1, Math.min(5, Math.ceil(extent))) : 5;
}

/** The largest bar of the rows: the series' sum when stacked, else the largest series (at least 1). */
export function largest(rows: ChartDatum[], series: ChartSeries[], stacked: boolean): number {
  const size = (r: ChartDatum) => (stacked ? series.reduce((sum, s) => sum + Math.max(0, num(r[s.key])), 0) : Math.max(0, ...series.map((s) => num(r[s.key]))));
  return Math.max(1, ...rows.map(size));
}

/** The locale's numbers: exact in titles, compact on axes from 10 000 up (1.2万, 12K). */
export function numbers(locale: string) {
  const plain = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const compact = new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 1 });
  return {
    value: (v: number) => plain.format(v),
    tick: (max: number) => (v: number) => (Math.abs(max) >= 10_000 ? compact.format(v) : plain.format(v)),
  };
}

/** The width of a line of text, estimated: CJK glyphs one em, Latin capitals ~0.68 em, the rest ~0.56 em. */
export function textWidth(text: string, size = TICK_SIZE): number {
  let em = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    em += code >= 0x2e80 ? 1 : code >= 0x41 && code <= 0x5a ? 0.68 : 0.56;
  }
  return em * size;
}

/** `text` cut with "…" to `width` pixels (the whole of it stays in the title and in the table). */
export function fitText(text: string, width: number, size = TICK_SIZE): string {
  if (textWidth(text, size) <= width) return text;
  let out = "";
  for (const ch of text) {
    if (textWidth(`${out}${ch}…`, size) > width) break;
    out += ch;
  }
  return `${out}…`;
}

/**
 * Which of n labels along a chart's width are drawn: at most ~5 on a phone, ~12 from 36rem up.
 * Returns, per label, "" (always), the class that shows it on wide charts only, or null (never).
 */
export function thinLabels(n: number): (i: number) => string | null {
  const wide = Math.max(1, Math.ceil(n / 12));
  const narrow = wide * Math.max(1, Math.ceil(Math.ceil(n / 5) / wide));
  return (i) => (i % narrow === 0 ? "" : i % wide === 0 ? "hidden @xl:inline" : null);
}

/** A text anchored so that a label at either end of the width stays inside the chart. */
export const anchorAt = (at: number) => (at <= 0.5 ? "start" : at >= 99.5 ? "end" : "middle");

/** Text that is cut harder on a phone-wide chart than on a wide one (the whole text is its title). */
export function FittedText({ text, x, y, size = LABEL_SIZE, fill = "#334155" }: { text: string; x: number | string; y: number; size?: number; fill?: string }) {
  const narrow = fitText(text, NARROW_TEXT, size);
  const wide = fitText(text, WIDE_TEXT, size);
  const common = { x, y, fontSize: size, fill };
  if (narrow === wide) return <text {...common}>{text === narrow ? text : <>{narrow}<title>{text}</title></>}</text>;
  return (
    <>
      <text {...common} className="@xl:hidden">
        {narrow}
        <title>{text}</title>
      </text>
      <text {...common} className="hidden @xl:inline">
        {wide}
        {wide === text ? null : <title>{text}</title>}
      </text>
    </>
  );
}

interface LegendItem {
  label: string;
  colour: string;
  dash?: string;
  line?: boolean;
}

export function Figure({ label, legend, children }: { label: string; legend: LegendItem[]; children: ReactNode }) {
  return (
    <figure role="img" aria-label={label} className="@container m-0 w-full min-w-0">
      {children}
      {legend.length > 0 ? (
        <ul className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700">
          {legend.map((item) => (
            <li key={item.label} className="inline-flex items-center gap-1.5">
              <svg width="20" height="10" aria-hidden className="shrink-0">
                {item.line ? <line x1="0" x2="20" y1="5" y2="5" stroke={item.colour} strokeWidth="2.5" strokeDasharray={item.dash} /> : <rect x="5" y="0" width="10" height="10" rx="2" fill={item.colour} />}
              </svg>
              {item.label}
            </li>
          ))}
        </ul>
      ) : null}
    </figure>
  );
}
