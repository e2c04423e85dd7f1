// Applies prisma/migrations/*/migration.sql to a database and records them in `_prisma_migrations`
// exactly as `prisma migrate deploy` does, so Prisma's own tools accept the history later.
// We run our own because Prisma's CLI needs a schema-engine binary it cannot always download
// (and the embedded database is reached over one connection only).
//
//   DATABASE_URL=postgresql://… npm run db:migrate
//
// Each migration runs in its own transaction together with its `_prisma_migrations` row, so a
// failing migration leaves nothing behind (no half-applied schema, no row). A consequence:
// statements PostgreSQL refuses inside a transaction (CREATE INDEX CONCURRENTLY, …) cannot be used.
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import pg from "pg";

/** The key `prisma migrate` itself locks on, so our runner and Prisma's never run at once. */
const ADVISORY_LOCK_KEY = 72707369;
const DEFAULT_MIGRATIONS_DIR = fileURLToPath(new URL("./migrations", import.meta.url));

// Prisma's own DDL for its history table (schema-engine, postgres flavour).
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export interface ApplyMigrationsOptions {
  log?: (line: string) => void;
  /** Defaults to prisma/migrations next to this file; tests point it at a temporary folder. */
  migrationsDir?: string;
  /**
   * The app's login role (least privilege): after the migrations, it is granted what the app needs
   * and no more (grant_app_privileges). Default: env APP_DATABASE_ROLE; unset, no grants are made.
   */
  appRole?: string;
}

interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/** Folders holding a migration.sql, in lexical order (Prisma's timestamp prefixes make that chronological). */
export async function readMigrations(migrationsDir: string = DEFAULT_MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const migrations: MigrationFile[] = [];
  for (const name of names) {
    let bytes: Buffer;
    try {
      bytes = await readFile(path.join(migrationsDir, name, "migration.sql"));
    } catch {
      continue; // not a migration folder
    }
    migrations.push({ name, sql: bytes.toString("utf8"), checksum: createHash("sha256").update(bytes).digest("hex") });
  }
  return migrations;
}

export async function applyMigrations(
  connectionString: string,
  options: ApplyMigrationsOptions = {},
): Promise<{ applied: string[] }> {
  const log = options.log ?? (() => {});
  const migrations = await readMigrations(options.migrationsDir);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCK_KEY]);
    try {
      await client.query(CREATE_MIGRATIONS_TABLE);
      const { rows } = await client.query<AppliedRow>(
        `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
      );
      const pending = checkHistory(migrations, rows, log);
      const applied: string[] = [];
      for (const migration of pending) {
        await applyOne(client, migration);
        log(`Applied ${migration.name}`);
        applied.push(migration.name);
      }
      await guardAndGrant(client, options.appRole ?? process.env.APP_DATABASE_ROLE, log);
      return { applied };
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCK_KEY]).catch(() => {});
    }
  } finally {
    await client.end();
  }
}

/**
 * After every run: append-only tables added by any migration get their TRUNCATE guard, and the app's
 * role its privileges, both computed from the triggers (migration 20261203130100).
 */
async function guardAndGrant(client: pg.Client, appRole: string | undefined, log: (line: string) => void): Promise<void> {
  const { rows } = await client.query<{ present: boolean }>(`SELECT to_regprocedure('"ensure_append_only_guards"()') IS NOT NULL AS present`);
  if (!rows[0]?.present) return;
  const added = await client.query<{ n: number }>(`SELECT "ensure_append_only_guards"() AS n`);
  if (added.rows[0]!.n > 0) log(`Added ${added.rows[0]!.n} TRUNCATE guard(s) to append-only tables`);
  if (appRole) {
    await client.query(`SELECT "grant_app_privileges"($1)`, [appRole]);
    log(`Granted the app role ${appRole} its privileges`);
  }
}

/** Refuses a failed or edited history; returns the migrations still to apply. */
function checkHistory(migrations: MigrationFile[], rows: AppliedRow[], log: (line: string) => void): MigrationFile[] {
  const failed = rows.find((r) => r.finished_at === null && r.rolled_back_at === null);
  if (failed) {
    throw new Error(
      `Migration ${failed.migration_name} started but did not finish: the database may be half-migrated. ` +
        `Fix it by hand, then mark it with \`prisma migrate resolve --applied|--rolled-back ${failed.migration_name}\`.`,
    );
  }
  const done = new Map(rows.filter((r) => r.finished_at !== null && r.rolled_back_at === null).map((r) => [r.migration_name, r]));
  for (const migration of migrations) {
    const row = done.get(migration.name);
    if (row && row.checksum !== migration.checksum) {
      throw new Error(
        `Migration ${migration.name} was modified after it was applied (checksum in the database ${row.checksum}, ` +
          `file ${migration.checksum}). Applied migrations must not be edited: restore the file and put the change in a new migration.`,
      );
    }
  }
  const known = new Set(migrations.map((m) => m.name));
  for (const name of done.keys()) {
    if (!known.has(name)) log(`Warning: ${name} is recorded in the database but missing from the migrations folder.`);
  }
  return migrations.filter((m) => !done.has(m.name));
}

async function applyOne(client: pg.Client, migration: MigrationFile): Promise<void> {
  await client.query("BEGIN");
  try {
    await client.query(migration.sql);
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), clock_timestamp(), 1)`,
      [randomUUID(), migration.checksum, migration.name],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Migration ${migration.name} failed and was rolled back (nothing was applied): ${reason}`, { cause: error });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is not set.");
    process.exit(1);
  }
  applyMigrations(url, { log: (line) => console.log(line) }).then(
    ({ applied }) => console.log(applied.length ? `${applied.length} migration(s) applied.` : "Database is up to date."),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
