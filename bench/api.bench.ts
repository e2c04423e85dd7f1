// "The JSON API's list endpoints ≤ 1.5× the same query through bare pg served by a bare route" (issue 17).
//
//   npm run bench:api            (-- --build rebuilds the app; bench/floor is rebuilt when its sources are newer than its build)
//
// The built app (`next start`, pool 10) and bench/floor (a bare Next.js app: no auth, ORM or i18n, a `pg`
// pool of 10), both against BENCH_DATABASE_URL (`npm run bench:generate && npm run bench:applications`,
// and `npx tsx bench/generate-service.ts` for the service lists). Each main list of /api/v1, signed in
// (session cookie) as the user the list is for — `staff` (the city bureau) for applications and doctors,
// `wz-admin` (Wanzhou's bureau, which owns the service programme) for the service lists — with
// autocannon at BENCH_CONNECTIONS (20) for BENCH_DURATION (10 s) after a warm-up, and right after it the
// floor's route under bench/floor/app/api answering the same rows from the same SQL (bench/floor/lib/lists.ts)
// as JSON. Prints p50/p95/p99, req/s and bytes of both, and the ratios.
import os from "node:os";
import pg from "pg";
import { DEMO_PASSWORD } from "@/prisma/seed";
import { SERVICE_PROGRAM_ID } from "./generate-service";
import { BENCH_PROGRAM_ID } from "./lib/application-data";
import { ensureBuild, startApp } from "./lib/app-server";
import { signIn } from "./lib/app-session";
import { benchDatabaseUrl } from "./lib/bench-db";
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
    const { rows: [ctx] } = await bare.query<{ applications: number; doctors: number; dispatches: number; logs: number; staffBureau: string; wzBureau: string }>(
      `SELECT (SELECT count(*)::int FROM "Application" a JOIN "Post" p ON p.id = a."postId" WHERE p."programId" = $1) AS applications,
              (SELECT count(*)::int FROM "Doctor") AS doctors,
              (SELECT count(*)::int FROM "Dispatch" WHERE "programId" = $2) AS dispatches,
              (SELECT count(*)::int FROM "WorkLog") AS logs,
              (SELECT "organizationId" FROM "User" WHERE username = 'staff') AS "staffBureau",
              (SELECT "organizationId" FROM "User" WHERE username = 'wz-admin') AS "wzBureau"`,
      [BENCH_PROGRAM_ID, SERVICE_PROGRAM_ID],
    );
    if (!ctx?.applications) throw new Error("no benchmark applications: run `npm run bench:generate && npm run bench:applications` first");
    const counts = await bare.query<{ leave: number; lines: number; assessments: number }>(
      `SELECT (SELECT count(*)::int FROM "LeaveRequest") AS leave, (SELECT count(*)::int FROM "AllowanceLine") AS lines, (SELECT count(*)::int FROM "Assessment") AS assessments`,
    );
    const cpus = os.cpus();
    console.log(`Machine: ${cpus.length} × ${cpus[0]?.model.trim()}, ${mb(os.totalmem())} RAM, Node ${process.version}; PostgreSQL ${(await bare.query("SHOW server_version")).rows[0].server_version}`);
    console.log(`Load average at start: ${os.loadavg().map((l) => l.toFixed(2)).join(" / ")}`);
    const c = counts.rows[0]!;
    console.log(`Data: ${ctx.doctors} doctors, ${ctx.applications} applications on the benchmark programme, ${ctx.dispatches} dispatches on the service programme, ${ctx.logs} work logs, ${c.leave} leave requests, ${c.lines} allowance lines, ${c.assessments} assessments\n`);
    console.log(`App: ${await ensureBuild(process.cwd(), process.argv.includes("--build"))}`);
    app = await startApp(url, 10);
    floor = await startFloor(url);
    const headersOf = async (username: string) => ({ cookie: (await signIn(app!.baseUrl, username, DEMO_PASSWORD)).header(), "accept-language": "zh-CN" });
    const staff = await headersOf("staff");
    const wz = await headersOf("wz-admin");
    const lists = [
      { what: "applications", headers: staff, app: `/api/v1/applications?programId=${BENCH_PROGRAM_ID}`, floor: `/api/applications?programId=${BENCH_PROGRAM_ID}` },
      { what: "doctors", headers: staff, app: "/api/v1/doctors", floor: `/api/doctors?bureauId=${ctx.staffBureau}` },
      { what: "dispatches/list", headers: wz, app: `/api/v1/dispatches/list?programId=${SERVICE_PROGRAM_ID}`, floor: `/api/dispatches?programId=${SERVICE_PROGRAM_ID}&bureauId=${ctx.wzBureau}` },
      { what: "leave", headers: wz, app: "/api/v1/leave", floor: `/api/leave?bureauId=${ctx.wzBureau}` },
      { what: "workload", headers: wz, app: `/api/v1/workload?by=receivingOrg&programId=${SERVICE_PROGRAM_ID}`, floor: `/api/workload?programId=${SERVICE_PROGRAM_ID}` },
      { what: "allowances/due", headers: wz, app: `/api/v1/allowances/due?programId=${SERVICE_PROGRAM_ID}`, floor: `/api/allowances?programId=${SERVICE_PROGRAM_ID}` },
      { what: "assessments", headers: wz, app: "/api/v1/assessments", floor: `/api/assessments?bureauId=${ctx.wzBureau}` },
    ];
    const only = process.env.BENCH_LISTS?.split(",");
    const rows: string[][] = [];
    const ratios: string[][] = [];
    for (const list of lists.filter((l) => !only || only.includes(l.what))) {
      const probe = await fetch(`${app.baseUrl}${list.app}`, { headers: list.headers, redirect: "manual" });
      if (probe.status !== 200) throw new Error(`${list.app} answered ${probe.status}: ${(await probe.text()).slice(0, 200)}`);
      const answer = (await probe.json()) as { rows?: unknown[]; total?: number };
      const measured = await load(`${app.baseUrl}${list.app}`, list.headers);
      const bareFloor = await load(`${floor.baseUrl}${list.floor}`);
      const line = (what: string, r: LoadResult) => [what, r.bound, String(r.requests), String(r.failed), ms(r.p50), ms(r.p95), ms(r.p99), r.rps.toFixed(1), kb(r.bytes)];
      rows.push(line(`GET /api/v1/${list.what} (${answer.rows?.length ?? 0} rows of ${answer.total ?? "—"})`, measured), line(`  floor: bench/floor ${list.floor.split("?")[0]}`, bareFloor));
      ratios.push([list.what, ratio(measured.p50, bareFloor.p50), ratio(measured.p95, bareFloor.p95), ratio(bareFloor.rps, measured.rps), ratio(measured.bytes, bareFloor.bytes)]);
    }
    console.log(`\n${CONNECTIONS} connections, ${DURATION_S} s each after a warm-up; latency of every 2xx response`);
    console.log(table(["what", "bound", "requests", "failed", "p50", "p95", "p99", "req/s", "JSON"], rows));
    console.log();
    console.log(table(["list", "p50 app/floor", "p95 app/floor", "req/s floor/app", "bytes app/floor"], ratios));
    console.log(`\nLoad average at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(" / ")}`);
  } finally {
    floor?.stop();
    await app?.stop();
    await bare.end();
  }
}

main().catch((error: unknown) => {
  console.error("The API benchmark failed:", error instanceof Error ? error.message : error);
  process.exit(1);
});
