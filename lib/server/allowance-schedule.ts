import "server-only";
import { randomUUID } from "node:crypto";
import { audit, type AuditActor } from "../audit";
import { reconcileSchedule, type DesiredLine, type ExistingLine, type ScheduleItem, type ServiceDays } from "../domain/allowance-schedule";
import { shanghaiDay } from "../domain/dispatch";
import { isoDay } from "../domain/eligibility/calendar";
import { dayDate } from "../domain/service-period";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { fieldError, type Tx } from "./kit";

// Writing a dispatch's schedule (rules: lib/domain/allowance-schedule.ts). `regenerateSchedules` is
// called inside the transaction of whatever changed the inputs — a dispatch created, its last day
// moved, cancelled, a policy item edited — with the dispatches locked, so the lines always match the
// service and the policy; paid lines are never touched (the database refuses it too).
// `addEventLine` is the one way to add an event's line (an award for an excellent annual grade).

/** Today's date in Beijing (the day a line falls due is a calendar day there). */
export function shanghaiToday(now = new Date()): string {
  return shanghaiDay(now);
}

export interface RegenerationSummary {
  dispatches: number;
  created: number;
  deleted: number;
  kept: number;
  /** Per changed dispatch: the lines removed and added, for the audit row. */
  changes: { dispatchId: string; deleted: { slot: string; amountFen: number }[]; created: { slot: string; kind: string; amountFen: number }[] }[];
}

const itemSelect = { id: true, kind: true, amountFen: true, payer: true, payee: true, startsAt: true, isActive: true } as const satisfies Prisma.AllowanceItemSelect;

/**
 * Brings the generated lines of the dispatches in line with their service days and their
 * programme's policy. The dispatches are locked here (in id order, so two callers never deadlock);
 * callers that already hold the locks lose nothing. Batched: three queries to read, two to write,
 * whatever the number of dispatches.
 */
export async function regenerateSchedules(tx: Tx, dispatchIds: readonly string[], today: string): Promise<RegenerationSummary> {
  const summary: RegenerationSummary = { dispatches: 0, created: 0, deleted: 0, kept: 0, changes: [] };
  if (dispatchIds.length === 0) return summary;
  const ids = [...new Set(dispatchIds)].sort();
  await tx.$queryRaw`SELECT id FROM "Dispatch" WHERE id = ANY(${ids}::text[]) ORDER BY id FOR UPDATE`;
  const dispatches = await tx.dispatch.findMany({ where: { id: { in: ids } }, select: { id: true, programId: true, startDate: true, lastDay: true, status: true } });
  const programIds = [...new Set(dispatches.map((d) => d.programId))];
  const items = await tx.allowanceItem.findMany({ where: { programId: { in: programIds }, kind: { not: "PER_EVENT" } }, select: { ...itemSelect, programId: true } });
  const lines = await tx.allowanceLine.findMany({
    where: { dispatchId: { in: ids }, isGenerated: true },
    select: { id: true, dispatchId: true, itemId: true, slotKey: true, kind: true, status: true, amountFen: true, rateFen: true, periodStart: true, periodEnd: true, dueDate: true, payer: true, payee: true },
  });
  const itemsOf = new Map<string, ScheduleItem[]>();
  for (const item of items) itemsOf.set(item.programId, [...(itemsOf.get(item.programId) ?? []), item]);
  const linesOf = new Map<string, ExistingLine[]>();
  for (const l of lines) {
    const existing: ExistingLine = {
      id: l.id,
      itemId: l.itemId,
      slotKey: l.slotKey!,
      kind: l.kind as ExistingLine["kind"],
      isPaid: l.status === "PAID",
      amountFen: l.amountFen,
      rateFen: l.rateFen,
      periodStart: isoDay(l.periodStart),
      periodEnd: isoDay(l.periodEnd),
      dueDate: isoDay(l.dueDate),
      payer: l.payer,
      payee: l.payee,
    };
    linesOf.set(l.dispatchId, [...(linesOf.get(l.dispatchId) ?? []), existing]);
  }
  const deleteIds: string[] = [];
  const create: NewLine[] = [];
  for (const d of dispatches) {
    const service: ServiceDays = d.status === "CANCELLED" ? null : { firstDay: isoDay(d.startDate), lastDay: isoDay(d.lastDay) };
    const existing = linesOf.get(d.id) ?? [];
    const result = reconcileSchedule(service, itemsOf.get(d.programId) ?? [], existing, today);
    summary.dispatches += 1;
    summary.kept += result.keptIds.length;
    if (result.deleteIds.length === 0 && result.create.length === 0) continue;
    const byId = new Map(existing.map((l) => [l.id, l]));
    summary.changes.push({
      dispatchId: d.id,
      deleted: result.deleteIds.map((id) => ({ slot: byId.get(id)!.slotKey, amountFen: byId.get(id)!.amountFen })),
      created: result.create.map((c) => ({ slot: c.slotKey, kind: c.kind, amountFen: c.amountFen })),
    });
    deleteIds.push(...result.deleteIds);
    for (const c of result.create) create.push({ ...c, dispatchId: d.id });
  }
  if (deleteIds.length > 0) {
    // Only unpaid lines are ever deleted; the trigger would refuse a paid one anyway.
    const count = await tx.$executeRaw`DELETE FROM "AllowanceLine" WHERE id = ANY(${deleteIds}::text[]) AND status = 'UNPAID'`;
    if (count !== deleteIds.length) throw new Error("allowance lines changed under a locked dispatch");
  }
  await insertLines(tx, create);
  summary.created = create.length;
  summary.deleted = deleteIds.length;
  return summary;
}

type NewLine = DesiredLine & { dispatchId: string };

const INSERT_CHUNK = 10_000;

/**
 * The generated lines written with one `INSERT … SELECT FROM unnest(…)` per 10 000 rows. Prisma's
 * createMany took 37 s for 3 600 lines on this machine and grew faster than the rows (bench/allowances:
 * 2 000 dispatches did not finish in 6 minutes); one statement of column arrays is what the bare-pg
 * floor does. The ids are random UUIDs (the column's cuid default is Prisma's, not the database's).
 */
async function insertLines(tx: Tx, lines: readonly NewLine[]): Promise<void> {
  for (let from = 0; from < lines.length; from += INSERT_CHUNK) {
    const chunk = lines.slice(from, from + INSERT_CHUNK);
    const col = <T>(get: (l: NewLine) => T) => chunk.map(get);
    await tx.$executeRaw`
      INSERT INTO "AllowanceLine" (id, "dispatchId", "itemId", kind, "isGenerated", "slotKey", "periodStart", "periodEnd", "dueDate", "daysServed", "monthDays", "rateFen", "amountFen", payer, payee, "paidBeforeFen")
      SELECT t.id, t."dispatchId", t."itemId", t.kind::"AllowanceLineKind", true, t."slotKey", t."periodStart", t."periodEnd", t."dueDate", t."daysServed", t."monthDays", t."rateFen", t."amountFen", t.payer::"AllowancePayer", t.payee::"AllowancePayee", t."paidBeforeFen"
        FROM unnest(${col(() => randomUUID())}::text[], ${col((l) => l.dispatchId)}::text[], ${col((l) => l.itemId)}::text[], ${col((l) => l.kind)}::text[], ${col((l) => l.slotKey)}::text[],
                    ${col((l) => l.periodStart)}::date[], ${col((l) => l.periodEnd)}::date[], ${col((l) => l.dueDate)}::date[], ${col((l) => l.daysServed)}::int[], ${col((l) => l.monthDays)}::int[],
                    ${col((l) => l.rateFen)}::int[], ${col((l) => l.amountFen)}::int[], ${col((l) => l.payer)}::text[], ${col((l) => l.payee)}::text[], ${col((l) => l.paidFen)}::int[])
          AS t(id, "dispatchId", "itemId", kind, "slotKey", "periodStart", "periodEnd", "dueDate", "daysServed", "monthDays", "rateFen", "amountFen", payer, payee, "paidBeforeFen")`;
  }
}

/**
 * One dispatch's schedule regenerated, with an audit row naming the cause when anything changed.
 * Hook for the dispatch use cases: call it in their transaction after the dispatch row changed
 * (created, last day moved, ended early, cancelled).
 */
export async function regenerateSchedule(tx: Tx, dispatchId: string, actor: AuditActor | null, cause: string, now = new Date()): Promise<RegenerationSummary> {
  const summary = await regenerateSchedules(tx, [dispatchId], shanghaiToday(now));
  if (summary.changes.length > 0) {
    await audit(tx, { actor, action: "allowance.regenerate", entity: "Dispatch", entityId: dispatchId, after: { cause, ...summary.changes[0] } });
  }
  return summary;
}

export interface EventLineInput {
  dispatchId: string;
  itemId: string;
  /** The day of the event ("YYYY-MM-DD"); the line falls due then. */
  eventDate: string;
  /** The period the payment covers; the event's day when null. */
  periodStart?: string | null;
  periodEnd?: string | null;
  reason: string;
}

/**
 * Adds a line for an event (an excellent annual grade, a health check) to a dispatch, at the amount
 * of the programme's per-event item, with its reason and an audit row. The caller has decided that
 * the actor may (the evaluations module calls it for each 优秀 grade; staff through `addEventLineAs`).
 */
export async function addEventLine(tx: Tx, actor: AuditActor | null, input: EventLineInput) {
  const dispatch = await tx.dispatch.findUnique({ where: { id: input.dispatchId }, select: { id: true, programId: true, status: true } });
  if (!dispatch) throw new AppError("notFound");
  if (dispatch.status === "CANCELLED") throw new AppError("conflict", "dispatchCancelled");
  const item = await tx.allowanceItem.findUnique({ where: { id: input.itemId }, select: { id: true, programId: true, kind: true, amountFen: true, payer: true, payee: true, isActive: true, name: true } });
  if (!item || item.programId !== dispatch.programId) throw fieldError("itemId", "itemNotInProgram");
  if (item.kind !== "PER_EVENT") throw fieldError("itemId", "itemNotEvent");
  if (!item.isActive) throw fieldError("itemId", "itemRetired");
  const periodStart = input.periodStart ?? input.eventDate;
  const periodEnd = input.periodEnd ?? input.eventDate;
  if (periodEnd < periodStart) throw fieldError("periodEnd", "periodInvalid");
  const line = await tx.allowanceLine.create({
    data: {
      dispatchId: dispatch.id,
      itemId: item.id,
      kind: "EVENT",
      isGenerated: false,
      periodStart: dayDate(periodStart),
      periodEnd: dayDate(periodEnd),
      dueDate: dayDate(input.eventDate),
      rateFen: item.amountFen,
      amountFen: item.amountFen,
      payer: item.payer,
      payee: item.payee,
      reason: input.reason,
      createdById: actor?.id ?? null,
    },
  });
  await audit(tx, { actor, action: "allowance.add_event", entity: "AllowanceLine", entityId: line.id, after: { ...line, item: item.name } });
  return line;
}
