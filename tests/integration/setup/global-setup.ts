// Vitest globalSetup of the integration project: builds one migrated template database per run,
// which tests/integration/setup/db.ts copies for each test file (createTestDatabase()).
//
// Which server:
//   TEST_DATABASE_URL=postgresql://…   that server (any database on it; we only create and drop ours);
//   TEST_DATABASE_URL=embedded         the embedded database (PGlite), even if a server is running;
//   unset                              postgresql://postgres@127.0.0.1:5432/postgres if it answers
//                                      within 2 s, else the embedded database.
// On a server, the template is a database `secondment_tpl_<pid>_<time>` and each test file gets
// `CREATE DATABASE … TEMPLATE` of it. Embedded, the template is a migrated PGlite data folder that
// each test file copies and serves on its own port, so files still run in parallel, each with its
// own database. Teardown drops the template and whatever copies of this run are left.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "../../../prisma/migrate";

export type TestDatabaseInfo =
  | {
      mode: "server";
      /** A URL on the server with the right to CREATE/DROP DATABASE; never one of the test databases. */
      adminUrl: string;
      /** The migrated template. Nothing may stay connected to it, or CREATE DATABASE … TEMPLATE fails. */
      templateDatabaseUrl: string;
      templateName: string;
      /** Prefix of this run's per-file databases (dropped at teardown if a file left one behind). */
      testDatabasePrefix: string;
    }
  | {
      mode: "embedded";
      /** The migrated PGlite data folder; copies go next to it, in `runDir`. */
      templateDataDir: string;
      runDir: string;
    };

declare module "vitest" {
  export interface ProvidedContext {
    testDatabase: TestDatabaseInfo;
  }
}

const LOCAL_SERVER_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const requested = process.env.TEST_DATABASE_URL;
  if (requested === "embedded") return setupEmbedded(project);
  if (requested) {
    if (!(await answers(requested, 5_000))) throw new Error(`TEST_DATABASE_URL does not answer: ${redact(requested)}`);
    return setupServer(project, requested);
  }
  if (await answers(LOCAL_SERVER_URL, 2_000)) return setupServer(project, LOCAL_SERVER_URL);
  console.warn(`[integration] no PostgreSQL at ${LOCAL_SERVER_URL}: using the embedded database (PGlite).`);
  return setupEmbedded(project);
}

async function setupServer(project: TestProject, adminUrl: string): Promise<() => Promise<void>> {
  const runId = `${process.pid}_${Date.now()}`;
  const templateName = `secondment_tpl_${runId}`;
  const testDatabasePrefix = `secondment_test_${runId}_`;
  const templateDatabaseUrl = withDatabase(adminUrl, templateName);

  const teardown = async () => {
    await withClient(adminUrl, async (client) => {
      const { rows } = await client.query<{ datname: string }>(
        `SELECT datname FROM pg_database WHERE datname = $1 OR starts_with(datname, $2)`,
        [templateName, testDatabasePrefix],
      );
      for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    });
  };

  try {
    await withClient(adminUrl, (client) => client.query(`CREATE DATABASE "${templateName}" TEMPLATE template0`));
    await applyMigrations(templateDatabaseUrl);
  } catch (error) {
    await teardown().catch(() => {});
    throw error;
  }
  project.provide("testDatabase", { mode: "server", adminUrl, templateDatabaseUrl, templateName, testDatabasePrefix });
  return teardown;
}

async function setupEmbedded(project: TestProject): Promise<() => Promise<void>> {
  const runDir = await mkdtemp(path.join(os.tmpdir(), "secondment-test-db-"));
  const templateDataDir = path.join(runDir, "template");
  const teardown = () => rm(runDir, { recursive: true, force: true });
  try {
    const { startEmbeddedDatabase } = await import("../../../lib/embedded-db");
    const db = await startEmbeddedDatabase({ dataDir: templateDataDir, stopOnSignals: false });
    try {
      await applyMigrations(db.url);
    } finally {
      await db.stop();
    }
  } catch (error) {
    await teardown();
    throw error;
  }
  project.provide("testDatabase", { mode: "embedded", templateDataDir, runDir });
  return teardown;
}

async function answers(url: string, timeoutMs: number): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The same server and credentials, another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}
