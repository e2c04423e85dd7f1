// Security: the database refuses rewriting history — also to the app itself (issue 12). Every
// append-only table refuses TRUNCATE (found by its triggers, so later tables are covered), and the
// app's login role, granted by grant_app_privileges (what the migration runner does with
// APP_DATABASE_ROLE), cannot UPDATE/DELETE/TRUNCATE append-only tables, disable or drop their
// triggers, switch replication role, or run DDL — while it reads and writes what the app needs.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { ensureLoginRole, startEmbeddedDatabase, urlAs, type EmbeddedDatabase } from "@/lib/embedded-db";
import { applyMigrations } from "@/prisma/migrate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "@/prisma/seed";
import { createTestDatabase, type TestDatabase } from "./setup/db";

let db: TestDatabase;
const role = `app_${randomBytes(5).toString("hex")}`;
const password = randomBytes(12).toString("hex");
let app: pg.Client | undefined;
let appendOnly: string[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemoData(db.prisma);
  appendOnly = (await db.prisma.$queryRaw<{ name: string }[]>`SELECT relname AS name FROM pg_class WHERE oid IN (SELECT * FROM "append_only_tables"()) ORDER BY 1`).map((r) => r.name);
  if (db.isEmbedded) return;
  await db.prisma.$executeRawUnsafe(`CREATE ROLE "${role}" LOGIN PASSWORD '${password}' NOSUPERUSER NOCREATEDB NOCREATEROLE`);
  await db.prisma.$executeRawUnsafe(`SELECT "grant_app_privileges"('${role}')`);
  const url = new URL(db.url);
  url.username = role;
  url.password = password;
  app = new pg.Client({ connectionString: url.toString() });
  await app.connect();
});
afterAll(async () => {
  await app?.end();
  if (db && !db.isEmbedded) {
    await db.prisma.$executeRawUnsafe(`REASSIGN OWNED BY "${role}" TO CURRENT_USER`).catch(() => {});
    await db.prisma.$executeRawUnsafe(`DROP OWNED BY "${role}"`).catch(() => {});
  }
  await db?.drop();
  if (db && !db.isEmbedded) {
    const admin = new pg.Client({ connectionString: db.url.replace(/\/[^/?]+(\?|$)/, "/postgres$1") });
    await admin.connect();
    await admin.query(`DROP ROLE IF EXISTS "${role}"`).catch(() => {});
    await admin.end();
  }
});

describe("append-only tables", () => {
  it("are found by their triggers, StageDecision and DispatchEvent among them", () => {
    expect(appendOnly).toEqual(expect.arrayContaining(["AuditLog", "StageDecision", "DispatchEvent"]));
  });

  it("each refuses TRUNCATE, even with CASCADE and even to the owner", async () => {
    for (const table of appendOnly) {
      const before = await db.prisma.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${table}"`);
      await expect(db.prisma.$executeRawUnsafe(`TRUNCATE "${table}" CASCADE`), table).rejects.toThrow(/append-only/);
      const after = await db.prisma.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${table}"`);
      expect(after[0]!.n, table).toBe(before[0]!.n);
    }
  });

  it("a table added later gets its TRUNCATE guard from ensure_append_only_guards()", async () => {
    await db.prisma.$executeRawUnsafe(`CREATE TABLE "LaterHistory" ("id" int)`);
    await db.prisma.$executeRawUnsafe(`CREATE TRIGGER "LaterHistory_append_only" BEFORE UPDATE OR DELETE ON "LaterHistory" FOR EACH STATEMENT EXECUTE FUNCTION "refuse_append_only_change"()`);
    expect(await db.prisma.$queryRaw<{ n: number }[]>`SELECT "ensure_append_only_guards"() AS n`).toEqual([{ n: 1 }]);
    await expect(db.prisma.$executeRawUnsafe(`TRUNCATE "LaterHistory"`)).rejects.toThrow(/append-only/);
    await db.prisma.$executeRawUnsafe(`DROP TABLE "LaterHistory"`);
  });
});

/** The statement is refused for lack of privilege (42501) or as a wrong kind of object (42809), and nothing changes. */
async function refusedTo(client: pg.Client, sql: string) {
  await client.query("BEGIN");
  try {
    await expect(client.query(sql), sql).rejects.toMatchObject({ code: expect.stringMatching(/^(42501|42809)$/) });
  } finally {
    await client.query("ROLLBACK");
  }
}

// Needs a PostgreSQL server (as every CI run has); the embedded database is below.
describe("the app's login role", () => {
  const refused = (sql: string) => refusedTo(app!, sql);

  it("reads and writes what the app needs", async () => {
    expect((await app!.query(`SELECT count(*)::int AS n FROM "User"`)).rows[0].n).toBeGreaterThan(0);
    await app!.query("BEGIN");
    await app!.query(`INSERT INTO "AuditLog" ("action", "entity") VALUES ('test.app_role', 'Test')`);
    await app!.query(`UPDATE "Organization" SET "name" = "name" WHERE false`);
    await app!.query(`INSERT INTO "AttemptCounter" ("key", "windowStart", "count") VALUES ('t', now(), 1)`);
    await app!.query(`DELETE FROM "AttemptCounter" WHERE "key" = 't'`);
    await app!.query("ROLLBACK");
  });

  it("cannot UPDATE, DELETE or TRUNCATE an append-only table (privilege refused before any trigger)", async () => {
    for (const table of appendOnly) {
      await refused(`UPDATE "${table}" SET "id" = "id" WHERE false`);
      await refused(`DELETE FROM "${table}" WHERE false`);
      await refused(`TRUNCATE "${table}" CASCADE`);
    }
  });

  it("cannot disable or drop the guards, switch replication role, or run DDL", async () => {
    await refused(`ALTER TABLE "StageDecision" DISABLE TRIGGER "StageDecision_append_only"`);
    await refused(`ALTER TABLE "AuditLog" DISABLE TRIGGER ALL`);
    await refused(`DROP TRIGGER "AuditLog_append_only" ON "AuditLog"`);
    await refused(`DROP FUNCTION "refuse_append_only_change"() CASCADE`);
    await refused(`SET session_replication_role = replica`);
    await refused(`CREATE TABLE "Intruder" ("id" int)`);
    await refused(`DROP TABLE "Organization"`);
    await refused(`ALTER TABLE "User" ADD COLUMN "x" int`);
    await refused(`SELECT * FROM "_prisma_migrations"`);
  });
});

// `npm start` on the embedded database: the owner migrates, the app connects as secondment_app, and
// the gate runs its session as that role (lib/embedded-db.ts, LOGIN ROLES — and its limit).
describe("the app's role on the embedded database", () => {
  let dir: string;
  let embedded: EmbeddedDatabase;
  let client: pg.Client;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "embedded-role-"));
    embedded = await startEmbeddedDatabase({ dataDir: path.join(dir, "pglite"), stopOnSignals: false, log: () => {} });
    await ensureLoginRole(embedded.url, "secondment_app");
    await ensureLoginRole(embedded.url, "secondment_app"); // a second start finds it
    await applyMigrations(embedded.url, { log: () => {}, appRole: "secondment_app" });
    client = new pg.Client({ connectionString: urlAs(embedded.url, "secondment_app") });
    await client.connect();
  }, 240_000);
  afterAll(async () => {
    await client?.end();
    await embedded?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("runs the app's connection as the role, which reads and writes what the app needs", async () => {
    expect((await client.query(`SELECT current_user AS who`)).rows).toEqual([{ who: "secondment_app" }]);
    await client.query("BEGIN");
    await client.query(`INSERT INTO "AuditLog" ("action", "entity") VALUES ('test.app_role', 'Test')`);
    await client.query(`INSERT INTO "AttemptCounter" ("key", "windowStart", "count") VALUES ('t', now(), 1)`);
    await client.query(`DELETE FROM "AttemptCounter" WHERE "key" = 't'`);
    await client.query("ROLLBACK");
  });

  it("refuses what rewrites history, and DDL", async () => {
    for (const sql of [
      `UPDATE "AuditLog" SET "id" = "id" WHERE false`,
      `DELETE FROM "StageDecision" WHERE false`,
      `TRUNCATE "StageDecision" CASCADE`,
      `ALTER TABLE "AuditLog" DISABLE TRIGGER ALL`,
      `DROP TRIGGER "AuditLog_append_only" ON "AuditLog"`,
      `SET session_replication_role = replica`,
      `CREATE TABLE "Intruder" ("id" int)`,
      `SELECT * FROM "_prisma_migrations"`,
    ]) {
      await refusedTo(client, sql);
    }
  });

  it("refuses a role that does not exist, and the next client starts as itself", async () => {
    const stranger = new pg.Client({ connectionString: urlAs(embedded.url, "nobody_here") });
    await client.end();
    await expect(stranger.connect()).rejects.toThrow(/role "nobody_here" does not exist/);
    const owner = new pg.Client({ connectionString: embedded.url });
    await owner.connect();
    expect((await owner.query(`SELECT current_user AS who`)).rows).toEqual([{ who: "postgres" }]);
    await owner.end();
    client = new pg.Client({ connectionString: urlAs(embedded.url, "secondment_app") });
    await client.connect();
    expect((await client.query(`SELECT current_user AS who`)).rows).toEqual([{ who: "secondment_app" }]);
  });
});
