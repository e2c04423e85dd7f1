// The embedded database (lib/embedded-db.ts): data survives a restart, clients connecting one after
// another (even overlapping by a moment, as a pool does) all work, and no session state leaks
// from one client to the next.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/embedded-db";
import { createPrismaClient } from "@/lib/prisma";

// Each test starts PGlite (WebAssembly) once or twice: seconds when idle, over 30 s on a loaded 2-core machine.
vi.setConfig({ testTimeout: 120_000 });

let root: string;
const started: EmbeddedDatabase[] = [];

async function start(dataDir: string, waitTimeoutMs?: number): Promise<EmbeddedDatabase> {
  const db = await startEmbeddedDatabase({ dataDir, waitTimeoutMs, stopOnSignals: false, log: () => {} });
  started.push(db);
  return db;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), "embedded-db-test-"));
});
afterEach(async () => {
  await Promise.all(started.splice(0).map((db) => db.stop()));
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe("startEmbeddedDatabase", () => {
  it("keeps data in its folder across a stop and a restart", async () => {
    const dataDir = path.join(root, "persist");
    const first = await start(dataDir);
    expect(first.url).toMatch(/^postgresql:\/\/postgres@127\.0\.0\.1:\d+\/postgres$/);
    await query(first.url, "CREATE TABLE note (id int PRIMARY KEY, body text NOT NULL)");
    await query(first.url, "INSERT INTO note VALUES (1, '借调')");
    expect(await query(first.url, "SELECT body FROM note")).toEqual([{ body: "借调" }]);
    await first.stop();

    const second = await start(dataDir);
    expect(await query(second.url, "SELECT id, body FROM note")).toEqual([{ id: 1, body: "借调" }]);
  });

  it("serves clients that connect one after another, also when the next connects before the last has closed", async () => {
    const db = await start(path.join(root, "sequential"));
    const results: number[] = [];
    let previous: pg.Client | undefined;
    for (let i = 0; i < 12; i++) {
      const ending = previous?.end(); // not awaited: a pool replacing an idle connection does the same
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      results.push((await client.query<{ n: number }>(`SELECT ${i}::int AS n`)).rows[0]!.n);
      await ending;
      previous = client;
    }
    await previous?.end();
    expect(results).toEqual([...Array(12).keys()]);
  });

  it("makes a second concurrent client wait for the first, and refuses it with 53300 after the timeout", async () => {
    const db = await start(path.join(root, "waiting"), 500);
    const first = new pg.Client({ connectionString: db.url });
    await first.connect();
    await first.query("CREATE TABLE t (x int)");

    const refused = new pg.Client({ connectionString: db.url });
    await expect(refused.connect()).rejects.toMatchObject({ code: "53300" });

    const second = new pg.Client({ connectionString: db.url });
    const connected = second.connect();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await first.query("INSERT INTO t VALUES (7)");
    await first.end();
    await connected;
    expect((await second.query("SELECT x FROM t")).rows).toEqual([{ x: 7 }]);
    await second.end();
  });

  it("gives each client a clean session: no open transaction, settings, prepared statements or temp tables of the last one", async () => {
    const db = await start(path.join(root, "reset"));
    const first = new pg.Client({ connectionString: db.url });
    await first.connect();
    await first.query("SET application_name = 'first-client'");
    await first.query("PREPARE left_behind AS SELECT 1");
    await first.query("CREATE TEMP TABLE scratch (x int)");
    await first.query("SELECT pg_advisory_lock(42)");
    await first.query("BEGIN");
    await first.query("CREATE TABLE uncommitted (x int)");
    await first.end();

    const [state] = await query<Record<string, string | null>>(
      db.url,
      `SELECT current_setting('application_name') AS app,
              (SELECT count(*) FROM pg_prepared_statements)::text AS prepared,
              to_regclass('pg_temp.scratch')::text AS scratch,
              to_regclass('public.uncommitted')::text AS uncommitted,
              (SELECT count(*) FROM pg_locks WHERE locktype = 'advisory')::text AS advisory`,
    );
    expect(state).toEqual({ app: "", prepared: "0", scratch: null, uncommitted: null, advisory: "0" });
  });

  it("works with Prisma's pg adapter (pool of 1), before and after a plain pg client", async () => {
    const db = await start(path.join(root, "prisma"));
    await query(db.url, "CREATE TABLE item (id serial PRIMARY KEY, name text)");
    const prisma = createPrismaClient(db.url, { maxConnections: 1 });
    await Promise.all(["甲", "乙", "丙"].map((name) => prisma.$executeRaw`INSERT INTO item (name) VALUES (${name})`));
    await prisma.$disconnect();
    expect(await query(db.url, "SELECT name FROM item ORDER BY id")).toHaveLength(3);
  });

  it("refuses to open a folder that is already open", async () => {
    const dataDir = path.join(root, "locked");
    await start(dataDir);
    await expect(start(dataDir)).rejects.toThrow(/already open/);
  });
});
