// A fresh, migrated database per test file (or per describe block), copied from the run's template
// that global-setup.ts built:
//
//   let db: TestDatabase;
//   beforeAll(async () => { db = await createTestDatabase(); });
//   afterAll(async () => { await db.drop(); });
//   … db.prisma.program.create(…) …
//
// On a PostgreSQL server: CREATE DATABASE … TEMPLATE (tens of milliseconds). On the embedded fallback:
// a copy of the migrated PGlite data folder, served on its own loopback port. The embedded database
// takes ONE connection at a time: use db.prisma (its pool has size 1 there), and if a test also needs
// a plain `pg` client, `await db.prisma.$disconnect()` first (a second client waits for the first).
import { randomBytes } from "node:crypto";
import { cp, mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { inject } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/prisma";
import { withClient, withDatabase, type TestDatabaseInfo } from "./global-setup";

export interface TestDatabase {
  url: string;
  prisma: PrismaClient;
  /** Disconnects the client and deletes the database. Safe to call twice. */
  drop: () => Promise<void>;
  /** True on the embedded fallback (one connection at a time). */
  isEmbedded: boolean;
}

/** A new database with every migration applied (a copy of the template). */
export function createTestDatabase(): Promise<TestDatabase> {
  return create({ migrated: true });
}

/** A new database with nothing in it, not even `_prisma_migrations` (for the migration runner's tests). */
export function createEmptyDatabase(): Promise<TestDatabase> {
  return create({ migrated: false });
}

async function create({ migrated }: { migrated: boolean }): Promise<TestDatabase> {
  const info = inject("testDatabase");
  if (!info) throw new Error("No test database was provided: run integration tests with `vitest --project integration`.");
  return info.mode === "server" ? createOnServer(info, migrated) : createEmbedded(info, migrated);
}

async function createOnServer(info: Extract<TestDatabaseInfo, { mode: "server" }>, migrated: boolean): Promise<TestDatabase> {
  const name = `${info.testDatabasePrefix}${randomBytes(5).toString("hex")}`;
  const template = migrated ? info.templateName : "template0";
  await withClient(info.adminUrl, (client) => createDatabaseRetrying(client, name, template));
  const url = withDatabase(info.adminUrl, name);
  const prisma = createPrismaClient(url, { maxConnections: 5 });
  return {
    url,
    prisma,
    isEmbedded: false,
    drop: once(async () => {
      await prisma.$disconnect();
      await withClient(info.adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    }),
  };
}

/** Two files copying the template at the same moment can meet "source database is being accessed by other users". */
async function createDatabaseRetrying(client: import("pg").Client, name: string, template: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
      return;
    } catch (error) {
      const objectInUse = (error as { code?: string }).code === "55006";
      if (!objectInUse || attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}

async function createEmbedded(info: Extract<TestDatabaseInfo, { mode: "embedded" }>, migrated: boolean): Promise<TestDatabase> {
  const { startEmbeddedDatabase } = await import("@/lib/embedded-db");
  const dataDir = path.join(info.runDir, `test-${process.pid}-${randomBytes(5).toString("hex")}`);
  if (migrated) await cp(info.templateDataDir, dataDir, { recursive: true });
  else await mkdir(dataDir);
  const db = await startEmbeddedDatabase({ dataDir, stopOnSignals: false });
  const prisma = createPrismaClient(db.url, { maxConnections: 1 });
  return {
    url: db.url,
    prisma,
    isEmbedded: true,
    drop: once(async () => {
      await prisma.$disconnect();
      await db.stop();
      await rm(dataDir, { recursive: true, force: true });
    }),
  };
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= fn());
}
