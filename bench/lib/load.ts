// A page or route under load: autocannon with N connections for D seconds after a short warm-up. p50,
// p95 and p99 come from every response's own time (autocannon's summary has no p95).
import autocannon from "autocannon";
import { percentile } from "./measure";

export interface LoadResult {
  p50: number;
  p95: number;
  p99: number;
  /** Requests per second, averaged over the run. */
  rps: number;
  requests: number;
  /** Mean response size in bytes. */
  bytes: number;
}

export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS) || 20;
export const DURATION_S = Number(process.env.BENCH_DURATION) || 10;

export async function load(url: string, headers: Record<string, string> = {}): Promise<LoadResult> {
  await autocannon({ url, connections: 2, amount: 10, headers }); // warm-up: code paths, caches, pools
  const samples: number[] = [];
  const instance = autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, headers });
  instance.on("response", (_client, _status, _bytes, responseTime) => samples.push(responseTime));
  const r = await instance;
  if (r.non2xx || r.errors || r.timeouts) throw new Error(`${url}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`);
  if (samples.length === 0) throw new Error(`${url}: no response within ${DURATION_S} s`);
  const sorted = samples.sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    rps: r.requests.total / (r.duration || DURATION_S),
    requests: r.requests.total,
    bytes: r.throughput.total / Math.max(1, r.requests.total),
  };
}
