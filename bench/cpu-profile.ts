// Where a page's server time goes (issue 17: "profile before changing anything"): the built app under
// load with V8's sampling profiler on, then the samples summed by where their code comes from.
//
//   npm run bench:cpu -- /account/password /            (pages, as `staff`; BENCH_USER=wz-admin …)
//
// Starts `next start` (pool 10) on BENCH_DATABASE_URL with `--cpu-prof`, signs in, loads each page at
// BENCH_CONNECTIONS (10) for BENCH_DURATION (10 s), stops the server and reads its .cpuprofile. Prints
// the self time per source (a node_modules package, the app's own server chunks, node internals, GC,
// idle) and the 25 functions with most self time, with where they are. The profile file stays in the
// printed directory for Chrome DevTools (Performance → Load profile).
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { DEMO_PASSWORD } from "@/prisma/seed";
import { ensureBuild, startApp } from "./lib/app-server";
import { signIn } from "./lib/app-session";
import { benchDatabaseUrl } from "./lib/bench-db";
import { load } from "./lib/load";
import { ms, table } from "./lib/measure";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a frame's code comes from, in words: a package, the app's bundle, Node itself, or V8's own. */
function sourceOf(url: string, name: string): string {
  if (!url) return name.startsWith("(") ? name : "(native)";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith("node:")) return "node internals";
  if (url.includes("/.next/server/")) {
    const chunk = url.split("/.next/server/")[1]!;
    return `.next/server (${chunk.includes("node_modules") ? "bundled packages" : chunk.split("/")[0]})`;
  }
  return url.replace(process.cwd(), ".");
}

/** A file in words: the path under .next/server or the package's first folders, for the inclusive table. */
function fileOf(url: string): string {
  const next = /\.next\/server\/(.*)$/.exec(url);
  if (next) return `.next/server/${next[1]}`;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(url);
  if (pkg) return `${pkg[1]}/${pkg[2]!.split("/").slice(0, 3).join("/")}`;
  return url.replace(process.cwd(), ".");
}

function summarise(profile: CpuProfile): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const bySource = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const [id, us] of self) {
    const f = byId.get(id)!.callFrame;
    const source = sourceOf(f.url, f.functionName);
    bySource.set(source, (bySource.get(source) ?? 0) + us);
    const key = `${f.functionName || "(anonymous)"}  ${source}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
  }
  // Inclusive: a sample counts once for every file on its stack (rendering, the ORM, the driver, streams).
  const inclusive = new Map<string, number>();
  for (const [id, us] of self) {
    const files = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const u = byId.get(cur)!.callFrame.url;
      if (u) files.add(fileOf(u));
    }
    for (const f of files) inclusive.set(f, (inclusive.get(f) ?? 0) + us);
  }
  const pct = (us: number) => `${((100 * us) / total).toFixed(1)} %`;
  const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
  console.log(`\nSelf time by source (${ms(total / 1000)} sampled)`);
  console.log(table(["source", "self", "share"], top(bySource, 30).map(([k, us]) => [k, ms(us / 1000), pct(us)])));
  console.log("\nTime with the file on the stack (inclusive; startup's module loading included)");
  console.log(table(["file", "inclusive", "share"], top(inclusive, 30).map(([k, us]) => [k.slice(0, 90), ms(us / 1000), pct(us)])));
  console.log("\nFunctions with most self time");
  console.log(table(["function  where", "self", "share"], top(byFunction, 25).map(([k, us]) => [k.slice(0, 140), ms(us / 1000), pct(us)])));
}

async function main(): Promise<void> {
  const pages = process.argv.slice(2).filter((a) => a.startsWith("/"));
  if (pages.length === 0) throw new Error("name the pages to profile, e.g. npm run bench:cpu -- /account/password");
  const url = benchDatabaseUrl();
  const dir = mkdtempSync(path.join(os.tmpdir(), "cpu-profile-"));
  console.log(`App: ${await ensureBuild(process.cwd(), process.argv.includes("--build"))}`);
  const app = await startApp(url, 10, undefined, ["--cpu-prof", `--cpu-prof-dir=${dir}`]);
  try {
    const jar = await signIn(app.baseUrl, process.env.BENCH_USER ?? "staff", DEMO_PASSWORD);
    const headers = { cookie: jar.header(), "accept-language": "zh-CN" };
    for (const page of pages) {
      const r = await load(`${app.baseUrl}${page}`, headers, { connections: Number(process.env.BENCH_CONNECTIONS) || 10 });
      console.log(`${page}: ${r.requests} requests, p50 ${ms(r.p50)}, p95 ${ms(r.p95)}, ${r.rps.toFixed(1)} req/s, ${r.failed} failed`);
    }
  } finally {
    await app.stop();
  }
  const files = readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"));
  // The server is the process with the most samples (next's CLI may leave a short profile of its own).
  const profiles = files.map((f) => JSON.parse(readFileSync(path.join(dir, f), "utf8")) as CpuProfile).sort((a, b) => b.samples.length - a.samples.length);
  if (!profiles[0]) throw new Error(`no .cpuprofile written in ${dir}`);
  console.log(`Profiles: ${dir} (${files.join(", ")})`);
  summarise(profiles[0]);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
