import "server-only";
import { audit } from "../audit";
import { allowanceLineWhere, authorize, dispatchWhere, programWhere, type Scope } from "../auth/policy";
import { ALLOWANCE_TEMPLATES } from "../domain/allowance-templates";
import { formatYuan } from "../domain/money";
import { isoDay } from "../domain/eligibility/calendar";
import { dayDate } from "../domain/service-period";
import { AppError } from "../errors";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { addEventLineSchema, adjustLineSchema, applyTemplateSchema, createItemSchema, markPaidSchema, removeLineSchema, updateItemSchema } from "../schemas/allowances";
import { actorOf, fieldError, parse, runTx, visibleOr, type Tx } from "./kit";
import { addEventLine, regenerateSchedules, shanghaiToday, type RegenerationSummary } from "./allowance-schedule";

// The allowance use cases (issue 13): bureau staff keep a programme's policy and add event lines and
// corrections; finance officers mark lines paid. Each: schema → policy → one transaction → audit.
// Editing the policy regenerates the programme's unpaid lines not yet due in the same transaction.

export const itemSelect = {
  id: true,
  programId: true,
  name: true,
  kind: true,
  amountFen: true,
  payer: true,
  payee: true,
  startsAt: true,
  note: true,
  isActive: true,
  sortOrder: true,
  version: true,
} as const satisfies Prisma.AllowanceItemSelect;

export type ItemSnapshot = Prisma.AllowanceItemGetPayload<{ select: typeof itemSelect }>;

/** The programme, locked, if the caller may keep its policy (its bureau's staff). */
async function loadProgramForPolicy(tx: Tx, scope: Scope, programId: string) {
  await tx.$queryRaw`SELECT id FROM "Program" WHERE id = ${programId} FOR UPDATE`;
  const program = visibleOr(await tx.program.findFirst({ where: { AND: [{ id: programId }, programWhere(scope)] }, select: { id: true, bureauId: true, name: true } }));
  authorize(scope, "allowance.manage", { organizationId: program.bureauId });
  return program;
}

async function regenerateProgram(tx: Tx, programId: string, now: Date): Promise<Omit<RegenerationSummary, "changes">> {
  const dispatches = await tx.dispatch.findMany({ where: { programId }, select: { id: true } });
  const { changes: _changes, ...summary } = await regenerateSchedules(tx, dispatches.map((d) => d.id), shanghaiToday(now));
  return summary;
}

const itemUniqueFields = { AllowanceItem_programId_name_key: ["name", "nameTaken"] } as const;

/** A new item of a programme's policy; the programme's dispatches get its lines. */
export async function createItem(db: PrismaClient, scope: Scope, raw: unknown, now = new Date()) {
  const input = parse(createItemSchema, raw);
  authorize(scope, "allowance.manage");
  return runTx(
    db,
    async (tx) => {
      const program = await loadProgramForPolicy(tx, scope, input.programId);
      if (await tx.allowanceItem.findFirst({ where: { programId: program.id, name: input.name }, select: { id: true } })) throw fieldError("name", "nameTaken");
      const last = await tx.allowanceItem.aggregate({ where: { programId: program.id }, _max: { sortOrder: true } });
      const created = await tx.allowanceItem.create({ data: { ...input, sortOrder: (last._max.sortOrder ?? 0) + 1 }, select: itemSelect });
      const regenerated = await regenerateProgram(tx, program.id, now);
      await audit(tx, { actor: await actorOf(tx, scope), action: "allowance.item_create", entity: "AllowanceItem", entityId: created.id, after: { ...created, regenerated } });
      return { item: created, regenerated };
    },
    { uniqueFields: itemUniqueFields, timeout: 60_000 },
  );
}

/** New values for an item: lines already paid or due keep theirs; lines not yet due follow. A stale version is refused. */
export async function updateItem(db: PrismaClient, scope: Scope, raw: unknown, now = new Date()) {
  const input = parse(updateItemSchema, raw);
  authorize(scope, "allowance.manage");
  return runTx(
    db,
    async (tx) => {
      await tx.$queryRaw`SELECT id FROM "AllowanceItem" WHERE id = ${input.itemId} FOR UPDATE`;
      const found = await tx.allowanceItem.findFirst({ where: { id: input.itemId, program: programWhere(scope) }, select: itemSelect });
      const before = visibleOr(found);
      await loadProgramForPolicy(tx, scope, before.programId);
      if (before.version !== input.version) throw new AppError("conflict", "staleVersion");
      if (before.kind !== input.kind && (await tx.allowanceLine.count({ where: { itemId: before.id } })) > 0) throw fieldError("kind", "kindFixedOnceUsed");
      if (input.name !== before.name && (await tx.allowanceItem.findFirst({ where: { programId: before.programId, name: input.name, id: { not: before.id } }, select: { id: true } }))) {
        throw fieldError("name", "nameTaken");
      }
      const { itemId, version: _version, ...data } = input;
      const after = await tx.allowanceItem.update({ where: { id: itemId }, data: { ...data, version: { increment: 1 } }, select: itemSelect });
      const regenerated = await regenerateProgram(tx, before.programId, now);
      await audit(tx, { actor: await actorOf(tx, scope), action: "allowance.item_update", entity: "AllowanceItem", entityId: itemId, before, after: { ...after, regenerated } });
      return { item: after, regenerated };
    },
    { uniqueFields: itemUniqueFields, timeout: 60_000 },
  );
}

/** Adds a seed template's items to a programme's policy (those of the same name already there are left alone). */
export async function applyTemplate(db: PrismaClient, scope: Scope, raw: unknown, now = new Date()) {
  const input = parse(applyTemplateSchema, raw);
  authorize(scope, "allowance.manage");
  return runTx(
    db,
    async (tx) => {
      const program = await loadProgramForPolicy(tx, scope, input.programId);
      const existing = await tx.allowanceItem.findMany({ where: { programId: program.id }, select: { name: true, sortOrder: true } });
      const names = new Set(existing.map((i) => i.name));
      let order = Math.max(0, ...existing.map((i) => i.sortOrder));
      const added: ItemSnapshot[] = [];
      for (const t of ALLOWANCE_TEMPLATES[input.template]) {
        if (names.has(t.name)) continue;
        added.push(await tx.allowanceItem.create({ data: { ...t, programId: program.id, sortOrder: ++order }, select: itemSelect }));
      }
      const regenerated = await regenerateProgram(tx, program.id, now);
      await audit(tx, { actor: await actorOf(tx, scope), action: "allowance.apply_template", entity: "Program", entityId: program.id, after: { template: input.template, added, regenerated } });
      return { added, regenerated };
    },
    { timeout: 60_000 },
  );
}

/** The dispatch, locked, if the caller may add lines to it (its programme's bureau staff). */
async function loadDispatchForLines(tx: Tx, scope: Scope, dispatchId: string) {
  await tx.$queryRaw`SELECT id FROM "Dispatch" WHERE id = ${dispatchId} FOR UPDATE`;
  const dispatch = visibleOr(await tx.dispatch.findFirst({ where: { AND: [{ id: dispatchId }, dispatchWhere(scope)] }, select: { id: true, program: { select: { bureauId: true } } } }));
  authorize(scope, "allowance.manage", { organizationId: dispatch.program.bureauId });
  return dispatch;
}

/** Staff add an event's line by hand (an award, a health check), with the reason. */
export async function addEventLineAs(db: PrismaClient, scope: Scope, raw: unknown) {
  const input = parse(addEventLineSchema, raw);
  authorize(scope, "allowance.manage");
  return runTx(db, async (tx) => {
    await loadDispatchForLines(tx, scope, input.dispatchId);
    return addEventLine(tx, await actorOf(tx, scope), input);
  });
}

/** A correction to a paid line: a new line (negative or positive) with the reason; the paid line stays as it is. */
export async function adjustLine(db: PrismaClient, scope: Scope, raw: unknown, now = new Date()) {
  const input = parse(adjustLineSchema, raw);
  authorize(scope, "allowance.manage");
  return runTx(db, async (tx) => {
    const target = visibleOr(
      await tx.allowanceLine.findFirst({
        where: { AND: [{ id: input.lineId }, allowanceLineWhere(scope)] },
        select: { id: true, dispatchId: true, itemId: true, status: true, amountFen: true, rateFen: true, periodStart: true, periodEnd: true, payer: true, payee: true },
      }),
    );
    await loadDispatchForLines(tx, scope, target.dispatchId);
    if (target.status !== "PAID") throw new AppError("conflict", "adjustUnpaid");
    const today = shanghaiToday(now);
    const line = await tx.allowanceLine.create({
      data: {
        dispatchId: target.dispatchId,
        itemId: target.itemId,
        kind: "ADJUSTMENT",
        isGenerated: false,
        periodStart: target.periodStart,
        periodEnd: target.periodEnd,
        dueDate: dayDate(today),
        rateFen: target.rateFen,
        amountFen: input.amountFen,
        payer: target.payer,
        payee: target.payee,
        reason: input.reason,
        paidBeforeFen: target.amountFen,
        adjustsLineId: target.id,
        createdById: scope.user.id,
      },
    });
    await audit(tx, { actor: await actorOf(tx, scope), action: "allowance.adjust", entity: "AllowanceLine", entityId: line.id, after: line });
    return line;
  });
}

/**
 * Removes a line staff added by hand (an event or a correction entered by mistake) while it is
 * unpaid, with the reason. A paid line, or a generated one, is never removed: a correction is a new
 * adjusting line.
 */
export async function removeLine(db: PrismaClient, scope: Scope, raw: unknown) {
  const input = parse(removeLineSchema, raw);
  authorize(scope, "allowance.manage");
  return runTx(db, async (tx) => {
    await tx.$queryRaw`SELECT id FROM "AllowanceLine" WHERE id = ${input.lineId} FOR UPDATE`;
    const line = visibleOr(await tx.allowanceLine.findFirst({ where: { AND: [{ id: input.lineId }, allowanceLineWhere(scope)] }, include: { item: { select: { name: true } } } }));
    await loadDispatchForLines(tx, scope, line.dispatchId);
    if (line.status === "PAID") throw new AppError("conflict", "linePaid");
    if (line.isGenerated) throw new AppError("conflict", "lineGenerated");
    await tx.allowanceLine.delete({ where: { id: line.id } });
    await audit(tx, { actor: await actorOf(tx, scope), action: "allowance.remove_line", entity: "AllowanceLine", entityId: line.id, before: { ...line, item: line.item.name }, after: { reason: input.reason } });
    return { id: line.id, dispatchId: line.dispatchId, removed: true as const };
  });
}

/** The organisation that pays a line: the doctor's employer for the dispatching unit, else the programme's bureau. */
export function allowancePayerOrgOf(line: { payer: string; dispatch: { doctor: { employerId: string }; program: { bureauId: string } } }): string {
  return line.payer === "DISPATCHING_UNIT" ? line.dispatch.doctor.employerId : line.dispatch.program.bureauId;
}

/**
 * Finance marks lines paid with one voucher number and the day paid. All or none: a line already
 * paid (by a colleague a moment ago, too: the lines are locked in id order), one the officer's office
 * does not pay, or one they cannot see refuses the whole selection.
 */
export async function markPaid(db: PrismaClient, scope: Scope, raw: unknown, now = new Date()) {
  const input = parse(markPaidSchema, raw);
  authorize(scope, "allowance.pay");
  if (input.paidOn > shanghaiToday(now)) throw fieldError("paidOn", "paidOnFuture");
  return runTx(
    db,
    async (tx) => {
      const ids = [...input.lineIds].sort();
      await tx.$queryRaw`SELECT id FROM "AllowanceLine" WHERE id = ANY(${ids}::text[]) ORDER BY id FOR UPDATE`;
      const lines = await tx.allowanceLine.findMany({
        where: { AND: [{ id: { in: ids } }, allowanceLineWhere(scope)] },
        select: {
          id: true,
          status: true,
          amountFen: true,
          payer: true,
          voucherNumber: true,
          periodStart: true,
          periodEnd: true,
          item: { select: { name: true } },
          dispatch: { select: { doctor: { select: { name: true, employerId: true } }, program: { select: { bureauId: true } } } },
        },
      });
      if (lines.length !== ids.length) throw new AppError("notFound");
      for (const line of lines) authorize(scope, "allowance.pay", { organizationId: allowancePayerOrgOf(line) });
      const paid = lines.find((l) => l.status === "PAID");
      if (paid) {
        throw new AppError("conflict", "alreadyPaid", undefined, {
          doctor: paid.dispatch.doctor.name,
          item: paid.item.name,
          period: `${isoDay(paid.periodStart)} – ${isoDay(paid.periodEnd)}`,
          voucher: paid.voucherNumber ?? "",
        });
      }
      const paidAt = now;
      const { count } = await tx.allowanceLine.updateMany({
        where: { id: { in: ids }, status: "UNPAID" },
        data: { status: "PAID", voucherNumber: input.voucherNumber, paidOn: dayDate(input.paidOn), paidById: scope.user.id, paidAt },
      });
      if (count !== ids.length) throw new AppError("conflict", "alreadyPaid");
      const actor = await actorOf(tx, scope);
      for (const line of lines) {
        await audit(tx, {
          actor,
          action: "allowance.mark_paid",
          entity: "AllowanceLine",
          entityId: line.id,
          before: { status: "UNPAID" },
          after: { status: "PAID", voucherNumber: input.voucherNumber, paidOn: input.paidOn, amountFen: line.amountFen, amount: formatYuan(line.amountFen), item: line.item.name, doctor: line.dispatch.doctor.name },
        });
      }
      const totalFen = lines.reduce((sum, l) => sum + l.amountFen, 0);
      return { paid: count, totalFen, voucherNumber: input.voucherNumber, paidOn: input.paidOn };
    },
    { timeout: 60_000 },
  );
}
