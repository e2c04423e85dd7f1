// "2 000 doctors in service with 18 months of daily logs: the bureau's workload totals and the
// timeline pages at 20 users, p95 beside a bare page serving the same rows in the same run."
//
//   npm run bench:service           (generates the data first if it is not there; -- --build rebuilds the app)
//
// The app (`next start` of the built app, pool 10) against BENCH_SERVICE_DATABASE_URL, signed in as
// Wanzhou's bureau admin (wz-admin), and the floor: bench/floor, a bare Next.js app (no auth, ORM or
// i18n; a `pg` pool of 10) rendering the same rows from bare SQL, built and started beside it. Each
// page with autocannon at BENCH_CONNECTIONS (20) for BENCH_DURATION (10 s), the floor measured right
// after its page. Prints p50/p95/p99, req/s and HTML bytes of both, and the ratios.
import os from "node:os";
import pg from "pg";
import { DEMO_PASSWORD } from "@/prisma/seed";
import { SERVICE_BENCH_URL, SERVICE_PROGRAM_ID } from "./generate-service";
import { ensureBuild, startApp } from "./lib/app-server";
import { signIn } from "./lib/app-session";
import { startFloor } from "./lib/floor-process";
import { CONNECTIONS, DURATION_S, load, type LoadResult } from "./lib/load";
import { mb, ms, ratio, table } from "./lib/measure";

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const line = (what: string, r: LoadResult): string[] => [what, String(r.requests), String(r.failed), ms(r.p50), ms(r.p95), ms(r.p99), r.rps.toFixed(1), kb(r.bytes)];

async function main(): Promise<void> {
  const url = SERVICE_BENCH_URL;
  const bare = new pg.Client({ connectionString: url });
  await bare.connect();
  let app: Awaited<ReturnType<typeof startApp>> | undefined;
  let floor: Awaited<ReturnType<typeof startFloor>> | undefined;
  try {
    const { rows: [sizes] } = await bare.query<{ dispatches: number; logs: number; bureau: string }>(
      `SELECT (SELECT count(*)::int FROM "Dispatch" WHERE "programId" = $1) AS dispatches, (SELECT count(*)::int FROM "WorkLog") AS logs,
              (SELECT "bureauId" FROM "Program" WHERE id = $1) AS bureau`,
      [SERVICE_PROGRAM_ID],
    );
    if (!sizes?.dispatches) throw new Error("no service data: run `npx tsx bench/generate-service.ts` first");
    const cpus = os.cpus();
    console.log(`Machine: ${cpus.length} × ${cpus[0]?.model.trim()}, ${mb(os.totalmem())} RAM, Node ${process.version}; PostgreSQL ${(await bare.query("SHOW server_version")).rows[0].server_version}`);
    console.log(`Load average at start: ${os.loadavg().map((l) => l.toFixed(2)).join(" / ")}`);
    console.log(`Data: ${sizes.dispatches} doctors in service, ${sizes.logs} work logs in all\n`);
    console.log(`App: ${await ensureBuild(process.cwd(), process.argv.includes("--build"))}`);
    app = await startApp(url, 10);
    floor = await startFloor(url);
    const jar = await signIn(app.baseUrl, "wz-admin", DEMO_PASSWORD);
    const headers = { cookie: jar.header(), "accept-language": "zh-CN" };
    const pages = [
      { what: "workload totals /worklogs?by=receivingOrg", app: `/worklogs?by=receivingOrg&programId=${SERVICE_PROGRAM_ID}`, floor: `/workload?programId=${SERVICE_PROGRAM_ID}` },
      { what: "timeline /dispatches (the board)", app: "/dispatches", floor: `/timeline?bureauId=${sizes.bureau}` },
    ];
    const rows: string[][] = [];
    const ratios: string[][] = [];
    for (const page of pages) {
      const probe = await fetch(`${app.baseUrl}${page.app}`, { headers, redirect: "manual" });
      if (probe.status !== 200) throw new Error(`${page.app} answered ${probe.status}`);
      const measured = await load(`${app.baseUrl}${page.app}`, headers);
      const bareFloor = await load(`${floor.baseUrl}${page.floor}`);
      rows.push(line(`app: ${page.what}`, measured), line("  floor: bare Next page, same rows from pg", bareFloor));
      ratios.push([page.what, ratio(measured.p50, bareFloor.p50), ratio(measured.p95, bareFloor.p95), ratio(bareFloor.rps, measured.rps)]);
    }
    console.log(`\n${CONNECTIONS} connections, ${DURATION_S} s each after a warm-up; latency of every 2xx response`);
    console.log(table(["what", "requests", "failed", "p50", "p95", "p99", "req/s", "HTML"], rows));
    console.log();
    console.log(table(["page", "p50 app/floor", "p95 app/floor", "req/s floor/app"], ratios));
    console.log(`\nLoad average at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(" / ")}`);
  } finally {
    floor?.stop();
    await app?.stop();
    await bare.end();
  }
}

main().catch((error: unknown) => {
  console.error("The service benchmark failed:", error instanceof Error ? error.message : error);
  process.exit(1);
});
