// "Every page near the bare floor" (issue 17): the signed-in app's main pages at 20 users on the
// province-sized data, each beside a bare Next.js page rendering the same rows from bare pg in the same run.
//
//   npm run bench:pages          (-- --build rebuilds the app; the floor is built once, -- --build rebuilds it too)
//
// The built app (`next start`, pool 10) and bench/floor (no auth, ORM or i18n; a `pg` pool of 10), both
// against BENCH_DATABASE_URL (`npm run bench:generate && npm run bench:applications` first), signed in
// as `staff` (the city bureau's staff). Each page with autocannon at BENCH_CONNECTIONS (20) for
// BENCH_DURATION (10 s) after a warm-up, its floor right after it. Prints p50/p95/p99, req/s and HTML
// bytes of both and the ratios, then the JavaScript each page loads on first visit (the <script src>
// of its HTML, gzip-compressed sizes of the built files).
import os from "node:os";
import pg from "pg";
import { DEMO_PASSWORD } from "@/prisma/seed";
import { BENCH_PROGRAM_ID } from "./lib/application-data";
import { ensureBuild, startApp } from "./lib/app-server";
import { signIn } from "./lib/app-session";
import { benchDatabaseUrl } from "./lib/bench-db";
import { firstLoadJs } from "./lib/first-load-js";
import { startFloor } from "./lib/floor-process";
import { CONNECTIONS, DURATION_S, load, type LoadResult } from "./lib/load";
import { mb, ms, ratio, table } from "./lib/measure";

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function main(): Promise<void> {
  const url = benchDatabaseUrl();
  const bare = new pg.Client({ connectionString: url });
  await bare.connect();
  let app: Awaited<ReturnType<typeof startApp>> | undefined;
  let floor: Awaited<ReturnType<typeof startFloor>> | undefined;
  try {
    const { rows: [sizes] } = await bare.query<{ applications: number; doctors: number; bureau: string | null }>(
      `SELECT (SELECT count(*)::int FROM "Application" a JOIN "Post" p ON p.id = a."postId" WHERE p."programId" = $1) AS applications,
              (SELECT count(*)::int FROM "Doctor") AS doctors,
              (SELECT "organizationId" FROM "User" WHERE username = 'staff') AS bureau`,
      [BENCH_PROGRAM_ID],
    );
    if (!sizes?.applications) throw new Error("no benchmark applications: run `npm run bench:generate && npm run bench:applications` first");
    const cpus = os.cpus();
    console.log(`Machine: ${cpus.length} × ${cpus[0]?.model.trim()}, ${mb(os.totalmem())} RAM, Node ${process.version}; PostgreSQL ${(await bare.query("SHOW server_version")).rows[0].server_version}`);
    console.log(`Load average at start: ${os.loadavg().map((l) => l.toFixed(2)).join(" / ")}`);
    console.log(`Data: ${sizes.doctors} doctors, ${sizes.applications} applications on the benchmark programme\n`);
    console.log(`App: ${await ensureBuild(process.cwd(), process.argv.includes("--build"))}`);
    app = await startApp(url, 10);
    floor = await startFloor(url);
    const jar = await signIn(app.baseUrl, "staff", DEMO_PASSWORD);
    const headers = { cookie: jar.header(), "accept-language": "zh-CN" };
    const pages = [
      { what: "/account/password (the shell)", app: "/account/password", floor: "/shell" },
      { what: "/ (staff workbench)", app: "/", floor: "/shell" },
      { what: "/applications?programId=…", app: `/applications?programId=${BENCH_PROGRAM_ID}`, floor: `/applications?programId=${BENCH_PROGRAM_ID}` },
      { what: "/programs/…/vetting", app: `/programs/${BENCH_PROGRAM_ID}/vetting`, floor: `/vetting?programId=${BENCH_PROGRAM_ID}` },
      { what: "/doctors", app: "/doctors", floor: `/doctors?bureauId=${sizes.bureau}` },
    ];
    const only = process.env.BENCH_PAGES?.split(",");
    const rows: string[][] = [];
    const ratios: string[][] = [];
    const js: string[][] = [];
    for (const page of pages.filter((p) => !only || only.some((o) => p.app.includes(o)))) {
      const probe = await fetch(`${app.baseUrl}${page.app}`, { headers, redirect: "manual" });
      if (probe.status !== 200) throw new Error(`${page.app} answered ${probe.status}`);
      const html = await probe.text();
      const measured = await load(`${app.baseUrl}${page.app}`, headers);
      const bareFloor = await load(`${floor.baseUrl}${page.floor}`);
      const line = (what: string, r: LoadResult) => [what, r.bound, String(r.requests), String(r.failed), ms(r.p50), ms(r.p95), ms(r.p99), r.rps.toFixed(1), kb(r.bytes)];
      rows.push(line(page.what, measured), line(`  floor: bench/floor ${page.floor.split("?")[0]}`, bareFloor));
      ratios.push([page.what, ratio(measured.p50, bareFloor.p50), ratio(measured.p95, bareFloor.p95), ratio(bareFloor.rps, measured.rps), ratio(measured.bytes, bareFloor.bytes)]);
      const first = await firstLoadJs(html);
      js.push([page.what, String(first.files.length), kb(first.raw), kb(first.gzip)]);
    }
    console.log(`\n${CONNECTIONS} connections, ${DURATION_S} s each after a warm-up (a page slower than 2 s: ${CONNECTIONS * 3} requests); latency of every 2xx response`);
    console.log(table(["what", "bound", "requests", "failed", "p50", "p95", "p99", "req/s", "HTML"], rows));
    console.log();
    console.log(table(["page", "p50 app/floor", "p95 app/floor", "req/s floor/app", "HTML app/floor"], ratios));
    console.log("\nFirst-load JavaScript (the scripts each page's HTML loads, from .next/static)");
    console.log(table(["page", "files", "raw", "gzip"], js));
    console.log(`\nLoad average at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(" / ")}`);
  } finally {
    floor?.stop();
    await app?.stop();
    await bare.end();
  }
}

main().catch((error: unknown) => {
  console.error("The pages benchmark failed:", error instanceof Error ? error.message : error);
  process.exit(1);
});
