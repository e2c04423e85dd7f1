import "server-only";
import { dispatchScopeFilter, dispatchWhere, type Scope } from "../auth/policy";
import { isoDay } from "../domain/eligibility/calendar";
import { dayDate } from "../domain/service-period";
import { shanghaiDay } from "../domain/dispatch";
import { serviceClock } from "../domain/service-clock";
import { mondayOf, suggestedPeriod, type Period } from "../domain/work-log";
import { Prisma, type PrismaClient } from "../generated/prisma/client";
import { WORKLOAD_PAGE_SIZE, workloadDefaultSort, type WorkloadQuery } from "../schemas/work-logs";
import { visibleOr } from "./kit";
import { workLogSnapshotSelect } from "./work-logs";

// The read side of work logs: a dispatch's logs with its confirmed totals, the supervisor's queue,
// and the workload totals per programme, receiving unit or doctor. Totals are SQL aggregates over
// confirmed logs only (never summed in JavaScript; by way of WorkloadMonth, the confirmed sums per
// dispatch and month), scoped by the policy's dispatch filter.

const PAGE_SIZE = 50;

export interface WorkloadTotals {
  logs: number;
  outpatients: number;
  operations: number;
  caseDiscussions: number;
  juniorsMentored: number;
  lectures: number;
  newTechniques: number;
  newDepartments: number;
  freeClinics: number;
  donatedMedicineFen: number;
  teachingActions: number;
}

const ZERO: WorkloadTotals = { logs: 0, outpatients: 0, operations: 0, caseDiscussions: 0, juniorsMentored: 0, lectures: 0, newTechniques: 0, newDepartments: 0, freeClinics: 0, donatedMedicineFen: 0, teachingActions: 0 };
const TOTAL_KEYS = Object.keys(ZERO) as (keyof WorkloadTotals)[];

/**
 * The SQL sums of confirmed logs, over `m` (a WorkloadMonth alias): the table the WorkLog triggers
 * keep with each dispatch's confirmed sums by month (migration 20261207010000_workload_months), so a
 * total adds up months, not every log.
 */
const SUMS = Prisma.join(
  TOTAL_KEYS.map((k) => Prisma.sql`coalesce(sum(m.${Prisma.raw(`"${k}"`)}), 0)::int8 AS ${Prisma.raw(`"${k}"`)}`),
  ", ",
);

function totalsOf(row: Record<string, unknown>): WorkloadTotals {
  const totals = { ...ZERO };
  for (const key of TOTAL_KEYS) totals[key] = Number(row[key] ?? 0);
  return totals;
}

/** dispatchScopeFilter as a condition on `d` (Dispatch), `p` (Program) and `doc` (Doctor). */
export function scopeSql(scope: Scope): Prisma.Sql {
  const filter = dispatchScopeFilter(scope);
  switch (filter.column) {
    case "program.bureauId":
      return Prisma.sql`p."bureauId" = ANY(${filter.ids}::text[])`;
    case "doctor.employerId":
      return Prisma.sql`doc."employerId" = ANY(${filter.ids}::text[])`;
    case "receivingOrgId":
      return Prisma.sql`d."receivingOrgId" = ANY(${filter.ids}::text[])`;
    case "doctorId":
      return Prisma.sql`d."doctorId" = ANY(${filter.ids}::text[])`;
    default:
      return Prisma.sql`FALSE`;
  }
}

export interface WorkloadRow extends WorkloadTotals {
  id: string;
  name: string;
  /** For a doctor: the receiving unit (of their latest dispatch in the selection). */
  detail: string | null;
  dispatches: number;
  mentees: number;
  examsPassed: number;
}

export interface WorkloadPage {
  by: WorkloadQuery["by"];
  rows: WorkloadRow[];
  overall: WorkloadTotals & { dispatches: number; mentees: number; examsPassed: number };
  total: number;
  page: number;
  pageCount: number;
}

/**
 * Workload totals over confirmed logs, grouped by programme, receiving unit or doctor (50 a page,
 * most outpatients first for doctors, by name otherwise), with the overall line. Mentoring pairs and
 * exams passed come from MentoringPair. Everything is summed in SQL.
 */
export async function workloadTotals(db: PrismaClient, scope: Scope, query: Pick<WorkloadQuery, "by" | "page"> & Partial<Pick<WorkloadQuery, "programId" | "size" | "sort" | "dir">>): Promise<WorkloadPage> {
  const where = Prisma.sql`${scopeSql(scope)}${query.programId ? Prisma.sql` AND d."programId" = ${query.programId}` : Prisma.empty}`;
  const key = query.by === "program" ? Prisma.sql`p.id` : query.by === "receivingOrg" ? Prisma.sql`o.id` : Prisma.sql`doc.id`;
  const name = query.by === "program" ? Prisma.sql`p.name` : query.by === "receivingOrg" ? Prisma.sql`o.name` : Prisma.sql`doc.name`;
  const detail = query.by === "doctor" ? Prisma.sql`(array_agg(o.name ORDER BY d."startDate" DESC))[1]` : Prisma.sql`NULL::text`;
  // The chosen column (a whitelisted result column, so safe to name), then name and id: a stable order across pages.
  const fallback = workloadDefaultSort(query.by);
  const sortKey = query.sort ?? fallback.sort;
  const dir = (query.sort ? (query.dir ?? "asc") : fallback.dir) === "desc" ? "DESC" : "ASC";
  const order = Prisma.raw(`"${sortKey}" ${dir}, name, id`);
  const pageSize = query.size ?? WORKLOAD_PAGE_SIZE;
  const offset = (query.page - 1) * pageSize;

  // Per dispatch first (its confirmed logs and its mentoring pairs), then per group.
  const perDispatch = Prisma.sql`
    WITH d AS (
      SELECT d.id, d."programId", d."receivingOrgId", d."doctorId", d."startDate"
      FROM "Dispatch" d JOIN "Program" p ON p.id = d."programId" JOIN "Doctor" doc ON doc.id = d."doctorId"
      WHERE ${where}
    ), l AS (
      SELECT m."dispatchId", ${SUMS}
      FROM "WorkloadMonth" m JOIN d ON d.id = m."dispatchId"
      GROUP BY m."dispatchId"
    ), m AS (
      SELECT mp."dispatchId", count(*)::int AS mentees,
             count(*) FILTER (WHERE mp.outcome IN ('LICENCE_EXAM_PASSED', 'TITLE_EXAM_PASSED'))::int AS "examsPassed"
      FROM "MentoringPair" mp JOIN d ON d.id = mp."dispatchId"
      GROUP BY mp."dispatchId"
    )`;
  const groupSums = Prisma.join(
    [...TOTAL_KEYS.map((k) => Prisma.sql`coalesce(sum(l.${Prisma.raw(`"${k}"`)}), 0)::int8 AS ${Prisma.raw(`"${k}"`)}`), Prisma.sql`coalesce(sum(m.mentees), 0)::int8 AS mentees`, Prisma.sql`coalesce(sum(m."examsPassed"), 0)::int8 AS "examsPassed"`, Prisma.sql`count(d.id)::int8 AS dispatches`],
    ", ",
  );
  // The overall line rides on the page's query as window sums over every group (one pass over the
  // logs); only a page past the last group needs a query of its own for it.
  const overallSums = Prisma.join(
    [...TOTAL_KEYS.map((k) => Prisma.sql`sum(coalesce(sum(l.${Prisma.raw(`"${k}"`)}), 0)) OVER ()::int8 AS ${Prisma.raw(`"all_${k}"`)}`), Prisma.sql`sum(coalesce(sum(m.mentees), 0)) OVER ()::int8 AS "all_mentees"`, Prisma.sql`sum(coalesce(sum(m."examsPassed"), 0)) OVER ()::int8 AS "all_examsPassed"`, Prisma.sql`sum(count(d.id)) OVER ()::int8 AS "all_dispatches"`],
    ", ",
  );
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
      ${perDispatch}
      SELECT ${key} AS id, ${name} AS name, ${detail} AS detail, ${groupSums}, count(*) OVER ()::int AS "groupCount", ${overallSums}
      FROM d LEFT JOIN l ON l."dispatchId" = d.id LEFT JOIN m ON m."dispatchId" = d.id
      JOIN "Program" p ON p.id = d."programId" JOIN "Organization" o ON o.id = d."receivingOrgId" JOIN "Doctor" doc ON doc.id = d."doctorId"
      GROUP BY ${key}, ${name}
      ORDER BY ${order}
      LIMIT ${pageSize} OFFSET ${offset}`;
  const first = rows[0];
  const overallRows: Record<string, unknown>[] = first
    ? [Object.fromEntries([...Object.entries(first).filter(([k]) => k.startsWith("all_")).map(([k, v]) => [k.slice(4), v]), ["groupCount", first.groupCount]])]
    : query.page === 1
      ? []
      : await db.$queryRaw<Record<string, unknown>[]>`
      ${perDispatch}
      SELECT ${groupSums}, count(DISTINCT ${key})::int AS "groupCount"
      FROM d LEFT JOIN l ON l."dispatchId" = d.id LEFT JOIN m ON m."dispatchId" = d.id
      JOIN "Program" p ON p.id = d."programId" JOIN "Organization" o ON o.id = d."receivingOrgId" JOIN "Doctor" doc ON doc.id = d."doctorId"`;
  const o = overallRows[0] ?? {};
  const total = Number(o.groupCount ?? 0);
  return {
    by: query.by,
    rows: rows.map((r) => ({
      id: String(r.id),
      name: String(r.name),
      detail: r.detail === null || r.detail === undefined ? null : String(r.detail),
      dispatches: Number(r.dispatches),
      mentees: Number(r.mentees),
      examsPassed: Number(r.examsPassed),
      ...totalsOf(r),
    })),
    overall: { ...totalsOf(o), dispatches: Number(o.dispatches ?? 0), mentees: Number(o.mentees ?? 0), examsPassed: Number(o.examsPassed ?? 0) },
    total,
    page: query.page,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
  };
}

/** The confirmed totals of one dispatch (SQL sums). */
export async function dispatchTotals(db: PrismaClient, dispatchId: string): Promise<WorkloadTotals> {
  const [row] = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT ${SUMS} FROM "WorkloadMonth" m WHERE m."dispatchId" = ${dispatchId}`;
  return totalsOf(row ?? {});
}

const dispatchHeaderSelect = {
  id: true,
  status: true,
  startDate: true,
  plannedLastDay: true,
  lastDay: true,
  doctorId: true,
  actingPosition: true,
  doctor: { select: { name: true } },
  receivingOrg: { select: { name: true } },
  program: { select: { id: true, name: true } },
  post: { select: { title: true } },
} as const satisfies Prisma.DispatchSelect;

/** A dispatch's logs (newest first), its confirmed totals, this week's suggested period and what the caller may do. */
export async function dispatchLogs(db: PrismaClient, scope: Scope, dispatchId: string, now = new Date()) {
  const dispatch = visibleOr(await db.dispatch.findFirst({ where: { AND: [{ id: dispatchId }, dispatchWhere(scope)] }, select: dispatchHeaderSelect }));
  const [logs, totals] = await Promise.all([
    db.workLog.findMany({ where: { dispatchId }, select: workLogSnapshotSelect, orderBy: { periodStart: "desc" } }),
    dispatchTotals(db, dispatchId),
  ]);
  const today = shanghaiDay(now);
  const span: Period = { first: isoDay(dispatch.startDate), last: isoDay(dispatch.lastDay) };
  const isOwn = scope.user.role === "DOCTOR" && dispatch.doctorId === scope.user.doctorId;
  const canFile = isOwn && ["ACTIVE", "COMPLETED", "TERMINATED"].includes(dispatch.status);
  const periods = logs.map((l) => ({ first: isoDay(l.periodStart), last: isoDay(l.periodEnd) }));
  return {
    dispatch,
    logs,
    totals,
    today,
    suggested: canFile ? suggestedPeriod(today, span, periods) : null,
    can: { file: canFile, review: scope.user.role === "RECEIVING_SUPERVISOR" },
  };
}

/** The supervisor's queue: logs waiting for confirmation at their unit, oldest period first, 50 a page. */
export async function pendingLogs(db: PrismaClient, scope: Scope, page = 1) {
  const where: Prisma.WorkLogWhereInput = { status: "SUBMITTED", dispatch: dispatchWhere(scope) };
  const [rows, total] = await Promise.all([
    db.workLog.findMany({
      where,
      select: { ...workLogSnapshotSelect, dispatch: { select: { id: true, doctor: { select: { name: true } }, post: { select: { title: true } }, receivingOrg: { select: { name: true } } } } },
      orderBy: [{ periodStart: "asc" }, { id: "asc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
    }),
    db.workLog.count({ where }),
  ]);
  return { rows, total, page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

/** The doctor's workspace: the dispatch now (or the next, or the last), its clock, this week's log, leave, hand-over and what waits on them. */
export async function serviceWorkspace(db: PrismaClient, scope: Scope, now = new Date()) {
  const today = shanghaiDay(now);
  const todayDate = dayDate(today);
  // The workspace is the doctor's own: other roles' dispatchWhere reaches other doctors' dispatches.
  if (scope.user.role !== "DOCTOR" || !scope.user.doctorId) return { today, dispatch: null } as const;
  const mine: Prisma.DispatchWhereInput = { AND: [dispatchWhere(scope), { doctorId: scope.user.doctorId }] };
  const dispatch =
    (await db.dispatch.findFirst({ where: { AND: [mine, { status: "ACTIVE" }] }, select: dispatchHeaderSelect, orderBy: { startDate: "desc" } })) ??
    (await db.dispatch.findFirst({ where: { AND: [mine, { status: "PLANNED" }] }, select: dispatchHeaderSelect, orderBy: { startDate: "asc" } })) ??
    (await db.dispatch.findFirst({ where: { AND: [mine, { status: { not: "CANCELLED" } }] }, select: dispatchHeaderSelect, orderBy: { startDate: "desc" } }));
  if (!dispatch) return { today, dispatch: null } as const;
  const span: Period = { first: isoDay(dispatch.startDate), last: isoDay(dispatch.lastDay) };
  const weekStart = dayDate(mondayOf(today));
  const [weekLogs, returned, leave, handover, totals, periods, allLeave, attendance, program] = await Promise.all([
    db.workLog.findMany({ where: { dispatchId: dispatch.id, periodEnd: { gte: weekStart }, periodStart: { lte: todayDate } }, select: workLogSnapshotSelect, orderBy: { periodStart: "asc" } }),
    db.workLog.findMany({ where: { dispatchId: dispatch.id, status: "RETURNED" }, select: { id: true, periodStart: true, periodEnd: true, reviewComment: true }, orderBy: { periodStart: "asc" } }),
    db.leaveRequest.findMany({ where: { dispatchId: dispatch.id }, select: { id: true, kind: true, startDate: true, endDate: true, days: true, status: true }, orderBy: { startDate: "desc" }, take: 3 }),
    db.handoverPacket.findUnique({ where: { dispatchId: dispatch.id }, select: { submittedAt: true, updatedAt: true } }),
    dispatchTotals(db, dispatch.id),
    db.workLog.findMany({ where: { dispatchId: dispatch.id }, select: { periodStart: true, periodEnd: true } }),
    db.leaveRequest.findMany({ where: { dispatchId: dispatch.id }, select: { startDate: true, endDate: true, status: true, extendsService: true } }),
    db.attendanceCheck.findMany({ where: { dispatchId: dispatch.id }, select: { startDate: true, endDate: true, isPresent: true } }),
    db.program.findUniqueOrThrow({ where: { id: dispatch.program.id }, select: { absenceLimit: true } }),
  ]);
  const canFile = ["ACTIVE", "COMPLETED", "TERMINATED"].includes(dispatch.status);
  const suggested = canFile ? suggestedPeriod(today, span, periods.map((l) => ({ first: isoDay(l.periodStart), last: isoDay(l.periodEnd) }))) : null;
  // Days served and left come from the service clock (lib/domain/service-clock.ts), the one place that counts them.
  const clock = serviceClock({ dispatch, leaves: allLeave, attendance, absenceLimit: program.absenceLimit, today });
  return { today, dispatch, clock, weekLogs, returned, leave, handover, totals, suggested } as const;
}

/** The receiving unit: who is here now, who is coming and when, and what waits for it to confirm. */
export async function receivingView(db: PrismaClient, scope: Scope, now = new Date()) {
  const today = shanghaiDay(now);
  const todayDate = dayDate(today);
  const mine = dispatchWhere(scope);
  const select = { ...dispatchHeaderSelect, _count: { select: { workLogs: { where: { status: "SUBMITTED" } }, leaveRequests: { where: { status: "PENDING_SUPERVISOR" } } } } } as const satisfies Prisma.DispatchSelect;
  const [here, coming, logsWaiting, leaveWaiting] = await Promise.all([
    db.dispatch.findMany({ where: { AND: [mine, { status: "ACTIVE", startDate: { lte: todayDate }, lastDay: { gte: todayDate } }] }, select, orderBy: [{ lastDay: "asc" }, { id: "asc" }], take: 200 }),
    db.dispatch.findMany({ where: { AND: [mine, { status: { in: ["PLANNED", "ACTIVE"] }, startDate: { gt: todayDate } }] }, select, orderBy: [{ startDate: "asc" }, { id: "asc" }], take: 200 }),
    db.workLog.count({ where: { status: "SUBMITTED", dispatch: mine } }),
    db.leaveRequest.count({ where: { status: "PENDING_SUPERVISOR", dispatch: mine } }),
  ]);
  return { today, here, coming, logsWaiting, leaveWaiting };
}
