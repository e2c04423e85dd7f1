// Timing helpers of the benchmarks: warm-up, repeated runs, percentiles, figures printed as a table.

export interface Timing {
  runs: number[];
  p50: number;
  p95: number;
}

/** Nearest-rank percentile of the sorted runs (with 5 runs, p95 is the slowest). */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** `warmup` unmeasured calls, then `runs` measured ones, one after the other. */
export async function time(fn: () => unknown, { warmup = 1, runs = 5 } = {}): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  const sorted = [...samples].sort((a, b) => a - b);
  return { runs: samples, p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
}

export const ms = (x: number) => `${x >= 100 ? x.toFixed(0) : x.toFixed(1)} ms`;
export const mb = (bytes: number, digits = 0) => `${(bytes / 1024 / 1024).toFixed(digits)} MB`;
export const ratio = (x: number, floor: number) => (floor > 0 ? `×${(x / floor).toFixed(1)}` : "n/a");

/** A left-aligned text table (CJK characters count double in a terminal). */
export function table(header: string[], rows: string[][]): string {
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u2e80-\uffe6]/u.test(ch) ? 2 : 1), 0);
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ""))));
  const line = (cells: string[]) => cells.map((c, i) => c + " ".repeat(widths[i]! - width(c))).join("  ").trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}
