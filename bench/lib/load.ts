// A page or route under load: autocannon with N connections for D seconds after a short warm-up. p50,
// p95 and p99 come from every response's own time (autocannon's summary has no p95).
import autocannon from "autocannon";
import { ms, percentile, ratio, table } from "./measure";

export interface LoadResult {
  p50: number;
  p95: number;
  p99: number;
  /** Requests per second, averaged over the run. */
  rps: number;
  requests: number;
  /** Mean response size in bytes. */
  bytes: number;
  /** Errors, time-outs and non-2xx answers (counted, not thrown: they are part of the figure). */
  failed: number;
  /** How the run was bounded: "10 s", or "60 requests" for a page slower than a second or two. */
  bound: string;
}

export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS) || 20;
export const DURATION_S = Number(process.env.BENCH_DURATION) || 10;

const TIMEOUT_S = 120;

/**
 * `connections` clients (BENCH_CONNECTIONS, 20, unless given) for DURATION_S seconds (or `durationS`); a page whose single request takes more than 2 s would
 * complete few requests or none in that time, so it gets a fixed number instead (3 per connection).
 */
export async function load(
  url: string,
  headers: Record<string, string> = {},
  options: { fixedAmount?: boolean; connections?: number; durationS?: number } = {},
): Promise<LoadResult> {
  const connections = options.connections ?? CONNECTIONS;
  const durationS = options.durationS ?? DURATION_S;
  const started = performance.now();
  await autocannon({ url, connections: 1, amount: 3, headers, timeout: TIMEOUT_S }); // warm-up: code paths, caches, pools
  // fixedAmount: always 3 requests per connection, so a page and its floor are measured alike when
  // either may be slow (a 10 s window keeps only the responses that finished in it).
  const slow = options.fixedAmount || (performance.now() - started) / 3 > 2_000;
  const bound = slow ? { amount: connections * 3 } : { duration: durationS };
  const samples: number[] = [];
  const instance = autocannon({ url, connections, headers, timeout: TIMEOUT_S, ...bound });
  instance.on("response", (_client, status, _bytes, responseTime) => {
    if (status >= 200 && status < 300) samples.push(responseTime);
  });
  const r = await instance;
  if (samples.length === 0) throw new Error(`${url}: no successful response (${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts)`);
  const sorted = samples.sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    rps: r.requests.total / (r.duration || durationS),
    requests: r.requests.total,
    bytes: r.throughput.total / Math.max(1, r.requests.total),
    failed: r.non2xx + r.errors + r.timeouts,
    bound: slow ? `${connections * 3} requests` : `${durationS} s`,
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** The figures of pages measured beside their floors: one line each, and one line of ratios a page. */
export class PageComparison {
  private readonly rows: string[][] = [];
  private readonly ratios: string[][] = [];

  add(what: string, floorWhat: string, app: LoadResult, floor: LoadResult): void {
    const line = (label: string, r: LoadResult) => [label, r.bound, String(r.requests), String(r.failed), ms(r.p50), ms(r.p95), ms(r.p99), r.rps.toFixed(1), kb(r.bytes)];
    this.rows.push(line(what, app), line(`  floor: ${floorWhat}`, floor));
    this.ratios.push([what, ratio(app.p50, floor.p50), ratio(app.p95, floor.p95), ratio(floor.rps, app.rps), ratio(app.bytes, floor.bytes)]);
  }

  print(): void {
    console.log(`\n${CONNECTIONS} connections, ${DURATION_S} s each after a warm-up (a page slower than 2 s: ${CONNECTIONS * 3} requests); latency of every 2xx response`);
    console.log(table(["what", "bound", "requests", "failed", "p50", "p95", "p99", "req/s", "HTML"], this.rows));
    console.log();
    console.log(table(["page", "p50 app/floor", "p95 app/floor", "req/s floor/app", "HTML app/floor"], this.ratios));
  }
}
