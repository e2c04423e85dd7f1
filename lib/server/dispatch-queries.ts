import "server-only";
import { authorize, can, dispatchWhere, programWhere, type Scope } from "../auth/policy";
import { DISPATCH_ACTIONS, shanghaiDay, transitionRefusal, type DispatchAction } from "../domain/dispatch";
import { isoDay } from "../domain/eligibility/calendar";
import { rotationIssues, timelineWindow, type RotationIssue, type TimelineWindow } from "../domain/rotation";
import { AppError } from "../errors";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import type { DispatchEventKind, DispatchStatus } from "../generated/prisma/enums";
import { visibleOr } from "./kit";
import { confirmedApplicationIds } from "./public-notice";

// Reading dispatches: the bureau's board (every dispatch on a timeline per post and per receiving
// unit, hand-over gaps and overlaps flagged), one dispatch's page, and what staff can dispatch next.
// Always filtered in SQL by dispatchWhere; what the reader may do is computed here from the policy.

/** The most dispatches one board shows (a programme's, or the first of all); the page says when there are more. */
export const BOARD_LIMIT = 600;

export interface BoardRow {
  id: string;
  status: DispatchStatus;
  version: number;
  startDate: string;
  lastDay: string;
  plannedLastDay: string;
  rotationBatch: number;
  actingPosition: string | null;
  predecessorId: string | null;
  successorId: string | null;
  doctor: { id: string; name: string; employerName: string };
  post: { id: string; title: string; specialty: string };
  receivingOrg: { id: string; name: string };
  program: { id: string; name: string; handoverOverlapDays: number };
}

export interface DispatchBoard {
  today: string;
  rows: BoardRow[];
  issues: RotationIssue[];
  window: TimelineWindow;
  total: number;
  programs: { id: string; name: string }[];
}

export const boardSelect = {
  id: true,
  status: true,
  version: true,
  startDate: true,
  lastDay: true,
  plannedLastDay: true,
  rotationBatch: true,
  actingPosition: true,
  predecessorId: true,
  successor: { select: { id: true } },
  doctor: { select: { id: true, name: true, employer: { select: { name: true } } } },
  post: { select: { id: true, title: true, specialty: true } },
  receivingOrg: { select: { id: true, name: true } },
  program: { select: { id: true, name: true, handoverOverlapDays: true } },
} satisfies Prisma.DispatchSelect;

type BoardRecord = Prisma.DispatchGetPayload<{ select: typeof boardSelect }>;

export function rowOf(d: BoardRecord): BoardRow {
  return {
    id: d.id,
    status: d.status,
    version: d.version,
    startDate: isoDay(d.startDate),
    lastDay: isoDay(d.lastDay),
    plannedLastDay: isoDay(d.plannedLastDay),
    rotationBatch: d.rotationBatch,
    actingPosition: d.actingPosition,
    predecessorId: d.predecessorId,
    successorId: d.successor?.id ?? null,
    doctor: { id: d.doctor.id, name: d.doctor.name, employerName: d.doctor.employer.name },
    post: d.post,
    receivingOrg: d.receivingOrg,
    // Only the documented fields: the detail's select adds bureauId, which is the policy's, not the answer's.
    program: { id: d.program.id, name: d.program.name, handoverOverlapDays: d.program.handoverOverlapDays },
  };
}

export interface BoardFilter {
  programId?: string;
  /** Include completed, terminated and cancelled dispatches (default: only planned and active ones, and their predecessors). */
  includeEnded?: boolean;
}

/** The dispatches the board (and its list) shows: the reader's, of one programme or all, live ones unless ended are asked for. */
export function boardWhere(scope: Scope, filter: BoardFilter): Prisma.DispatchWhereInput {
  const live: Prisma.DispatchWhereInput = filter.includeEnded
    ? {}
    : // Live dispatches, and the ended ones a live successor follows (its hand-over is still shown).
      { OR: [{ status: { in: ["PLANNED", "ACTIVE"] } }, { successor: { status: { in: ["PLANNED", "ACTIVE"] } } }] };
  return { AND: [dispatchWhere(scope), live, filter.programId ? { programId: filter.programId } : {}] };
}

/** The board: dispatches on a timeline, with the hand-over issues among them. */
export async function dispatchBoard(db: PrismaClient, scope: Scope, filter: BoardFilter = {}, now = new Date()): Promise<DispatchBoard> {
  authorize(scope, "dispatch.read");
  const today = shanghaiDay(now);
  const where = boardWhere(scope, filter);
  const [records, total, programs] = await Promise.all([
    db.dispatch.findMany({ where, select: boardSelect, orderBy: [{ receivingOrg: { name: "asc" } }, { post: { specialty: "asc" } }, { startDate: "asc" }, { id: "asc" }], take: BOARD_LIMIT }),
    db.dispatch.count({ where }),
    db.program.findMany({ where: { AND: [programWhere(scope), { dispatches: { some: dispatchWhere(scope) } }] }, select: { id: true, name: true }, orderBy: [{ year: "desc" }, { name: "asc" }] }),
  ]);
  const rows = records.map(rowOf);
  const overlapOf = new Map(rows.map((r) => [r.id, r.program.handoverOverlapDays]));
  const issues = rotationIssues(rows, (d) => overlapOf.get(d.id) ?? 7, today);
  return { today, rows, issues, window: timelineWindow(rows, today), total, programs };
}

export interface DispatchEventRow {
  id: string;
  kind: DispatchEventKind;
  fromLastDay: string | null;
  toLastDay: string | null;
  effectiveOn: string | null;
  reason: string | null;
  at: Date;
  actedBy: string;
}

export interface DispatchDetail extends BoardRow {
  serviceMonths: number;
  doctor: BoardRow["doctor"] & { specialty: string; department: string; phone: string | null };
  predecessor: { id: string; doctorName: string; lastDay: string; status: DispatchStatus } | null;
  successor: { id: string; doctorName: string; startDate: string; status: DispatchStatus } | null;
  events: DispatchEventRow[];
  issue: RotationIssue | null;
  handover: { submittedAt: Date | null } | null;
  /** What the reader may do now; a refusal key says why an action is not possible today. */
  can: Record<DispatchAction, boolean>;
  refusals: Partial<Record<DispatchAction, string>>;
  today: string;
}

/** One dispatch for someone allowed to read it: dates, status, events, its neighbours on the post. */
export async function getDispatch(db: PrismaClient, scope: Scope, dispatchId: string, now = new Date()): Promise<DispatchDetail> {
  authorize(scope, "dispatch.read");
  if (typeof dispatchId !== "string" || dispatchId.length > 64) throw new AppError("notFound");
  const found = visibleOr(
    await db.dispatch.findFirst({
      where: { AND: [{ id: dispatchId }, dispatchWhere(scope)] },
      select: {
        ...boardSelect,
        serviceMonths: true,
        program: { select: { id: true, name: true, handoverOverlapDays: true, bureauId: true } },
        doctor: { select: { id: true, name: true, specialty: true, department: true, phone: true, employer: { select: { name: true } } } },
        predecessor: { select: { id: true, status: true, startDate: true, lastDay: true, predecessorId: true, doctor: { select: { name: true } } } },
        successor: { select: { id: true, status: true, startDate: true, lastDay: true, predecessorId: true, doctor: { select: { name: true } } } },
        events: { select: { id: true, kind: true, fromLastDay: true, toLastDay: true, effectiveOn: true, reason: true, at: true, actedBy: { select: { displayName: true } } }, orderBy: [{ at: "asc" }, { id: "asc" }] },
        handover: { select: { submittedAt: true } },
      },
    }),
  );
  const today = shanghaiDay(now);
  const row = rowOf(found);
  const mayManage = can(scope, "dispatch.manage", { organizationId: found.program.bureauId });
  const days = { status: found.status, startDate: row.startDate, lastDay: row.lastDay };
  const canDo = {} as Record<DispatchAction, boolean>;
  const refusals: Partial<Record<DispatchAction, string>> = {};
  for (const action of DISPATCH_ACTIONS) {
    const refusal = transitionRefusal(days, action, today);
    canDo[action] = mayManage && refusal === null;
    if (mayManage && refusal) refusals[action] = refusal;
  }
  const asRotation = (d: { id: string; status: DispatchStatus; startDate: Date; lastDay: Date; predecessorId: string | null }) => ({ id: d.id, status: d.status, startDate: isoDay(d.startDate), lastDay: isoDay(d.lastDay), predecessorId: d.predecessorId });
  const self = asRotation({ ...found, predecessorId: found.predecessorId });
  const issue = found.successor
    ? rotationIssues([self, asRotation(found.successor)], found.program.handoverOverlapDays, today)[0] ?? null
    : found.predecessor
      ? rotationIssues([asRotation(found.predecessor), self], found.program.handoverOverlapDays, today)[0] ?? null
      : null;
  return {
    ...row,
    serviceMonths: found.serviceMonths,
    doctor: { ...row.doctor, specialty: found.doctor.specialty, department: found.doctor.department, phone: found.doctor.phone },
    predecessor: found.predecessor ? { id: found.predecessor.id, doctorName: found.predecessor.doctor.name, lastDay: isoDay(found.predecessor.lastDay), status: found.predecessor.status } : null,
    successor: found.successor ? { id: found.successor.id, doctorName: found.successor.doctor.name, startDate: isoDay(found.successor.startDate), status: found.successor.status } : null,
    events: found.events.map((e) => ({
      id: e.id,
      kind: e.kind,
      fromLastDay: e.fromLastDay ? isoDay(e.fromLastDay) : null,
      toLastDay: e.toLastDay ? isoDay(e.toLastDay) : null,
      effectiveOn: e.effectiveOn ? isoDay(e.effectiveOn) : null,
      reason: e.reason,
      at: e.at,
      actedBy: e.actedBy.displayName,
    })),
    issue,
    handover: found.handover,
    can: canDo,
    refusals,
    today,
  };
}

export interface DispatchCandidate {
  applicationId: string;
  doctorName: string;
  employerName: string;
  post: { id: string; title: string; specialty: string; rotationBatch: number };
  receivingOrgName: string;
  /** Dispatches this one could succeed: same receiving unit and specialty, no successor yet. */
  predecessors: { id: string; doctorName: string; lastDay: string }[];
}

/** Approved applications of the programme on its confirmed lists, not dispatched yet, each with the predecessors it could follow. */
export async function dispatchCandidates(db: PrismaClient, scope: Scope, programId: string): Promise<{ program: { id: string; name: string; serviceMonths: number; bureauId: string }; candidates: DispatchCandidate[] }> {
  authorize(scope, "dispatch.manage");
  const program = visibleOr(await db.program.findFirst({ where: { AND: [{ id: programId }, programWhere(scope)] }, select: { id: true, name: true, serviceMonths: true, bureauId: true } }));
  authorize(scope, "dispatch.manage", { organizationId: program.bureauId });
  // From the confirmed lists only (the current version of each batch's list).
  const confirmed = [...(await confirmedApplicationIds(db, programId))];
  const apps = await db.application.findMany({
    where: { status: "APPROVED", dispatch: null, post: { programId }, id: { in: confirmed } },
    select: { id: true, doctor: { select: { name: true, employer: { select: { name: true } } } }, post: { select: { id: true, title: true, specialty: true, rotationBatch: true, receivingOrgId: true, receivingOrg: { select: { name: true } } } } },
    orderBy: [{ post: { rotationBatch: "asc" } }, { post: { title: "asc" } }, { doctor: { name: "asc" } }],
  });
  const open = await db.dispatch.findMany({
    where: { programId, status: { not: "CANCELLED" }, successor: null },
    select: { id: true, receivingOrgId: true, lastDay: true, post: { select: { specialty: true } }, doctor: { select: { name: true } } },
  });
  return {
    program,
    candidates: apps.map((a) => ({
      applicationId: a.id,
      doctorName: a.doctor.name,
      employerName: a.doctor.employer.name,
      post: { id: a.post.id, title: a.post.title, specialty: a.post.specialty, rotationBatch: a.post.rotationBatch },
      receivingOrgName: a.post.receivingOrg.name,
      predecessors: open
        .filter((d) => d.receivingOrgId === a.post.receivingOrgId && d.post.specialty === a.post.specialty)
        .map((d) => ({ id: d.id, doctorName: d.doctor.name, lastDay: isoDay(d.lastDay) })),
    })),
  };
}
