// Creates PrismaClients over node-postgres. Used by the app (lib/db.ts), the migration runner's
// callers, the seed and the tests; it holds no singleton itself.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";

export type { PrismaClient };

export interface ClientOptions {
  /** Pool size. The embedded database (PGlite) is single-session: it must be 1 there. */
  maxConnections?: number;
}

export function createPrismaClient(connectionString: string, options: ClientOptions = {}): PrismaClient {
  const adapter = new PrismaPg({ connectionString, max: options.maxConnections ?? 10 });
  return new PrismaClient({ adapter });
}

/** DATABASE_POOL_MAX is set to 1 by scripts/start.ts when the app runs on the embedded database. */
export function poolSizeFromEnv(): number {
  const raw = Number(process.env.DATABASE_POOL_MAX);
  return Number.isInteger(raw) && raw > 0 ? raw : 10;
}
