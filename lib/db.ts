import "server-only";
import { createPrismaClient, poolSizeFromEnv, type PrismaClient } from "./prisma";

// The one PrismaClient of the running app. DATABASE_URL names the real server, or the embedded
// database that scripts/start.ts serves on loopback: the code path is the same.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function connectionString(): string {
  const url = process.env.DATABASE_URL;
  // Not thrown at import: `next build` evaluates modules without a database. A query without one fails clearly.
  if (!url && process.env.NEXT_PHASE !== "phase-production-build") console.error("DATABASE_URL is not set: start the app with `npm start`, which sets it.");
  return url ?? "";
}

export const prisma: PrismaClient =
  globalForPrisma.prisma ?? createPrismaClient(connectionString(), { maxConnections: poolSizeFromEnv() });

// Always kept on globalThis: the production build bundles this module into several server chunks,
// and each copy must reuse the one client (the embedded database takes a single connection).
globalForPrisma.prisma = prisma;
