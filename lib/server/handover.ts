import "server-only";
import { audit } from "../audit";
import { authorize, can, handoverDispatchWhere, handoverToReadWhere, type Scope } from "../auth/policy";
import { AppError } from "../errors";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { readHandoverSchema, saveHandoverSchema } from "../schemas/handover";
import { actorOf, parse, runTx, visibleOr } from "./kit";

// The hand-over packet (交接): before leaving, the doctor files what the successor inherits — open
// cases, mentees, ongoing projects, contacts — as a draft, then submits it. The successor (the
// doctor whose dispatch follows on the post) and the receiving unit read it and say so (a read
// receipt per reader; reading again after a change renews it). Drafts are the author's alone.

export const handoverPacketSelect = {
  id: true,
  dispatchId: true,
  openCases: true,
  mentees: true,
  projects: true,
  contacts: true,
  notes: true,
  submittedAt: true,
  updatedAt: true,
  version: true,
} as const satisfies Prisma.HandoverPacketSelect;
export type HandoverPacketRow = Prisma.HandoverPacketGetPayload<{ select: typeof handoverPacketSelect }>;

const readsSelect = {
  select: { userId: true, readAt: true },
  orderBy: { readAt: "asc" },
} as const;

const dispatchSelect = {
  id: true,
  doctorId: true,
  status: true,
  startDate: true,
  lastDay: true,
  doctor: { select: { name: true } },
  receivingOrg: { select: { name: true } },
  post: { select: { title: true } },
  program: { select: { name: true } },
  successor: { select: { id: true, doctorId: true, startDate: true, status: true, doctor: { select: { name: true } } } },
} as const satisfies Prisma.DispatchSelect;

/** The doctor writes the packet while serving; after the last day it stands as filed. */
const EDITABLE = new Set(["ACTIVE"]);

/** Saves the doctor's packet (a draft, or submitted), from the version read (0: none yet). */
export async function saveHandover(db: PrismaClient, scope: Scope, raw: unknown): Promise<HandoverPacketRow> {
  const input = parse(saveHandoverSchema, raw);
  authorize(scope, "service.file");
  return runTx(db, async (tx) => {
    // The dispatch row is the lock: two saves of one packet (two tabs) run one after the other.
    await tx.$queryRaw`SELECT id FROM "Dispatch" WHERE id = ${input.dispatchId} FOR UPDATE`;
    const dispatch = visibleOr(await tx.dispatch.findFirst({ where: { id: input.dispatchId, doctorId: scope.user.doctorId ?? "-" }, select: { id: true, status: true } }));
    if (!EDITABLE.has(dispatch.status)) throw new AppError("conflict", "notInService");
    const before = await tx.handoverPacket.findUnique({ where: { dispatchId: dispatch.id }, select: handoverPacketSelect });
    if ((before?.version ?? 0) !== input.version) throw new AppError("conflict", "stale");
    const fields = { openCases: input.openCases, mentees: input.mentees, projects: input.projects, contacts: input.contacts, notes: input.notes };
    // Once submitted it stays submitted: a later save is a correction the readers are shown.
    const submittedAt = before?.submittedAt ?? (input.submit ? new Date() : null);
    if (before?.submittedAt) {
      for (const s of ["openCases", "mentees", "projects", "contacts"] as const) if (!fields[s]) throw new AppError("validation", "invalid", { [s]: ["sectionRequired"] });
    }
    const after = before
      ? await tx.handoverPacket.update({ where: { id: before.id }, data: { ...fields, submittedAt, version: { increment: 1 } }, select: handoverPacketSelect })
      : await tx.handoverPacket.create({ data: { dispatchId: dispatch.id, ...fields, submittedAt }, select: handoverPacketSelect });
    const action = !before?.submittedAt && after.submittedAt ? "handover.submit" : before?.submittedAt ? "handover.update" : "handover.save";
    await audit(tx, { actor: await actorOf(tx, scope), action, entity: "HandoverPacket", entityId: after.id, before, after });
    return after;
  });
}

/** The successor or the receiving unit confirms having read the submitted packet (again after a change). */
export async function acknowledgeHandover(db: PrismaClient, scope: Scope, raw: unknown): Promise<{ packetId: string; readAt: Date }> {
  const input = parse(readHandoverSchema, raw);
  authorize(scope, "handover.acknowledge");
  return runTx(db, async (tx) => {
    const dispatch = visibleOr(await tx.dispatch.findFirst({ where: { AND: [{ id: input.dispatchId }, handoverDispatchWhere(scope)] }, select: dispatchSelect }));
    const packet = await tx.handoverPacket.findUnique({ where: { dispatchId: dispatch.id }, select: { id: true, submittedAt: true, version: true } });
    if (!packet?.submittedAt) throw new AppError("notFound", "notSubmitted");
    if (!isReader(scope, dispatch)) throw new AppError("forbidden", "notReader");
    const readAt = new Date();
    const row = await tx.handoverRead.upsert({
      where: { packetId_userId: { packetId: packet.id, userId: scope.user.id } },
      create: { packetId: packet.id, userId: scope.user.id, readAt },
      update: { readAt },
      select: { packetId: true, readAt: true },
    });
    await audit(tx, { actor: await actorOf(tx, scope), action: "handover.read", entity: "HandoverPacket", entityId: packet.id, after: { dispatchId: dispatch.id, version: packet.version, readAt } });
    return row;
  });
}

type DispatchRow = Prisma.DispatchGetPayload<{ select: typeof dispatchSelect }>;

/** The successor doctor, or the receiving unit's supervisor (the author is not a reader). */
function isReader(scope: Scope, dispatch: DispatchRow): boolean {
  if (!can(scope, "handover.acknowledge")) return false;
  if (scope.user.role === "DOCTOR") return !!scope.user.doctorId && dispatch.successor?.doctorId === scope.user.doctorId;
  return scope.user.role === "RECEIVING_SUPERVISOR";
}

/** A dispatch's packet as the caller may see it, who has read it and when, and what the caller may do. */
export async function getHandover(db: PrismaClient, scope: Scope, dispatchId: string) {
  const dispatch = visibleOr(await db.dispatch.findFirst({ where: { AND: [{ id: dispatchId }, handoverDispatchWhere(scope)] }, select: dispatchSelect }));
  const isAuthor = scope.user.role === "DOCTOR" && dispatch.doctorId === scope.user.doctorId;
  const found = await db.handoverPacket.findUnique({ where: { dispatchId }, select: { ...handoverPacketSelect, reads: readsSelect } });
  const { reads: readRows, ...visible } = found && (isAuthor || found.submittedAt) ? found : { reads: [] };
  const packet: HandoverPacketRow | null = "id" in visible ? visible : null;
  const readers = readRows.length
    ? await db.user.findMany({ where: { id: { in: readRows.map((r) => r.userId) } }, select: { id: true, displayName: true, role: true, organization: { select: { name: true } } } })
    : [];
  const byId = new Map(readers.map((u) => [u.id, u]));
  const reads = readRows.map((r) => {
    const u = byId.get(r.userId);
    return { userId: r.userId, name: u?.displayName ?? "", role: u?.role ?? null, organization: u?.organization.name ?? "", readAt: r.readAt, isCurrent: !!packet && r.readAt >= packet.updatedAt };
  });
  // A first draft starts from the mentees the doctor recorded (师带徒) still in progress.
  const mentees = isAuthor && !found
    ? await db.mentoringPair.findMany({ where: { dispatchId, outcome: "IN_PROGRESS" }, select: { menteeName: true, menteeTitle: true, menteeDepartment: true, goals: true }, orderBy: { startDate: "asc" } })
    : [];
  const suggestedMentees = mentees.map((m) => `${m.menteeName}${[m.menteeTitle, m.menteeDepartment].filter(Boolean).length ? `（${[m.menteeTitle, m.menteeDepartment].filter(Boolean).join("，")}）` : ""}：${m.goals}`).join("\n");
  const myRead = reads.find((r) => r.userId === scope.user.id) ?? null;
  return {
    dispatch,
    packet,
    reads,
    myRead,
    suggestedMentees,
    can: { edit: isAuthor && EDITABLE.has(dispatch.status), acknowledge: !!packet?.submittedAt && !isAuthor && isReader(scope, dispatch) },
  };
}

/** The packet left to a successor by the doctor they follow on the post (submitted only), and whether they read it. */
export async function inheritedHandover(db: PrismaClient, scope: Scope, dispatchId: string) {
  return db.handoverPacket.findFirst({
    where: { submittedAt: { not: null }, dispatch: { successor: { id: dispatchId } } },
    select: { dispatchId: true, submittedAt: true, updatedAt: true, dispatch: { select: { doctor: { select: { name: true } } } }, reads: { where: { userId: scope.user.id }, select: { readAt: true } } },
  });
}

/** Submitted packets at the receiving unit the supervisor has not read yet, newest first. */
export async function handoversToRead(db: PrismaClient, scope: Scope) {
  const waiting = handoverToReadWhere(scope);
  if (scope.user.role !== "RECEIVING_SUPERVISOR" || !waiting) return [];
  return db.handoverPacket.findMany({
    where: waiting,
    select: { dispatchId: true, submittedAt: true, dispatch: { select: { doctor: { select: { name: true } }, post: { select: { title: true } }, lastDay: true } } },
    orderBy: { submittedAt: "desc" },
    take: 50,
  });
}
