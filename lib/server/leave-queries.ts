import "server-only";
import { authorize, can, dispatchWhere, leaveWaitingWhere, type Scope } from "../auth/policy";
import { shanghaiDay } from "../domain/dispatch";
import { isoDay } from "../domain/eligibility/calendar";
import { serviceClock, type ServiceClock } from "../domain/service-clock";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { LEAVE_DEFAULT_SORT, type LEAVE_SORT_KEYS, type LeaveQueueQuery } from "../schemas/leave";
import { orderOf, pageArgs, toPage, type SortDir } from "../schemas/list-query";
import { attendanceSelect, attendanceView, mayRecordAttendance, type AttendanceView } from "./attendance";
import { visibleOr } from "./kit";
import { leaveSelect, leaveView, type LeaveView } from "./leave";

// The read side of leave and attendance: a dispatch's service clock, its leave with what the caller
// may do with each, its attendance record, and the leave waiting on the caller (the receiving
// supervisor's and the bureau's queues, oldest first). Every query goes through dispatchWhere.

const dispatchHeadSelect = {
  id: true,
  doctorId: true,
  receivingOrgId: true,
  status: true,
  startDate: true,
  plannedLastDay: true,
  lastDay: true,
  serviceMonths: true,
  version: true,
  doctor: { select: { name: true } },
  receivingOrg: { select: { name: true } },
  post: { select: { title: true } },
  program: { select: { id: true, name: true, bureauId: true, leaveFilingThresholdDays: true, absenceLimit: true, homeLeavesPerYear: true, spouseVisitsMax: true, spouseVisitMaxMonths: true } },
} as const satisfies Prisma.DispatchSelect;

type DispatchHeadRow = Prisma.DispatchGetPayload<{ select: typeof dispatchHeadSelect }>;

export interface DispatchHead extends Omit<DispatchHeadRow, "startDate" | "plannedLastDay" | "lastDay"> {
  startDate: string;
  plannedLastDay: string;
  lastDay: string;
}

async function visibleDispatch(db: PrismaClient, scope: Scope, dispatchId: string): Promise<DispatchHead> {
  authorize(scope, "dispatch.read");
  const row = visibleOr(await db.dispatch.findFirst({ where: { AND: [{ id: dispatchId }, dispatchWhere(scope)] }, select: dispatchHeadSelect }));
  return { ...row, startDate: isoDay(row.startDate), plannedLastDay: isoDay(row.plannedLastDay), lastDay: isoDay(row.lastDay) };
}

/** The clock of a dispatch as of `now` (its day in Asia/Shanghai). */
async function clockOf(db: PrismaClient, head: DispatchHead, now: Date): Promise<ServiceClock> {
  const [leaves, attendance] = await Promise.all([
    db.leaveRequest.findMany({ where: { dispatchId: head.id }, select: { kind: true, startDate: true, endDate: true, status: true, extendsService: true } }),
    db.attendanceCheck.findMany({ where: { dispatchId: head.id }, select: { startDate: true, endDate: true, isPresent: true } }),
  ]);
  return serviceClock({ dispatch: head, leaves, attendance, absenceLimit: head.program.absenceLimit, today: shanghaiDay(now) });
}

export interface DispatchServiceClock extends ServiceClock {
  dispatchId: string;
}

/** A dispatch's service clock, for whoever may see the dispatch. */
export async function dispatchServiceClock(db: PrismaClient, scope: Scope, dispatchId: string, now = new Date()): Promise<DispatchServiceClock> {
  const head = await visibleDispatch(db, scope, dispatchId);
  return { dispatchId: head.id, ...(await clockOf(db, head, now)) };
}

export interface LeaveItem extends LeaveView {
  /** The certificates attached (a sick note…), oldest first; their bytes at /api/v1/attachments/{id}. */
  attachments: { id: string; fileName: string; sizeBytes: number }[];
  can: { approve: boolean; cancel: boolean; attach: boolean };
}

export interface DispatchLeave {
  dispatch: DispatchHead;
  clock: ServiceClock;
  leaves: LeaveItem[];
  can: { file: boolean; recordAttendance: boolean };
}

function leaveCan(scope: Scope, head: DispatchHead, leave: LeaveView): LeaveItem["can"] {
  const approve =
    (leave.status === "PENDING_SUPERVISOR" && can(scope, "service.supervise", { organizationId: head.receivingOrgId })) ||
    (leave.status === "PENDING_BUREAU" && can(scope, "service.oversee", { organizationId: head.program.bureauId }));
  const isOwn = can(scope, "service.file") && scope.user.doctorId === head.doctorId;
  const cancel = (leave.status === "PENDING_SUPERVISOR" || leave.status === "PENDING_BUREAU") && isOwn;
  const attach = isOwn && (leave.status === "PENDING_SUPERVISOR" || leave.status === "PENDING_BUREAU" || leave.status === "APPROVED");
  return { approve, cancel, attach };
}

/** A dispatch's leave, newest first, with its clock and what the caller may do. */
export async function dispatchLeave(db: PrismaClient, scope: Scope, dispatchId: string, now = new Date()): Promise<DispatchLeave> {
  const head = await visibleDispatch(db, scope, dispatchId);
  const rows = await db.leaveRequest.findMany({
    where: { dispatchId: head.id },
    select: { ...leaveSelect, attachments: { select: { id: true, fileName: true, sizeBytes: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] } },
    orderBy: [{ startDate: "desc" }, { filedAt: "desc" }],
  });
  const leaves = rows.map(({ attachments, ...r }) => {
    const view = leaveView(r);
    return { ...view, attachments, can: leaveCan(scope, head, view) };
  });
  return {
    dispatch: head,
    clock: await clockOf(db, head, now),
    leaves,
    can: {
      file: can(scope, "service.file") && scope.user.doctorId === head.doctorId && (head.status === "PLANNED" || head.status === "ACTIVE"),
      recordAttendance: mayRecordAttendance(scope, head) && head.status !== "PLANNED" && head.status !== "CANCELLED",
    },
  };
}

export interface DispatchAttendance {
  dispatch: DispatchHead;
  clock: ServiceClock;
  checks: AttendanceView[];
  can: { record: boolean };
}

/** A dispatch's attendance record (newest first) and its clock. */
export async function dispatchAttendance(db: PrismaClient, scope: Scope, dispatchId: string, now = new Date()): Promise<DispatchAttendance> {
  const head = await visibleDispatch(db, scope, dispatchId);
  const rows = await db.attendanceCheck.findMany({ where: { dispatchId: head.id }, select: attendanceSelect, orderBy: [{ startDate: "desc" }, { recordedAt: "desc" }] });
  return {
    dispatch: head,
    clock: await clockOf(db, head, now),
    checks: rows.map(attendanceView),
    can: { record: mayRecordAttendance(scope, head) && head.status !== "PLANNED" && head.status !== "CANCELLED" },
  };
}

export interface QueueItem extends LeaveView {
  doctorName: string;
  receivingOrgName: string;
  postTitle: string;
  programName: string;
  step: "supervisor" | "bureau";
}

export interface LeaveQueue {
  items: QueueItem[];
  /** How many wait in all, and the page shown of them. */
  total: number;
  page: number;
  pageCount: number;
}

const queueOrders: Record<(typeof LEAVE_SORT_KEYS)[number], (dir: SortDir) => Prisma.LeaveRequestOrderByWithRelationInput[]> = {
  filedAt: (dir) => [{ filedAt: dir }],
  doctor: (dir) => [{ dispatch: { doctor: { name: dir } } }],
  startDate: (dir) => [{ startDate: dir }],
  days: (dir) => [{ days: dir }],
  status: (dir) => [{ status: dir }],
};

/** Leave waiting on the caller: the receiving supervisor's first step, the bureau's second; oldest first unless sorted, paged in SQL. */
export async function leaveQueue(db: PrismaClient, scope: Scope, query: LeaveQueueQuery = { page: 1 }): Promise<LeaveQueue> {
  authorize(scope, "dispatch.read");
  const where = leaveWaitingWhere(scope);
  if (!where) return { items: [], total: 0, page: 1, pageCount: 1 };
  const [rows, total] = await Promise.all([
    db.leaveRequest.findMany({
      where,
      select: { ...leaveSelect, dispatch: { select: { doctor: { select: { name: true } }, receivingOrg: { select: { name: true } }, post: { select: { title: true } }, program: { select: { name: true } } } } },
      orderBy: orderOf(queueOrders, query, LEAVE_DEFAULT_SORT, [{ filedAt: "asc" }, { id: "asc" }]),
      ...pageArgs(query),
    }),
    db.leaveRequest.count({ where }),
  ]);
  const { page, pageCount } = toPage([], total, query);
  return {
    total,
    page,
    pageCount,
    items: rows.map(({ dispatch, ...r }) => ({
      ...leaveView(r),
      doctorName: dispatch.doctor.name,
      receivingOrgName: dispatch.receivingOrg.name,
      postTitle: dispatch.post.title,
      programName: dispatch.program.name,
      step: r.status === "PENDING_SUPERVISOR" ? "supervisor" : "bureau",
    })),
  };
}

export interface OwnDispatch {
  id: string;
  programName: string;
  receivingOrgName: string;
  postTitle: string;
  startDate: string;
  lastDay: string;
  status: string;
  pendingLeave: number;
}

/** A doctor's own dispatches (newest first), for their way into their leave and attendance. */
export async function ownDispatches(db: PrismaClient, scope: Scope): Promise<OwnDispatch[]> {
  authorize(scope, "dispatch.read");
  if (scope.user.role !== "DOCTOR" || !scope.user.doctorId) return [];
  const rows = await db.dispatch.findMany({
    where: { AND: [{ doctorId: scope.user.doctorId }, dispatchWhere(scope), { status: { not: "CANCELLED" } }] },
    select: {
      id: true,
      startDate: true,
      lastDay: true,
      status: true,
      program: { select: { name: true } },
      receivingOrg: { select: { name: true } },
      post: { select: { title: true } },
      _count: { select: { leaveRequests: { where: { status: { in: ["PENDING_SUPERVISOR", "PENDING_BUREAU"] } } } } },
    },
    orderBy: { startDate: "desc" },
    take: 20,
  });
  return rows.map((r) => ({
    id: r.id,
    programName: r.program.name,
    receivingOrgName: r.receivingOrg.name,
    postTitle: r.post.title,
    startDate: isoDay(r.startDate),
    lastDay: isoDay(r.lastDay),
    status: r.status,
    pendingLeave: r._count.leaveRequests,
  }));
}
