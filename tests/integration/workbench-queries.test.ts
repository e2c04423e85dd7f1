// Performance (issue 17): the staff workbench (the landing page, app/(app)/page.tsx) reads its figures,
// programmes, deadlines and to-do inbox in a fixed, small number of SQL statements, whatever the data:
// counted with Prisma's query event on the app's client, through the same loaders the page calls.
// The counts are of statements, never of time.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/prisma";
import { buildScope } from "@/lib/server/organization-tree";
import { loadDemoRound, loadServiceDemo, seedDemoData } from "@/prisma/seed";
import { createTestDatabase, type TestDatabase } from "./setup/db";

let db: TestDatabase;
let counted: PrismaClient;
let statements: string[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemoData(db.prisma);
  await loadDemoRound(db.prisma);
  await loadServiceDemo(db.prisma);
  counted = createPrismaClient(db.url, { maxConnections: 2, onQuery: (sql) => statements.push(sql) });
  (globalThis as { prisma?: unknown }).prisma = counted;
}, 240_000);
afterAll(async () => {
  await counted?.$disconnect();
  await db?.drop();
});

/** The target: the figures, programmes, deadlines and inbox of a bureau together (the session's own statement comes on top). */
const WORKBENCH_QUERIES = 1;

async function scopeOf(username: string) {
  const user = await db.prisma.user.findUniqueOrThrow({ where: { username } });
  return buildScope(db.prisma, user as never);
}

describe("a bureau's workbench", () => {
  it.each(["staff", "admin", "auditor", "wz-admin"])("%s: figures, programmes, deadlines and inbox in one statement", async (username) => {
    const { loadWorkbench } = await import("@/lib/server/dashboard");
    const scope = await scopeOf(username);
    statements = [];
    const { dashboard, inbox } = await loadWorkbench(scope);
    const queries = [...statements];
    expect(queries, queries.join("\n")).toHaveLength(WORKBENCH_QUERIES);
    expect(dashboard.stats.length).toBeGreaterThan(0);
    expect(dashboard.programs.length).toBeGreaterThan(0);
    if (username === "staff") expect(inbox.total).toBe(7); // tests/integration/inbox.test.ts hand-counts it
  });

  it("a unit's and a doctor's workbench still count through Prisma's where fragments, as many statements as their duties", async () => {
    const { loadWorkbench } = await import("@/lib/server/dashboard");
    statements = [];
    await loadWorkbench(await scopeOf("nominator"));
    expect(statements.length).toBeGreaterThan(WORKBENCH_QUERIES);
  });
});

describe("the bureau's statement finds what the policy's where fragments find", () => {
  // At two moments: now, and a day before a stage of an open programme closes (so that deadlines show).
  const moments = async (): Promise<Date[]> => {
    const stage = await db.prisma.programStage.findFirst({ where: { program: { status: { in: ["OPEN", "VETTING"] } } }, orderBy: { closesAt: "desc" } });
    return [new Date(), ...(stage ? [new Date(stage.closesAt.getTime() - 24 * 3_600_000)] : [])];
  };
  it.each(["staff", "admin", "auditor", "wz-admin"])("%s", async (username) => {
    const { loadWorkbench, loadDashboardByFragments } = await import("@/lib/server/dashboard");
    const { loadInboxByFragments } = await import("@/lib/server/inbox");
    const scope = await scopeOf(username);
    const when = await moments();
    expect(when).toHaveLength(2);
    for (const now of when) {
      const fast = await loadWorkbench(scope, now);
      const [dashboard, inbox] = await Promise.all([loadDashboardByFragments(scope, now), loadInboxByFragments(counted, scope, now)]);
      expect(fast.dashboard).toEqual(dashboard);
      expect(fast.inbox).toEqual(inbox);
    }
    const { deadlines } = await loadDashboardByFragments(scope, when[1]!);
    if (username === "staff") expect(deadlines!.length).toBeGreaterThan(0);
  });
});
