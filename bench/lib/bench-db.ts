// The benchmark's database: BENCH_DATABASE_URL, or `secondment_bench` on the local server, created,
// migrated and seeded with the demo data on first use (the generated registry goes on top of it).
import pg from "pg";
import { createPrismaClient } from "@/lib/prisma";
import { applyMigrations } from "@/prisma/migrate";
import { seedDemoData } from "@/prisma/seed";

const DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/secondment_bench";

export function benchDatabaseUrl(): string {
  return process.env.BENCH_DATABASE_URL ?? DEFAULT_URL;
}

/** Creates the database if it does not exist, applies the migrations and the demo seed (both idempotent). */
export async function prepareBenchDatabase(url = benchDatabaseUrl(), log: (line: string) => void = console.log): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[\w-]+$/.test(name)) throw new Error(`unexpected database name in BENCH_DATABASE_URL: ${name}`);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) {
      await client.query(`CREATE DATABASE "${name}"`);
      log(`Created database ${name}.`);
    }
  } finally {
    await client.end();
  }
  const { applied } = await applyMigrations(url);
  if (applied.length) log(`Applied ${applied.length} migration(s).`);
  const prisma = createPrismaClient(url, { maxConnections: 2 });
  try {
    const { created } = await seedDemoData(prisma);
    if (created) log("Seeded the demo data.");
  } finally {
    await prisma.$disconnect();
  }
}
