// "The embedded default stays usable" (issue 17): on PGlite with the demo data, every page p95 ≤ 300 ms
// at 5 users. What a new user gets: `npm start` itself, spawned with DATA_DIR in a fresh temporary folder
// and a free PORT (no DATABASE_URL), so it starts the embedded database, migrates, loads the demo data,
// builds the app if the build is stale, and serves it — then each main role signs in and each of its main
// pages (its menu, plus a programme's, a dispatch's and a doctor's pages found by following the links of
// its lists) is loaded with autocannon at 5 connections for 5 s after a warm-up.
//
//   npm run bench:embedded                 (under `flock /work/wt/build.lock` on the shared machine)
//   npm run bench:embedded -- --profile    (also the SQL statements of one request per page, and their time)
//
// BENCH_CONNECTIONS (5), BENCH_DURATION (5 s), BENCH_ROLES=staff,finance and BENCH_PAGES=worklogs,audit
// (a page is measured when its path contains one of the words) narrow the run; BENCH_DATA_DIR reuses a
// data folder (kept afterwards) instead of a fresh one; BENCH_LIMIT_MS (300) is the target p95.
// Prints p50/p95/p99, req/s and HTML bytes of each page with ✓/✗ against the target, the machine and the
// load average at the start and the end (the machine is shared: a busy one moves every figure).
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { navFor } from "@/lib/navigation";
import type { Role } from "@/lib/generated/prisma/enums";
import { DEMO_PASSWORD } from "@/prisma/seed";
import { freePort } from "../scripts/lib/free-port";
import { signIn } from "./lib/app-session";
import { load, type LoadResult } from "./lib/load";
import { mb, ms, table } from "./lib/measure";

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS) || 5;
const DURATION_S = Number(process.env.BENCH_DURATION) || 5;
const LIMIT_MS = Number(process.env.BENCH_LIMIT_MS) || 300;
const PROFILE = process.argv.includes("--profile");
const START_TIMEOUT_MS = 20 * 60_000; // a fresh folder: migrations, the demo seed, and a build when the sources changed

/** A detail page found on a list: the first link of the list's HTML that matches, and the pages under it. */
interface Follow {
  from: string;
  /** Matches a link's href; group 1 is the detail's path. */
  link: RegExp;
  pages: (detail: string) => string[];
}

interface RoleRun {
  username: string;
  role: Role;
  who: string;
  follow: Follow[];
  /** Pages beside the menu's and the followed ones. */
  extra?: string[];
}

const PROGRAMME = /href="(\/programs\/(?!new")[\w-]+)"/;
const DISPATCH = /href="(\/dispatches\/[\w-]+)"/;
const DOCTOR = /href="(\/doctors\/(?!new"|import")[\w-]+)"/;
const APPLICATION = /href="(\/applications\/[\w-]+)"/;
const ASSESSMENT = /href="(\/evaluations\/assessments\/[\w-]+)"/;

const ROLES: RoleRun[] = [
  {
    username: "staff",
    role: "BUREAU_STAFF",
    who: "bureau staff, Shaoxing (selection round)",
    follow: [
      { from: "/programs", link: PROGRAMME, pages: (p) => [p, `${p}/posts`, `${p}/vetting`, `${p}/health`] },
      { from: "/applications", link: APPLICATION, pages: (a) => [a] },
      { from: "/doctors", link: DOCTOR, pages: (d) => [d, `${d}/timeline`] },
    ],
  },
  {
    username: "wz-admin",
    role: "BUREAU_ADMIN",
    who: "bureau admin, Wanzhou (cohort in service)",
    follow: [
      { from: "/programs", link: PROGRAMME, pages: (p) => [p, `${p}/vetting`, `${p}/health`] },
      { from: "/dispatches", link: DISPATCH, pages: (d) => [d, `${d}/logs`, `${d}/leave`] }, // its allowances: a redirect to /allowances/dispatches/…
      { from: "/doctors", link: DOCTOR, pages: (d) => [d, `${d}/timeline`] },
      { from: "/", link: ASSESSMENT, pages: (a) => [a] },
    ],
    extra: ["/dispatches?by=unit"],
  },
  {
    username: "wz-doctor",
    role: "DOCTOR",
    who: "seconded doctor, Wanzhou",
    follow: [{ from: "/dispatches", link: DISPATCH, pages: (d) => [d, `${d}/logs`, `${d}/leave`] }],
  },
  {
    username: "wz-receiver",
    role: "RECEIVING_SUPERVISOR",
    who: "receiving unit's supervisor, Wanzhou",
    follow: [{ from: "/dispatches", link: DISPATCH, pages: (d) => [d, `${d}/logs`] }],
  },
  {
    username: "finance",
    role: "FINANCE_OFFICER",
    who: "finance officer, Wanzhou",
    follow: [
      { from: "/allowances", link: /href="(\/allowances\/programs\/[\w-]+)"/, pages: (p) => [p] },
      { from: "/allowances", link: /href="(\/allowances\/dispatches\/[\w-]+)"/, pages: (d) => [d] },
    ],
    extra: ["/allowances/totals"],
  },
];

interface Server {
  baseUrl: string;
  output: () => string;
  /** The server's output lines from this point on. */
  mark: () => () => string[];
  stop: () => Promise<void>;
}

/** `npm start` in its own process group, as a new user runs it: the embedded database in `dataDir`. */
async function startEmbedded(dataDir: string): Promise<Server> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const { DATABASE_URL: _a, DATABASE_POOL_MAX: _b, MIGRATION_DATABASE_URL: _c, NEXTAUTH_URL: _d, NEXTAUTH_SECRET: _e, SEED_DEMO_DATA: _f, ...inherited } = process.env;
  const env: NodeJS.ProcessEnv = { ...inherited, DATA_DIR: dataDir, PORT: String(port), HOST: "127.0.0.1", SMTP_URL: "", NEXT_TELEMETRY_DISABLED: "1" };
  if (PROFILE) env.PRISMA_LOG_QUERIES = "1";
  const child: ChildProcess = spawn("npm", ["start"], { cwd: process.cwd(), env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const lines: string[] = [];
  let partial = "";
  const take = (chunk: Buffer) => {
    const parts = (partial + chunk.toString()).split("\n");
    partial = parts.pop() ?? "";
    lines.push(...parts);
  };
  child.stdout?.on("data", take);
  child.stderr?.on("data", take);
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    process.kill(-child.pid!, "SIGTERM"); // the group: npm, start.ts (which stops PGlite cleanly) and next start
    const killed = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), 30_000);
    await exited;
    clearTimeout(killed);
  };
  const server: Server = {
    baseUrl,
    output: () => lines.join("\n"),
    mark: () => {
      const from = lines.length;
      return () => lines.slice(from);
    },
    stop,
  };
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}):\n${lines.slice(-40).join("\n")}`);
    const ok = await fetch(`${baseUrl}/login`).then((r) => r.ok, () => false);
    if (ok) return server;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`npm start did not answer within ${START_TIMEOUT_MS / 60_000} min:\n${lines.slice(-40).join("\n")}`);
    }
    await new Promise((r) => setTimeout(r, 1_000));
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const loadAverage = () => os.loadavg().map((l) => l.toFixed(2)).join(" / ");
const wanted = (list: string | undefined, value: string) => !list || list.split(",").some((w) => value.includes(w.trim()));

/** The pages of a role: its menu, then the details found on its lists (in that order, each once). */
async function pagesOf(run: RoleRun, get: (page: string) => Promise<{ status: number; html: string }>): Promise<string[]> {
  const pages = [...new Set(navFor(run.role).map((item) => item.href)), ...(run.extra ?? [])];
  for (const follow of run.follow) {
    const { status, html } = await get(follow.from);
    const found = status === 200 ? follow.link.exec(html)?.[1] : undefined;
    if (found) pages.push(...follow.pages(found));
    else console.log(`  (${run.username}: no link on ${follow.from} matched ${follow.link}; its detail pages are left out)`);
  }
  return [...new Set(pages)];
}

interface Measured {
  username: string;
  page: string;
  result?: LoadResult;
  error?: string;
  statements?: number;
  sqlMs?: number;
  sql?: string[];
}

async function main(): Promise<void> {
  const cpus = os.cpus();
  const pglite = (JSON.parse(readFileSync(path.join(process.cwd(), "node_modules/@electric-sql/pglite/package.json"), "utf8")) as { version: string }).version;
  console.log(`Machine: ${cpus.length} × ${cpus[0]?.model.trim()}, ${mb(os.totalmem())} RAM, Node ${process.version}; PGlite ${pglite} (embedded, one connection at a time)`);
  console.log(`Load average at start: ${loadAverage()}`);
  const dataDir = process.env.BENCH_DATA_DIR ? path.resolve(process.env.BENCH_DATA_DIR) : mkdtempSync(path.join(os.tmpdir(), "bench-embedded-"));
  console.log(`npm start with DATA_DIR=${dataDir}${PROFILE ? " and PRISMA_LOG_QUERIES=1 (--profile: the logging is in the times too)" : ""} …`);
  const started = performance.now();
  let server: Server | undefined;
  const stopAll = async () => {
    await server?.stop();
    if (!process.env.BENCH_DATA_DIR) rmSync(dataDir, { recursive: true, force: true });
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void stopAll().then(() => process.exit(130)));
  const measured: Measured[] = [];
  try {
    server = await startEmbedded(dataDir);
    const banner = server.output();
    const note = /Data\s+(.*)/.exec(banner)?.[1]?.trim() ?? "";
    console.log(`Ready in ${((performance.now() - started) / 1000).toFixed(0)} s${/Building the app/.test(banner) ? " (including a build)" : ""}: ${note}`);
    console.log(`${CONNECTIONS} connections, ${DURATION_S} s a page after a warm-up of 3 requests; target p95 ≤ ${LIMIT_MS} ms\n`);
    for (const run of ROLES.filter((r) => wanted(process.env.BENCH_ROLES, r.username))) {
      const jar = await signIn(server.baseUrl, run.username, DEMO_PASSWORD);
      const headers = { cookie: jar.header(), "accept-language": "zh-CN" };
      const get = async (page: string) => {
        const response = await fetch(`${server!.baseUrl}${page}`, { headers, redirect: "manual" });
        return { status: response.status, html: await response.text() };
      };
      const pages = (await pagesOf(run, get)).filter((p) => wanted(process.env.BENCH_PAGES, p));
      console.log(`${run.username} (${run.who}): ${pages.length} pages`);
      for (const page of pages) {
        const row: Measured = { username: run.username, page };
        measured.push(row);
        await get(page); // compiles nothing (a production build), but fills the caches a first visit fills
        const lines = server.mark();
        const probe = await get(page);
        if (probe.status !== 200) {
          row.error = `answered ${probe.status}`;
          console.log(`  ✗ ${page}: ${row.error}`);
          continue;
        }
        if (PROFILE) {
          await new Promise((r) => setTimeout(r, 200)); // the last log lines
          const sql = lines().filter((l) => l.startsWith("[query]"));
          row.sql = sql;
          row.statements = sql.length;
          row.sqlMs = sql.reduce((sum, l) => sum + (Number(/^\[query\] (\d+(?:\.\d+)?) ms/.exec(l)?.[1]) || 0), 0);
        }
        try {
          row.result = await load(`${server.baseUrl}${page}`, headers, { connections: CONNECTIONS, durationS: DURATION_S });
          console.log(`  ${row.result.p95 <= LIMIT_MS ? "✓" : "✗"} ${page}: p95 ${ms(row.result.p95)}`);
        } catch (error) {
          row.error = error instanceof Error ? error.message : String(error);
          console.log(`  ✗ ${page}: ${row.error}`);
        }
      }
    }
  } finally {
    await stopAll();
  }

  const header = ["role", "page", "requests", "failed", "p50", "p95", "p99", "req/s", "HTML", ...(PROFILE ? ["SQL", "SQL time"] : []), `p95 ≤ ${LIMIT_MS} ms`];
  const rows = measured.map((m) => {
    const r = m.result;
    const profile = PROFILE ? [m.statements === undefined ? "" : String(m.statements), m.sqlMs === undefined ? "" : ms(m.sqlMs)] : [];
    if (!r) return [m.username, m.page, "", "", "", "", "", "", "", ...profile, `✗ ${m.error}`];
    return [m.username, m.page, String(r.requests), String(r.failed), ms(r.p50), ms(r.p95), ms(r.p99), r.rps.toFixed(1), kb(r.bytes), ...profile, r.p95 <= LIMIT_MS && r.failed === 0 ? "✓" : "✗"];
  });
  console.log(`\n${table(header, rows)}`);
  const within = measured.filter((m) => m.result && m.result.p95 <= LIMIT_MS && m.result.failed === 0).length;
  console.log(`\n${within} of ${measured.length} pages within p95 ≤ ${LIMIT_MS} ms at ${CONNECTIONS} connections.`);
  console.log(`Load average at the end: ${loadAverage()}`);
  if (PROFILE) {
    for (const m of measured.filter((x) => x.sql?.length)) {
      console.log(`\n${m.username} ${m.page}: ${m.statements} statements, ${ms(m.sqlMs ?? 0)}`);
      for (const line of m.sql!) console.log(`  ${line.slice(0, 240)}`);
    }
  }
  if (within < measured.length) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error("The embedded benchmark failed:", error instanceof Error ? error.message : error);
  process.exit(1);
});
