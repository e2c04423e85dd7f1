// Creates PrismaClients over node-postgres. Used by the app (lib/db.ts), the migration runner's
// callers, the seed and the tests; it holds no singleton itself.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";

export type { PrismaClient };

export interface ClientOptions {
  /** Pool size. The embedded database (PGlite) is single-session: it must be 1 there. */
  maxConnections?: number;
  /** Called with every SQL statement the client sends (profiling, and the tests that count queries). */
  onQuery?: (sql: string, durationMs: number) => void;
}

export function createPrismaClient(connectionString: string, options: ClientOptions = {}): PrismaClient {
  const adapter = new PrismaPg({ connectionString, max: options.maxConnections ?? 10 });
  // Profiling (bench/README.md): PRISMA_LOG_QUERIES=1 prints every SQL statement with its time.
  const onQuery =
    options.onQuery ?? (process.env.PRISMA_LOG_QUERIES ? (sql: string, ms: number) => console.log(`[query] ${ms} ms ${sql.replace(/\s+/g, " ").slice(0, 300)}`) : undefined);
  if (!onQuery) return new PrismaClient({ adapter });
  const client = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  client.$on("query", (event) => onQuery(event.query, event.duration));
  return client;
}

/** DATABASE_POOL_MAX is set to 1 by scripts/start.ts when the app runs on the embedded database. */
export function poolSizeFromEnv(): number {
  const raw = Number(process.env.DATABASE_POOL_MAX);
  return Number.isInteger(raw) && raw > 0 ? raw : 10;
}
