// Allowances at scale (issue 13): 2 000 dispatches of one programme with seed 000's and seed 001's
// items (two monthly items, two one-time items), their schedules generated and totalled, and
// finance's month page under 20 users. Prints figures, asserts nothing; each beside a floor measured
// in the same run, with the ratio:
//
//   (a) regenerateSchedules for the 2 000 dispatches in one transaction (every line created)
//       floor: the same rows written back through bare pg (one INSERT … unnest per 5 000 rows)
//   (b) allowanceTotals of the programme over 24 months as its finance officer
//       floor: one GROUP BY over the same lines through bare pg; the two totals must match to the fen
//   (c) /allowances?programId=… (finance's month) with autocannon, 20 connections, signed in as the
//       bureau's finance officer; floors: a bare page of the app (/account/password), a bare Next app
//       serving the same rows from bare pg (bench/floor /allowances, the service benchmark's floor app)
//       and the same rows as JSON from bare pg (bench/lib/floor-server.ts /allowances)
//
//   npm run bench:allowances            (-- --build to rebuild the app first; BENCH_SKIP_PAGE=1 for (a), (b) only)
//
// The data (prefix bench-alw-) is generated on first use into the benchmark database (bench-db.ts).
import os from "node:os";
import pg from "pg";
import { hashPassword } from "@/lib/auth/password";
import { composeIdNumber } from "@/lib/domain/id-number";
import { ALLOWANCE_TEMPLATES } from "@/lib/domain/allowance-templates";
import { addDays, lastDayOfService } from "@/lib/domain/service-period";
import { createPrismaClient } from "@/lib/prisma";
import { allowanceTotals } from "@/lib/server/allowance-queries";
import { regenerateSchedules, shanghaiToday } from "@/lib/server/allowance-schedule";
import { buildScope } from "@/lib/server/organization-tree";
import { DEMO_PASSWORD } from "@/prisma/seed";
import { ensureBuild, startApp } from "./lib/app-server";
import { startFloor, startFloorServer } from "./lib/floor-process";
import { signIn } from "./lib/app-session";
import { benchDatabaseUrl, prepareBenchDatabase } from "./lib/bench-db";
import { column, insertColumns } from "./lib/bulk-insert";
import { load, type LoadResult } from "./lib/load";
import { ms, ratio, table, time } from "./lib/measure";

const P = "bench-alw-";
const PROGRAM_ID = `${P}program`;
const DISPATCHES = Number(process.env.BENCH_DISPATCHES) || 2_000;
const RUNS = Number(process.env.BENCH_RUNS) || 3;
const FINANCE = `${P}finance`;

/** The birth day of the i-th generated doctor: one day later every 900 doctors. */
const birth = (i: number) => addDays("1985-05-05", Math.floor(i / 900));

async function generate(client: pg.Client): Promise<boolean> {
  if ((await client.query(`SELECT 1 FROM "Program" WHERE id = $1`, [PROGRAM_ID])).rowCount) return false;
  const one = async (sql: string, args: unknown[] = []) => (await client.query<{ id: string }>(sql, args)).rows[0]!.id;
  const bureau = await one(`SELECT id FROM "Organization" WHERE name = '浙江省绍兴市卫生健康委员会'`);
  const admin = await one(`SELECT id FROM "User" WHERE username = 'admin'`);
  const hospitals = (await client.query<{ id: string }>(`SELECT id FROM "Organization" WHERE name LIKE '%医院' ORDER BY name LIMIT 12`)).rows.map((r) => r.id);
  const receiving = (await client.query<{ id: string }>(`SELECT id FROM "Organization" WHERE name LIKE '%卫生院' OR name LIKE '%县人民医院' ORDER BY name LIMIT 20`)).rows.map((r) => r.id);
  await client.query("BEGIN");
  try {
    await client.query(
      `INSERT INTO "Program" (id, "bureauId", kind, name, year, status, "serviceMonths", "updatedAt") VALUES ($1, $2, 'LONG_TERM_AID', $3, 2026, 'IN_SERVICE', 18, now())`,
      [PROGRAM_ID, bureau, "基准：2 000人次派驻的津贴发放"],
    );
    const items = [...ALLOWANCE_TEMPLATES.longTermAid, ...ALLOWANCE_TEMPLATES.countyHireTownshipUse].map((t, i) => ({ ...t, id: `${P}item-${i}`, sortOrder: i + 1 }));
    await insertColumns(
      client,
      "AllowanceItem",
      [
        column(items, "id", "text", (i) => i.id),
        column(items, "programId", "text", () => PROGRAM_ID),
        column(items, "name", "text", (i) => i.name),
        column(items, "kind", "text", (i) => i.kind),
        column(items, "amountFen", "int", (i) => i.amountFen),
        column(items, "payer", "text", (i) => i.payer),
        column(items, "payee", "text", (i) => i.payee),
        column(items, "startsAt", "text", (i) => i.startsAt),
        column(items, "sortOrder", "int", (i) => i.sortOrder),
        column(items, "updatedAt", "timestamptz", () => new Date()),
      ],
      { kind: "AllowanceKind", payer: "AllowancePayer", payee: "AllowancePayee", startsAt: "AllowanceStart" },
    );
    const posts = receiving.map((r, i) => ({ id: `${P}post-${i}`, receivingOrgId: r }));
    await insertColumns(client, "Post", [
      column(posts, "id", "text", (p) => p.id),
      column(posts, "programId", "text", () => PROGRAM_ID),
      column(posts, "receivingOrgId", "text", (p) => p.receivingOrgId),
      column(posts, "title", "text", () => "全科医生"),
      column(posts, "specialty", "text", () => "全科医学"),
      column(posts, "headcount", "int", () => Math.ceil(DISPATCHES / posts.length)),
    ]);
    const today = shanghaiToday();
    const rows = Array.from({ length: DISPATCHES }, (_, i) => {
      const start = addDays(today, -((i * 7) % 540)); // arrivals spread over the last 18 months
      const months = i % 3 === 0 ? 12 : 18;
      const post = posts[i % posts.length]!;
      return { i, start, months, last: lastDayOfService(start, months), post, employer: hospitals[i % hospitals.length]! };
    });
    await insertColumns(
      client,
      "Doctor",
      [
        column(rows, "id", "text", (r) => `${P}doctor-${r.i}`),
        column(rows, "name", "text", (r) => `基准医生${String(r.i).padStart(4, "0")}`),
        column(rows, "sex", "text", (r) => (r.i % 2 ? "MALE" : "FEMALE")),
        column(rows, "ethnicity", "text", () => "汉族"),
        column(rows, "birthDate", "date", (r) => birth(r.i)),
        // An ID number's sequence is 0–999: 900 doctors per birth day.
        column(rows, "idNumber", "text", (r) => composeIdNumber("330699", birth(r.i), 100 + (r.i % 900))),
        column(rows, "education", "text", () => "BACHELOR"),
        column(rows, "employerId", "text", (r) => r.employer),
        column(rows, "department", "text", () => "全科"),
        column(rows, "specialty", "text", () => "全科医学"),
        column(rows, "updatedAt", "timestamptz", () => new Date()),
      ],
      { sex: "Sex", education: "Education" },
    );
    await insertColumns(
      client,
      "Application",
      [
        column(rows, "id", "text", (r) => `${P}app-${r.i}`),
        column(rows, "postId", "text", (r) => r.post.id),
        column(rows, "doctorId", "text", (r) => `${P}doctor-${r.i}`),
        column(rows, "nominatingOrgId", "text", (r) => r.employer),
        column(rows, "source", "text", () => "UNIT"),
        column(rows, "status", "text", () => "APPROVED"),
        column(rows, "currentStage", "text", () => "APPROVAL"),
        column(rows, "createdById", "text", () => admin),
        column(rows, "updatedAt", "timestamptz", () => new Date()),
      ],
      { source: "ApplicationSource", status: "ApplicationStatus", currentStage: "StageKind" },
    );
    await insertColumns(
      client,
      "Dispatch",
      [
        column(rows, "id", "text", (r) => `${P}dispatch-${String(r.i).padStart(4, "0")}`),
        column(rows, "programId", "text", () => PROGRAM_ID),
        column(rows, "postId", "text", (r) => r.post.id),
        column(rows, "applicationId", "text", (r) => `${P}app-${r.i}`),
        column(rows, "doctorId", "text", (r) => `${P}doctor-${r.i}`),
        column(rows, "receivingOrgId", "text", (r) => r.post.receivingOrgId),
        column(rows, "rotationBatch", "int", () => 1),
        column(rows, "startDate", "date", (r) => r.start),
        column(rows, "serviceMonths", "int", (r) => r.months),
        column(rows, "plannedLastDay", "date", (r) => r.last),
        column(rows, "lastDay", "date", (r) => r.last),
        column(rows, "status", "text", (r) => (r.start <= today ? "ACTIVE" : "PLANNED")),
        column(rows, "createdById", "text", () => admin),
        column(rows, "updatedAt", "timestamptz", () => new Date()),
      ],
      { status: "DispatchStatus" },
    );
    await client.query(
      `INSERT INTO "User" (id, username, "displayName", role, "organizationId", "passwordHash", "mustChangePassword", "updatedAt") VALUES ($1, $2, '基准财务', 'FINANCE_OFFICER', $3, $4, false, now())`,
      [FINANCE, FINANCE, bureau, await hashPassword(DEMO_PASSWORD)],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
  await client.query(`ANALYZE "Doctor", "Application", "Dispatch", "AllowanceItem"`);
  return true;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

async function main(): Promise<void> {
  const url = benchDatabaseUrl();
  await prepareBenchDatabase(url);
  const bare = new pg.Client({ connectionString: url });
  await bare.connect();
  const prisma = createPrismaClient(url, { maxConnections: 4 });
  try {
    const started = performance.now();
    if (await generate(bare)) console.log(`Generated ${DISPATCHES} dispatches in ${ms(performance.now() - started)}.`);
    console.log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 1024 / 1024)} MB RAM, Node ${process.version}`);
    const ids = (await bare.query<{ id: string }>(`SELECT id FROM "Dispatch" WHERE "programId" = $1 ORDER BY id`, [PROGRAM_ID])).rows.map((r) => r.id);
    const today = shanghaiToday();
    const clear = () => bare.query(`DELETE FROM "AllowanceLine" l USING "Dispatch" d WHERE d.id = l."dispatchId" AND d."programId" = $1 AND l.status = 'UNPAID'`, [PROGRAM_ID]);

    // (a) generation: every line of 2 000 schedules, in one transaction, from nothing.
    let created = 0;
    const regen = await time(
      async () => {
        await clear();
        const summary = await prisma.$transaction((tx) => regenerateSchedules(tx, ids, today), { timeout: 600_000, maxWait: 60_000 });
        created = summary.created;
      },
      { warmup: 0, runs: RUNS },
    );
    const { rows: lines } = await bare.query(`SELECT l.* FROM "AllowanceLine" l JOIN "Dispatch" d ON d.id = l."dispatchId" WHERE d."programId" = $1`, [PROGRAM_ID]);
    const names = Object.keys(lines[0] ?? {}).filter((n) => n !== "status");
    const types: Record<string, string> = { periodStart: "date", periodEnd: "date", dueDate: "date", paidOn: "date", paidAt: "timestamptz", createdAt: "timestamptz", daysServed: "int", monthDays: "int", rateFen: "int", amountFen: "int", paidBeforeFen: "int", isGenerated: "boolean" };
    const floorWrite = await time(
      async () => {
        await clear();
        await insertColumns(bare, "AllowanceLine", names.map((n) => column(lines, n, types[n] ?? "text", (l: Record<string, unknown>) => l[n])), { kind: "AllowanceLineKind", payer: "AllowancePayer", payee: "AllowancePayee" });
      },
      { warmup: 0, runs: RUNS },
    );

    // (b) totals as the bureau's finance officer, and the same sums in one GROUP BY.
    const financeUser = await prisma.user.findUniqueOrThrow({ where: { username: FINANCE } });
    const scope = await buildScope(prisma, financeUser);
    const from = `${Number(today.slice(0, 4)) - 2}-${today.slice(5, 7)}`;
    const to = `${Number(today.slice(0, 4)) + 1}-${today.slice(5, 7)}`;
    let appFen = 0;
    const totals = await time(async () => {
      const t = await allowanceTotals(prisma, scope, { from, to }, PROGRAM_ID);
      appFen = t.grandTotal.paidFen + t.grandTotal.unpaidFen;
    });
    let floorFen = 0;
    const floorTotals = await time(async () => {
      const { rows } = await bare.query<{ fen: string }>(
        `SELECT to_char(l."dueDate", 'YYYY-MM') AS month, l.payer, l."itemId", l.status, sum(l."amountFen") AS fen, count(*) AS n
           FROM "AllowanceLine" l JOIN "Dispatch" d ON d.id = l."dispatchId"
          WHERE d."programId" = $1 AND l."dueDate" >= $2::date AND l."dueDate" < ($3::date + interval '1 month') GROUP BY 1, 2, 3, 4`,
        [PROGRAM_ID, `${from}-01`, `${to}-01`],
      );
      floorFen = rows.reduce((s, r) => s + Number(r.fen), 0);
    });
    console.log(`\n${DISPATCHES} dispatches, ${created} lines (${lines.length} in the table); (a) ${RUNS} runs, (b) 5 runs after a warm-up`);
    console.log(
      table(
        ["what", "p50", "p95", "floor", "floor p50", "ratio"],
        [
          ["(a) regenerateSchedules, all lines", ms(regen.p50), ms(regen.p95), "bare pg INSERT … unnest of the same rows", ms(floorWrite.p50), ratio(regen.p50, floorWrite.p50)],
          [`(b) allowanceTotals ${from}…${to}`, ms(totals.p50), ms(totals.p95), "bare pg GROUP BY", ms(floorTotals.p50), ratio(totals.p50, floorTotals.p50)],
        ],
      ),
    );
    console.log(`Totals: app ${appFen} fen, bare SQL ${floorFen} fen — ${appFen === floorFen ? "equal to the fen" : "DIFFERENT"}`);

    // (c) finance's month page under load.
    if (process.env.BENCH_SKIP_PAGE === "1") return;
    console.log(await ensureBuild(process.cwd(), process.argv.includes("--build")));
    const app = await startApp(url, 10);
    const floor = await startFloorServer(url, PROGRAM_ID);
    const bareNext = await startFloor(url);
    try {
      const jar = await signIn(app.baseUrl, FINANCE, DEMO_PASSWORD);
      const headers = { cookie: jar.header() };
      const results: [string, LoadResult][] = [];
      results.push(["bare page /account/password (floor)", await load(`${app.baseUrl}/account/password`, headers)]);
      results.push([`/allowances?programId=… (finance's month)`, await load(`${app.baseUrl}/allowances?programId=${PROGRAM_ID}`, headers)]);
      results.push(["bare Next page, same rows from pg (bench/floor)", await load(`${bareNext.baseUrl}/allowances?programId=${PROGRAM_ID}`)]);
      results.push(["bare pg JSON, same rows (floor)", await load(`${floor.baseUrl}/allowances`)]);
      const page = results[1]![1];
      console.log(`\nFinance's month page, autocannon ${process.env.BENCH_CONNECTIONS || 20} connections`);
      console.log(
        table(
          ["what", "bound", "requests", "failed", "p50", "p95", "p99", "req/s", "bytes", "page ÷ this (p50 / p95)"],
          results.map(([what, r]) => [what, r.bound, String(r.requests), String(r.failed), ms(r.p50), ms(r.p95), ms(r.p99), r.rps.toFixed(1), kb(r.bytes), `${ratio(page.p50, r.p50)} / ${ratio(page.p95, r.p95)}`]),
        ),
      );
    } finally {
      floor.stop();
      bareNext.stop();
      await app.stop();
    }
  } finally {
    await prisma.$disconnect();
    await bare.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
