// The reports of issue 16 at 20 users on the province-sized data: the programme-health page
// (/programs/[programId]/health) and a doctor's timeline (/doctors/[doctorId]/timeline), each beside a
// bare page of bench/floor serving the same aggregates / the same events from bare pg in the same run.
//
//   npm run bench:reports        (-- --build rebuilds the app and the floor)
//
// Data (BENCH_DATABASE_URL, and BENCH_SERVICE_DATABASE_URL pointing at the same database):
// `npm run bench:generate && npm run bench:applications` (50 000 doctors; 20 000 applications with
// 46 500 decisions on bench-program-vetting, the city bureau's) and bench/generate-service.ts (2 000
// doctors in service with 18 months of daily logs, 1.1 million rows, on bench-service-program,
// Wanzhou's). The health page of both programmes: the vetting one as `staff` (the selection figures
// carry the weight), the service one as `wz-admin` (the service figures: every confirmed log summed by
// month). The timeline of a doctor of the service programme (an approved application, his dispatch and
// 18-19 months of logs) as `wz-admin`. Prints p50/p95/p99, req/s and HTML bytes of app and floor and
// the ratios.
import os from "node:os";
import pg from "pg";
import { DEMO_PASSWORD } from "@/prisma/seed";
import { BENCH_PROGRAM_ID } from "./lib/application-data";
import { ensureBuild, startApp } from "./lib/app-server";
import { signIn } from "./lib/app-session";
import { benchDatabaseUrl } from "./lib/bench-db";
import { startFloor } from "./lib/floor-process";
import { load, PageComparison } from "./lib/load";
import { mb } from "./lib/measure";

const SERVICE_PROGRAM_ID = "bench-service-program"; // bench/generate-service.ts

async function main(): Promise<void> {
  const url = benchDatabaseUrl();
  const bare = new pg.Client({ connectionString: url });
  await bare.connect();
  let app: Awaited<ReturnType<typeof startApp>> | undefined;
  let floor: Awaited<ReturnType<typeof startFloor>> | undefined;
  try {
    const { rows: [sizes] } = await bare.query<{ applications: number; decisions: number; doctors: number; dispatches: number; logs: number; staffBureau: string; wzBureau: string }>(
      `SELECT (SELECT count(*)::int FROM "Application") AS applications,
              (SELECT count(*)::int FROM "StageDecision") AS decisions,
              (SELECT count(*)::int FROM "Doctor") AS doctors,
              (SELECT count(*)::int FROM "Dispatch" WHERE "programId" = $1) AS dispatches,
              (SELECT count(*)::int FROM "WorkLog" w JOIN "Dispatch" d ON d.id = w."dispatchId" WHERE d."programId" = $1) AS logs,
              (SELECT "organizationId" FROM "User" WHERE username = 'staff') AS "staffBureau",
              (SELECT "organizationId" FROM "User" WHERE username = 'wz-admin') AS "wzBureau"`,
      [SERVICE_PROGRAM_ID],
    );
    if (!sizes?.dispatches || sizes.applications < 20_000) {
      throw new Error("no benchmark data: run `npm run bench:generate && npm run bench:applications` and bench/generate-service.ts (BENCH_SERVICE_DATABASE_URL = BENCH_DATABASE_URL) first");
    }
    // The doctor with the most months of confirmed logs in the service programme (all have 18-19).
    const { rows: [doctor] } = await bare.query<{ id: string; name: string; logs: number; months: number }>(
      `SELECT d."doctorId" AS id, doc.name, count(*)::int AS logs, count(DISTINCT date_trunc('month', w."periodStart"))::int AS months
         FROM "Dispatch" d JOIN "Doctor" doc ON doc.id = d."doctorId" JOIN "WorkLog" w ON w."dispatchId" = d.id
        WHERE d."programId" = $1 AND d."doctorId" = (SELECT "doctorId" FROM "Dispatch" WHERE "programId" = $1 ORDER BY id LIMIT 1)
        GROUP BY 1, 2`,
      [SERVICE_PROGRAM_ID],
    );
    const cpus = os.cpus();
    console.log(`Machine: ${cpus.length} × ${cpus[0]?.model.trim()}, ${mb(os.totalmem())} RAM, Node ${process.version}; PostgreSQL ${(await bare.query("SHOW server_version")).rows[0].server_version}`);
    console.log(`Load average at start: ${os.loadavg().map((l) => l.toFixed(2)).join(" / ")}`);
    console.log(`Data: ${sizes.doctors} doctors, ${sizes.applications} applications with ${sizes.decisions} decisions, ${sizes.dispatches} dispatches in service with ${sizes.logs} logs`);
    console.log(`Timeline doctor: ${doctor!.name} (${doctor!.id}), ${doctor!.logs} confirmed logs over ${doctor!.months} months\n`);
    console.log(`App: ${await ensureBuild(process.cwd(), process.argv.includes("--build"))}`);
    app = await startApp(url, 10);
    floor = await startFloor(url);
    const staff = { cookie: (await signIn(app.baseUrl, "staff", DEMO_PASSWORD)).header(), "accept-language": "zh-CN" };
    const wz = { cookie: (await signIn(app.baseUrl, "wz-admin", DEMO_PASSWORD)).header(), "accept-language": "zh-CN" };
    const pages = [
      { what: "health, vetting programme (staff)", headers: staff, fixedAmount: true, app: `/programs/${BENCH_PROGRAM_ID}/health`, floor: `/health?programId=${BENCH_PROGRAM_ID}&bureauId=${sizes.staffBureau}` },
      { what: "health, service programme (wz-admin)", headers: wz, fixedAmount: true, app: `/programs/${SERVICE_PROGRAM_ID}/health`, floor: `/health?programId=${SERVICE_PROGRAM_ID}&bureauId=${sizes.wzBureau}` },
      { what: "doctor's timeline (wz-admin)", headers: wz, fixedAmount: false, app: `/doctors/${doctor!.id}/timeline`, floor: `/doctor-timeline?doctorId=${doctor!.id}` },
    ];
    const figures = new PageComparison();
    for (const page of pages) {
      const probe = await fetch(`${app.baseUrl}${page.app}`, { headers: page.headers, redirect: "manual" });
      if (probe.status !== 200) throw new Error(`${page.app} answered ${probe.status}`);
      const floorProbe = await fetch(`${floor.baseUrl}${page.floor}`);
      if (floorProbe.status !== 200 || (await floorProbe.text()).includes("not found")) throw new Error(`floor ${page.floor} found nothing`);
      // The health pages take seconds under load: both sides get the same fixed number of requests.
      const measured = await load(`${app.baseUrl}${page.app}`, page.headers, { fixedAmount: page.fixedAmount });
      const bareFloor = await load(`${floor.baseUrl}${page.floor}`, {}, { fixedAmount: page.fixedAmount });
      figures.add(page.what, `bench/floor ${page.floor.split("?")[0]}`, measured, bareFloor);
    }
    figures.print();
    console.log(`\nLoad average at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(" / ")}`);
  } finally {
    floor?.stop();
    await app?.stop();
    await bare.end();
  }
}

main().catch((error: unknown) => {
  console.error("The reports benchmark failed:", error instanceof Error ? error.message : error);
  process.exit(1);
});
