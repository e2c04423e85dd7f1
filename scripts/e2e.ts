// `npm run test:e2e [-- <playwright args>]`: the Playwright journeys against a freshly started app.
//
//   1. `next build` once (E2E_SKIP_BUILD=1 skips it; scripts/start.ts then finds the build fresh);
//   2. a fresh database: on the PostgreSQL server at TEST_DATABASE_URL (default
//      postgresql://postgres@127.0.0.1:5432/postgres) a new database secondment_e2e_<pid>, dropped
//      at the end; if no server answers (or TEST_DATABASE_URL=embedded), the embedded database in a
//      temporary DATA_DIR, deleted at the end;
//   3. a free port; then `playwright test` (playwright.config.ts starts scripts/start.ts, which
//      migrates and loads the demo data) and this process exits with its code.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { constants, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { freePort } from "./lib/free-port";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const require = createRequire(import.meta.url);
const NEXT_BIN = require.resolve("next/dist/bin/next");
const PLAYWRIGHT_CLI = path.join(path.dirname(require.resolve("@playwright/test/package.json")), "cli.js");
const REQUESTED = process.env.TEST_DATABASE_URL;
const SERVER_URL = REQUESTED && REQUESTED !== "embedded" ? REQUESTED : "postgresql://postgres@127.0.0.1:5432/postgres";

let child: ChildProcess | undefined;
const cleanups: (() => Promise<void>)[] = [];

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    if (child && child.exitCode === null) child.kill(signal);
    else void finish(128 + constants.signals[signal]);
  });
}

let finishing = false;
async function finish(code: number): Promise<never> {
  if (!finishing) {
    finishing = true;
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => console.error("e2e cleanup:", error));
    process.exit(code);
  }
  return new Promise<never>(() => {});
}

async function main(): Promise<void> {
  // DIGEST_DISABLED: no daily digest joins the notifications the specs read (lib/server/digest.ts).
  const env: NodeJS.ProcessEnv = { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1", NEXT_TELEMETRY_DISABLED: "1", DIGEST_DISABLED: "1" };
  delete env.DATABASE_URL;
  delete env.DATABASE_POOL_MAX;
  delete env.DATA_DIR;

  if (process.env.E2E_SKIP_BUILD === "1") {
    console.log("e2e: E2E_SKIP_BUILD=1, using the existing build.");
  } else {
    console.log("e2e: building the app …");
    const code = await run(process.execPath, [NEXT_BIN, "build"], env);
    if (code !== 0) await finish(code);
  }

  const databaseUrl = REQUESTED === "embedded" ? undefined : await createServerDatabase();
  if (databaseUrl) {
    env.DATABASE_URL = databaseUrl;
    env.SEED_DEMO_DATA = "1";
  } else {
    const dataDir = mkdtempSync(path.join(tmpdir(), "secondment-e2e-"));
    cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    env.DATA_DIR = dataDir;
    const why = REQUESTED === "embedded" ? "TEST_DATABASE_URL=embedded" : `no PostgreSQL server at ${redact(SERVER_URL)}`;
    console.log(`e2e: ${why}; using the embedded database in ${dataDir}`);
  }

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  Object.assign(env, { PORT: String(port), HOST: "127.0.0.1", E2E_BASE_URL: baseUrl, NEXTAUTH_URL: baseUrl });
  env.NEXTAUTH_SECRET ||= "e2e-secret-not-for-production-0123456789";

  console.log(`e2e: app at ${baseUrl}`);
  const code = await run(process.execPath, [PLAYWRIGHT_CLI, "test", ...process.argv.slice(2)], env);
  await finish(code);
}

/** A fresh database on the server, or undefined when no server answers. */
async function createServerDatabase(): Promise<string | undefined> {
  const admin = new pg.Client({ connectionString: SERVER_URL, connectionTimeoutMillis: 3_000 });
  try {
    await admin.connect();
  } catch {
    await admin.end().catch(() => {});
    return undefined;
  }
  const name = `secondment_e2e_${process.pid}`;
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  cleanups.push(async () => {
    const client = new pg.Client({ connectionString: SERVER_URL });
    await client.connect();
    try {
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } finally {
      await client.end();
    }
  });
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  console.log(`e2e: database ${name} on ${url.host}`);
  return url.toString();
}


function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    child = spawn(command, args, { cwd: ROOT, env, stdio: "inherit" });
    child.on("error", (error) => {
      console.error(`e2e: could not run ${args[0] ?? command}:`, error);
      resolve(1);
    });
    child.on("exit", (code, signal) => {
      child = undefined;
      resolve(code ?? 128 + (signal ? constants.signals[signal] : 0));
    });
  });
}

function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:****@");
}

main().catch(async (error: unknown) => {
  console.error("e2e:", error instanceof Error ? error.message : error);
  await finish(1);
});
