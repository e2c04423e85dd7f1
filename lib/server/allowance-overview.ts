import "server-only";
import { allowanceDispatchWhere, allowanceLineWhere, authorize, can, programWhere, type Scope } from "../auth/policy";
import type { PrismaClient } from "../generated/prisma/client";

// The way into allowances: the programmes whose policy the caller may read (with how many items and
// dispatches each has), and the dispatches whose schedules they may open with their totals — a
// doctor's own, a unit's doctors'. Summed in SQL.

/** The programmes with their policy's size, newest first; `manage` when the caller keeps them. */
export async function allowancePrograms(db: PrismaClient, scope: Scope) {
  authorize(scope, "allowance.read");
  const programs = await db.program.findMany({
    where: programWhere(scope),
    select: { id: true, name: true, year: true, bureauId: true, _count: { select: { allowanceItems: true, dispatches: true } } },
    orderBy: [{ year: "desc" }, { name: "asc" }],
    take: 100,
  });
  return programs.map((p) => ({
    id: p.id,
    name: p.name,
    year: p.year,
    items: p._count.allowanceItems,
    dispatches: p._count.dispatches,
    can: { manage: can(scope, "allowance.manage", { organizationId: p.bureauId }) },
  }));
}

/** The dispatches whose schedules the caller may open (at most 50, latest first), each with its paid and unpaid totals. */
export async function allowanceDispatches(db: PrismaClient, scope: Scope) {
  authorize(scope, "allowance.read");
  const dispatches = await db.dispatch.findMany({
    where: { AND: [allowanceDispatchWhere(scope), { status: { not: "CANCELLED" } }] },
    select: { id: true, startDate: true, lastDay: true, status: true, doctor: { select: { name: true } }, receivingOrg: { select: { name: true } }, program: { select: { name: true } } },
    orderBy: [{ startDate: "desc" }, { id: "asc" }],
    take: 50,
  });
  const sums = await db.allowanceLine.groupBy({
    by: ["dispatchId", "status"],
    where: { AND: [{ dispatchId: { in: dispatches.map((d) => d.id) } }, allowanceLineWhere(scope)] },
    _sum: { amountFen: true },
  });
  return dispatches.map((d) => {
    const of = (status: "PAID" | "UNPAID") => sums.find((s) => s.dispatchId === d.id && s.status === status)?._sum.amountFen ?? 0;
    return { ...d, paidFen: of("PAID"), unpaidFen: of("UNPAID") };
  });
}
