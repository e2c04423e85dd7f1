import "server-only";
import { audit } from "../audit";
import { authorize, dispatchWhere, type Scope } from "../auth/policy";
import { dayDate } from "../domain/service-period";
import { AppError } from "../errors";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { createMentoringPairSchema, deleteMentoringPairSchema, updateMentoringPairSchema } from "../schemas/work-logs";
import { actorOf, parse, runTx, visibleOr, type Tx } from "./kit";

// Mentoring pairs (师带徒): the seconded doctor records each local mentee, the goals, the dates and
// the outcome (a licence or title exam passed — seed 003 counts these). Only the doctor of the
// dispatch writes them; the receiving unit and the bureau read them through dispatchWhere.

export const mentoringPairSelect = {
  id: true,
  dispatchId: true,
  menteeName: true,
  menteeTitle: true,
  menteeDepartment: true,
  goals: true,
  startDate: true,
  endDate: true,
  outcome: true,
  outcomeNote: true,
  createdAt: true,
  updatedAt: true,
  version: true,
} as const satisfies Prisma.MentoringPairSelect;
export type MentoringPairRow = Prisma.MentoringPairGetPayload<{ select: typeof mentoringPairSelect }>;

async function ownDispatch(tx: Tx, scope: Scope, dispatchId: string) {
  const dispatch = visibleOr(await tx.dispatch.findFirst({ where: { AND: [{ id: dispatchId }, dispatchWhere(scope)] }, select: { id: true, doctorId: true, status: true } }));
  if (dispatch.doctorId !== scope.user.doctorId) throw new AppError("notFound");
  if (dispatch.status === "CANCELLED") throw new AppError("conflict", "dispatchNotInService");
  return dispatch;
}

function fieldsOf(input: { menteeName: string; menteeTitle: string | null; menteeDepartment: string | null; goals: string; startDate: string; endDate: string | null; outcome: MentoringPairRow["outcome"]; outcomeNote: string | null }) {
  return {
    menteeName: input.menteeName,
    menteeTitle: input.menteeTitle,
    menteeDepartment: input.menteeDepartment,
    goals: input.goals,
    startDate: dayDate(input.startDate),
    endDate: input.endDate ? dayDate(input.endDate) : null,
    outcome: input.outcome,
    outcomeNote: input.outcomeNote,
  };
}

export async function createMentoringPair(db: PrismaClient, scope: Scope, raw: unknown): Promise<MentoringPairRow> {
  const input = parse(createMentoringPairSchema, raw);
  authorize(scope, "service.file");
  return runTx(db, async (tx) => {
    const dispatch = await ownDispatch(tx, scope, input.dispatchId);
    const created = await tx.mentoringPair.create({ data: { dispatchId: dispatch.id, createdById: scope.user.id, ...fieldsOf(input) }, select: mentoringPairSelect });
    await audit(tx, { actor: await actorOf(tx, scope), action: "mentoring.create", entity: "MentoringPair", entityId: created.id, after: created });
    return created;
  });
}

/** The pair locked FOR UPDATE, the doctor's own, at the version they started from. */
async function lockOwnPair(tx: Tx, scope: Scope, id: string, version: number) {
  await tx.$queryRaw`SELECT id FROM "MentoringPair" WHERE id = ${id} FOR UPDATE`;
  const pair = visibleOr(await tx.mentoringPair.findFirst({ where: { id, dispatch: dispatchWhere(scope) }, select: mentoringPairSelect }));
  await ownDispatch(tx, scope, pair.dispatchId);
  if (pair.version !== version) throw new AppError("conflict", "stale");
  return pair;
}

export async function updateMentoringPair(db: PrismaClient, scope: Scope, raw: unknown): Promise<MentoringPairRow> {
  const input = parse(updateMentoringPairSchema, raw);
  authorize(scope, "service.file");
  return runTx(db, async (tx) => {
    const before = await lockOwnPair(tx, scope, input.mentoringPairId, input.version);
    const after = await tx.mentoringPair.update({ where: { id: before.id }, data: { ...fieldsOf(input), version: { increment: 1 } }, select: mentoringPairSelect });
    await audit(tx, { actor: await actorOf(tx, scope), action: "mentoring.update", entity: "MentoringPair", entityId: after.id, before, after });
    return after;
  });
}

/** Removes a pair entered by mistake (the audit row keeps what it said). */
export async function deleteMentoringPair(db: PrismaClient, scope: Scope, raw: unknown): Promise<{ deleted: string }> {
  const input = parse(deleteMentoringPairSchema, raw);
  authorize(scope, "service.file");
  return runTx(db, async (tx) => {
    const before = await lockOwnPair(tx, scope, input.mentoringPairId, input.version);
    await tx.mentoringPair.delete({ where: { id: before.id } });
    await audit(tx, { actor: await actorOf(tx, scope), action: "mentoring.delete", entity: "MentoringPair", entityId: before.id, before });
    return { deleted: before.id };
  });
}

/** A dispatch's mentoring pairs, oldest first, with what the caller may do. */
export async function listMentoringPairs(db: PrismaClient, scope: Scope, dispatchId: string) {
  const dispatch = visibleOr(
    await db.dispatch.findFirst({
      where: { AND: [{ id: dispatchId }, dispatchWhere(scope)] },
      select: { id: true, doctorId: true, status: true, startDate: true, lastDay: true, doctor: { select: { name: true } }, receivingOrg: { select: { name: true } } },
    }),
  );
  const pairs = await db.mentoringPair.findMany({ where: { dispatchId }, select: mentoringPairSelect, orderBy: [{ startDate: "asc" }, { createdAt: "asc" }] });
  const canManage = scope.user.role === "DOCTOR" && dispatch.doctorId === scope.user.doctorId && dispatch.status !== "CANCELLED";
  return { dispatch, pairs, can: { manage: canManage } };
}
