// (c) of the screening benchmark: the screening route of a running app under autocannon, beside a
// trivial JSON route of the same app (next-auth's /api/auth/csrf) as the floor. Needs BENCH_URL (the
// app, on this registry's database) and BENCH_TOKEN (a bearer token of the city bureau admin).
import autocannon from "autocannon";
import { ms, ratio, table } from "./measure";

const CONNECTIONS = 2;
const REQUESTS = 20;

async function load(url: string, headers: Record<string, string>) {
  await autocannon({ url, connections: 1, amount: 2, headers }); // warm-up: compile, caches, pool
  const r = await autocannon({ url, connections: CONNECTIONS, amount: REQUESTS, headers });
  if (r.non2xx || r.errors || r.timeouts) throw new Error(`${url}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`);
  return r;
}

export async function benchApi(posts: { id: string; title: string }[]): Promise<void> {
  const base = process.env.BENCH_URL?.replace(/\/$/, "");
  if (!base) {
    console.log("(c) API: skipped. Set BENCH_URL to a running app on this database (and BENCH_TOKEN to the admin's bearer token) to measure GET /api/v1/posts/{id}/screening.");
    return;
  }
  const headers: Record<string, string> = process.env.BENCH_TOKEN ? { authorization: `Bearer ${process.env.BENCH_TOKEN}` } : {};
  const floor = await load(`${base}/api/auth/csrf`, {});
  const rows: string[][] = [];
  for (const post of posts) {
    const r = await load(`${base}/api/v1/posts/${post.id}/screening`, headers);
    rows.push([post.title, ms(r.latency.p50), ms(r.latency.p99), r.requests.average.toFixed(2), ms(floor.latency.p50), ratio(r.latency.p50, floor.latency.p50)]);
  }
  console.log(`(c) API: GET /api/v1/posts/{id}/screening, ${REQUESTS} requests over ${CONNECTIONS} connections after a warm-up`);
  console.log(table(["post", "p50", "p99", "req/s", "floor: /api/auth/csrf p50", "ratio"], rows));
}
