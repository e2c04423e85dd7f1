// How the vetting pages and the report list's export hold up with 20 000 applications on the
// province-sized registry (npm run bench:applications). Prints figures, asserts nothing; each figure
// stands beside a floor measured in the same run, with the ratio:
//
//   pages, with autocannon at 20 connections for 10 s each, signed in as bureau staff (session cookie):
//     the vetting board /programs/<id>/vetting and the application list /applications?programId=<id>
//     floors: a bare page of the app with the same shell and no data (/account/password), measured just
//             before each page, and the same data as JSON from bare pg in a process of its own
//   the Excel export of the report list (5 000 rows): over HTTP and in-process, in ms and MB
//     floors: the same rows through bare pg, and exceljs writing them unstyled with no database
//
//   npm run bench:applications && npm run bench:vetting      (-- --build to rebuild the app first)
//
// Runs the built app (`next start`, built first if there is no .next/BUILD_ID) on a free port against
// the benchmark database. BENCH_DATABASE_URL, BENCH_RUNS (export runs, 5), BENCH_CONNECTIONS (20),
// BENCH_DURATION (seconds, 10); BENCH_URL to measure an app already running on this database instead.
import os from "node:os";
import pg from "pg";
import { createPrismaClient } from "@/lib/prisma";
import { buildScope } from "@/lib/server/organization-tree";
import { DEMO_PASSWORD } from "@/prisma/seed";
import { APPLICATION_COUNT, APP_PREFIX, BENCH_PROGRAM_ID } from "./lib/application-data";
import { ensureBuild, startApp } from "./lib/app-server";
import { startFloorServer } from "./lib/floor-process";
import { signIn } from "./lib/app-session";
import { benchDatabaseUrl } from "./lib/bench-db";
import { benchExport } from "./lib/export-bench";
import { CONNECTIONS, DURATION_S, load, type LoadResult } from "./lib/load";
import { mb, ms, ratio, table } from "./lib/measure";

const RUNS = Number(process.env.BENCH_RUNS) || 5;
const POOL_MAX = 10; // the app's default DATABASE_POOL_MAX; the floor server's pool is the same size

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const row = (what: string, r: LoadResult, floors: [string, LoadResult][]): string[] => [
  what, r.bound, String(r.requests), String(r.failed), ms(r.p50), ms(r.p95), ms(r.p99), r.rps.toFixed(1), kb(r.bytes),
  ...floors.flatMap(([, f]) => [ms(f.p50), ratio(r.p50, f.p50)]),
];

async function main(): Promise<void> {
  const url = benchDatabaseUrl();
  const bare = new pg.Client({ connectionString: url });
  await bare.connect();
  const prisma = createPrismaClient(url, { maxConnections: 4 });
  let app: Awaited<ReturnType<typeof startApp>> | undefined;
  let floor: Awaited<ReturnType<typeof startFloorServer>> | undefined;
  try {
    const { rows: [counts] } = await bare.query<{ apps: number; decisions: number }>(
      `SELECT (SELECT count(*)::int FROM "Application" WHERE id LIKE $1) AS apps, (SELECT count(*)::int FROM "StageDecision") AS decisions`,
      [`${APP_PREFIX}%`],
    );
    if (counts!.apps !== APPLICATION_COUNT) throw new Error(`${counts!.apps} generated applications in the database: run npm run bench:applications first`);
    const { rows: [sizes] } = await bare.query<{ doctors: number; orgs: number; allApps: number }>(
      `SELECT (SELECT count(*)::int FROM "Doctor") AS doctors, (SELECT count(*)::int FROM "Organization") AS orgs, (SELECT count(*)::int FROM "Application") AS "allApps"`,
    );
    const cpus = os.cpus();
    console.log(`Machine: ${cpus.length} × ${cpus[0]?.model.trim()}, ${mb(os.totalmem())} RAM, Node ${process.version}; ${(await bare.query("SHOW server_version")).rows[0].server_version} PostgreSQL`);
    console.log(`Load average at start: ${os.loadavg().map((l) => l.toFixed(2)).join(" / ")} (1/5/15 min)`);
    console.log(`Data: ${sizes!.orgs} organisations, ${sizes!.doctors} doctors, ${sizes!.allApps} applications (${counts!.apps} on the benchmark programme, 250 posts), ${counts!.decisions} stage decisions\n`);

    if (process.env.BENCH_URL) {
      // A running app on this database instead (e.g. to try the benchmark out against `npm run dev`).
      app = { baseUrl: process.env.BENCH_URL.replace(/\/$/, ""), stop: async () => {} };
      console.log(`App: the running app at ${app.baseUrl} (BENCH_URL)`);
    } else {
      console.log(`App: ${await ensureBuild(process.cwd(), process.argv.includes("--build"))}`);
      app = await startApp(url, POOL_MAX);
    }
    floor = await startFloorServer(url, BENCH_PROGRAM_ID);
    const jar = await signIn(app.baseUrl, "staff", DEMO_PASSWORD);
    const headers = { cookie: jar.header() };
    console.log(`App on ${app.baseUrl} (pool ${POOL_MAX}), signed in as staff (绍兴市卫生健康委员会, bureau staff)\n`);

    const pages = [
      { what: "vetting board /programs/<id>/vetting", path: `/programs/${BENCH_PROGRAM_ID}/vetting`, json: "/board" },
      { what: "application list /applications?programId=<id>", path: `/applications?programId=${BENCH_PROGRAM_ID}`, json: "/list" },
    ];
    const rows: string[][] = [];
    for (const page of pages) {
      const probe = await fetch(`${app.baseUrl}${page.path}`, { headers, redirect: "manual" });
      if (probe.status !== 200) {
        console.log(`${page.what}: skipped, the page answered ${probe.status}`);
        continue;
      }
      const shell = await load(`${app.baseUrl}/account/password`, headers);
      const measured = await load(`${app.baseUrl}${page.path}`, headers);
      const json = await load(`${floor.baseUrl}${page.json}`);
      rows.push(row(page.what, measured, [["shell", shell], ["json", json]]));
      rows.push(row("  floor: bare page of the shell /account/password", shell, []));
      rows.push(row("  floor: the same data as JSON from bare pg", json, []));
    }
    console.log(`Pages under load: ${CONNECTIONS} connections, ${DURATION_S} s each after a warm-up (a page slower than 2 s: ${CONNECTIONS * 3} requests instead); latency of every 2xx response`);
    console.log(table(["what", "run", "requests", "failed", "p50", "p95", "p99", "req/s", "size", "shell p50", "ratio", "bare-pg JSON p50", "ratio"], rows));
    console.log();

    const staff = await prisma.user.findUniqueOrThrow({ where: { username: "staff" } });
    await benchExport({ prisma, bare, scope: await buildScope(prisma, staff), programId: BENCH_PROGRAM_ID, baseUrl: app.baseUrl, cookie: jar.header(), runs: RUNS });
    console.log(`Load average at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(" / ")}`);
  } finally {
    floor?.stop();
    await app?.stop();
    await prisma.$disconnect();
    await bare.end();
  }
}

main().catch((error: unknown) => {
  console.error("The vetting benchmark failed:", error instanceof Error ? error.message : error);
  process.exit(1);
});
