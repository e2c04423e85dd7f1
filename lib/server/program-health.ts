import "server-only";
import { authorize, programHealthBureauIds, programWhere, type Scope } from "../auth/policy";
import { RATIO_STAGES, ratioStanding, secondsToDays, type RatioStanding, type WaitingOn } from "../domain/program-health";
import { stageCap, stageOrder } from "../domain/vetting";
import { AppError } from "../errors";
import { Prisma, type PrismaClient } from "../generated/prisma/client";
import type { StageKind } from "../generated/prisma/enums";
import { quotaProgressPage } from "./application-queries";

// Programme health for the bureau (issue 16): how a programme is going, in figures. Every figure is
// a SQL aggregate (GROUP BY, GROUPING SETS, window functions) over the one programme, which must be
// one the caller's bureau may read ("program.health" and programWhere; the SQL repeats the policy's
// bureau filter, programHealthBureauIds). Nothing is counted in JavaScript; rows are only mapped.

export interface HealthPost {
  postId: string;
  title: string;
  receivingOrg: string;
  rotationBatch: number;
  headcount: number;
  applications: number;
  approved: number;
  dispatched: number;
}

export interface HealthStageCount {
  /** Null on the stage's total line over all posts (GROUPING SETS). */
  postId: string | null;
  postTitle: string | null;
  stage: StageKind;
  pendingEndorsement: number;
  inProgress: number;
  ended: number;
  approved: number;
}

export interface HealthRatio {
  postId: string;
  postTitle: string;
  stage: StageKind;
  ratio: number;
  headcount: number;
  cap: number | null;
  passed: number;
  standing: RatioStanding;
}

export interface HealthQuota {
  postTitle: string;
  unitName: string;
  minimum: number;
  nominated: number;
  state: string;
}

export interface HealthDuration {
  stage: StageKind;
  waitingOn: WaitingOn;
  waitingNow: number;
  avgWaitDays: number | null;
  longestWaitDays: number | null;
  decided: number;
  avgDecisionDays: number | null;
  longestDecisionDays: number | null;
}

export interface HealthDispatch {
  dispatchId: string;
  doctorName: string;
  dispatchingUnit: string;
  receivingOrg: string;
  postTitle: string;
  startDate: string;
  lastDay: string;
  status: string;
}

export interface HealthLeave {
  dispatchId: string;
  doctorName: string;
  receivingOrg: string;
  homeLeaveDays: number;
  spouseVisitDays: number;
  sickDays: number;
  personalDays: number;
  pendingRequests: number;
  absences: number;
}

export interface HealthWorkloadMonth {
  month: string;
  logs: number;
  outpatients: number;
  operations: number;
  lectures: number;
  newTechniques: number;
  newDepartments: number;
  traineesHosted: number;
  juniorsMentored: number;
  examsPassed: number;
}

export interface HealthAllowanceMonth {
  month: string;
  dispatchingUnitFen: number;
  bureauFinanceFen: number;
  fundPoolFen: number;
  dueFen: number;
  paidFen: number;
}

export interface HealthGrades {
  year: number;
  excellent: number;
  competent: number;
  basicallyCompetent: number;
  incompetent: number;
  notGraded: number;
  notAssessed: number;
}

/** The tables that grow with the programme (a row per post, per post and stage, per unit, per dispatch): the page shows them a page at a time. */
export const HEALTH_PAGED_TABLES = ["posts", "stages", "ratios", "quotas", "dispatches", "leave"] as const;
export type HealthPagedTable = (typeof HEALTH_PAGED_TABLES)[number];
/** Rows of a paged table (and bars of its chart) on one page. */
export const HEALTH_PAGE_SIZE = 15;
/** Which page of each paged table to read (1 where absent). */
export type HealthPages = Partial<Record<HealthPagedTable, number>>;
export interface HealthPage {
  page: number;
  pageCount: number;
  /** Rows of the whole table (the Excel export holds them all). */
  total: number;
}

export interface ProgramHealth {
  program: { id: string; name: string; year: number; status: string };
  /** Present when read a page at a time (the page): where each paged table stands. Absent, every table holds all its rows (the API, the exports). */
  pages?: Record<HealthPagedTable, HealthPage>;
  posts: HealthPost[];
  stageCounts: HealthStageCount[];
  ratios: HealthRatio[];
  quotas: HealthQuota[];
  durations: HealthDuration[];
  dispatches: HealthDispatch[];
  leave: HealthLeave[];
  workload: { months: HealthWorkloadMonth[]; total: HealthWorkloadMonth | null };
  allowances: HealthAllowanceMonth[];
  grades: HealthGrades[];
}

const n = (v: unknown) => Number(v ?? 0);

/** LIMIT/OFFSET of a page (nothing: every row). */
type Window = { take: number; skip: number } | null;
const limit = (w: Window) => (w ? Prisma.sql`LIMIT ${w.take} OFFSET ${w.skip}` : Prisma.empty);

/**
 * One paged table's rows: `run` reads one window in SQL and each row carries the table's size
 * (`count(*) OVER ()`, "rowCount"). A page past the end reads the first page again.
 */
async function paged<T>(page: number | undefined, run: (w: Window) => Promise<{ rows: T[]; total: number | null }>): Promise<{ rows: T[]; page: HealthPage | null }> {
  if (page === undefined) return { rows: (await run(null)).rows, page: null };
  const at = async (p: number) => ({ p, ...(await run({ take: HEALTH_PAGE_SIZE, skip: (p - 1) * HEALTH_PAGE_SIZE })) });
  let result = await at(page);
  if (result.rows.length === 0 && page > 1) result = await at(1);
  const total = result.total ?? result.rows.length;
  return { rows: result.rows, page: { page: result.p, pageCount: Math.max(1, Math.ceil(total / HEALTH_PAGE_SIZE)), total } };
}

/** The table's size from the first row's window count. */
const rowCount = (rows: Record<string, unknown>[]) => (rows.length > 0 ? n(rows[0]!.rowCount) : 0);
const nullableNumber = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** The programme, if the caller's bureau may read its health; otherwise notFound (out of scope) or forbidden (the role). */
async function healthProgram(db: PrismaClient, scope: Scope, programId: string) {
  authorize(scope, "program.health");
  const program = await db.program.findFirst({
    where: { AND: [{ id: programId }, programWhere(scope)] },
    select: { id: true, name: true, year: true, status: true, bureauId: true, stages: { select: { kind: true, sequence: true, ratio: true }, orderBy: { sequence: "asc" } } },
  });
  if (!program) throw new AppError("notFound");
  authorize(scope, "program.health", { organizationId: program.bureauId });
  return program;
}

/**
 * The programme's health, as of `now` (waits still running are counted up to it). With `pages`
 * (the page), the tables that grow with the programme are read a page at a time in SQL
 * (HEALTH_PAGE_SIZE rows, LIMIT/OFFSET); without, every row (the API and the exports).
 */
export async function programHealth(db: PrismaClient, scope: Scope, programId: string, now = new Date(), pages?: HealthPages): Promise<ProgramHealth> {
  const program = await healthProgram(db, scope, programId);
  // The programme, within the bureaus the policy lets the caller read (alias p).
  const inProgram = Prisma.sql`p.id = ${program.id} AND p."bureauId" = ANY(${programHealthBureauIds(scope)}::text[])`;
  const order = stageOrder(program.stages);
  const pageOf = (table: HealthPagedTable) => (pages ? (pages[table] ?? 1) : undefined);

  const [posts, stageTotals, stageCounts, ratios, quotas, durations, service] = await Promise.all([
    paged(pageOf("posts"), (w) => postsFilled(db, inProgram, w)),
    stageTotalsOf(db, inProgram, order),
    paged(pageOf("stages"), (w) => applicationsPerStage(db, inProgram, order, w)),
    paged(pageOf("ratios"), (w) => ratioCompliance(db, inProgram, program.stages, order, w)),
    paged(pageOf("quotas"), (w) => quotaProgressPage(db, scope, program.id, now, w)),
    stageDurations(db, inProgram, order, now),
    serviceFigures(db, inProgram, pageOf("dispatches"), pageOf("leave")),
  ]);
  const { dispatchesPage, leavePage, ...figures } = service;
  return {
    program: { id: program.id, name: program.name, year: program.year, status: program.status },
    ...(pages
      ? { pages: { posts: posts.page!, stages: stageCounts.page!, ratios: ratios.page!, quotas: quotas.page!, dispatches: dispatchesPage!, leave: leavePage! } }
      : {}),
    posts: posts.rows,
    stageCounts: [...stageTotals, ...stageCounts.rows],
    ratios: ratios.rows,
    quotas: quotas.rows.map((q) => ({ postTitle: q.postTitle, unitName: q.unitName, minimum: q.minimum, nominated: q.nominated, state: q.state })),
    durations,
    ...figures,
  };
}

/** Per post: headcount, applications, appointees (approved) and dispatches not cancelled. */
async function postsFilled(db: PrismaClient, inProgram: Prisma.Sql, w: Window) {
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT po.id, po.title, o.name AS "receivingOrg", po."rotationBatch", po.headcount,
           coalesce(sum(a.n), 0)::int AS applications,
           coalesce(sum(a.n) FILTER (WHERE a.status = 'APPROVED'), 0)::int AS approved,
           (SELECT count(*) FROM "Dispatch" d WHERE d."postId" = po.id AND d.status <> 'CANCELLED')::int AS dispatched,
           count(*) OVER ()::int AS "rowCount"
    FROM "Post" po
    JOIN "Program" p ON p.id = po."programId"
    JOIN "Organization" o ON o.id = po."receivingOrgId"
    LEFT JOIN "ApplicationTally" a ON a."postId" = po.id
    WHERE ${inProgram}
    GROUP BY po.id, o.name
    ORDER BY po."rotationBatch", po.title, po.id
    ${limit(w)}`;
  return {
    total: rowCount(rows),
    rows: rows.map(
      (r): HealthPost => ({
        postId: String(r.id),
        title: String(r.title),
        receivingOrg: String(r.receivingOrg),
        rotationBatch: n(r.rotationBatch),
        headcount: n(r.headcount),
        applications: n(r.applications),
        approved: n(r.approved),
        dispatched: n(r.dispatched),
      }),
    ),
  };
}

const stageCount = (r: Record<string, unknown>): HealthStageCount => ({
  postId: r.postId === null || r.postId === undefined ? null : String(r.postId),
  postTitle: r.postId === null || r.postId === undefined ? null : String(r.postTitle),
  stage: String(r.stage) as StageKind,
  pendingEndorsement: n(r.pendingEndorsement),
  inProgress: n(r.inProgress),
  ended: n(r.ended),
  approved: n(r.approved),
});

/** Where applications stand: the counts of one group (a stage, or a post's stage), summed from "ApplicationTally" (alias a). */
const STAGE_COUNTS = Prisma.sql`
  coalesce(sum(a.n) FILTER (WHERE a.status = 'PENDING_ENDORSEMENT'), 0)::int AS "pendingEndorsement",
  coalesce(sum(a.n) FILTER (WHERE a.status = 'IN_PROGRESS'), 0)::int AS "inProgress",
  coalesce(sum(a.n) FILTER (WHERE a.status IN ('REJECTED', 'WITHDRAWN')), 0)::int AS ended,
  coalesce(sum(a.n) FILTER (WHERE a.status = 'APPROVED'), 0)::int AS approved`;
/** A stage's place in the programme's order (stages it no longer holds last). */
const stageRank = (order: StageKind[]) => Prisma.sql`coalesce(array_position(${order}::text[], a."currentStage"::text), 1000)`;

/** Applications per stage over all posts (the chart, and the first lines of the table on every page), in the programme's order. */
async function stageTotalsOf(db: PrismaClient, inProgram: Prisma.Sql, order: StageKind[]): Promise<HealthStageCount[]> {
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT a."currentStage"::text AS stage, ${STAGE_COUNTS}
    FROM "ApplicationTally" a
    JOIN "Post" po ON po.id = a."postId"
    JOIN "Program" p ON p.id = po."programId"
    WHERE ${inProgram}
    GROUP BY a."currentStage"
    ORDER BY min(${stageRank(order)}), 1`;
  return rows.map(stageCount);
}

/** Applications per post per stage (where each stands now): posts in their order, stages in the programme's within each. */
async function applicationsPerStage(db: PrismaClient, inProgram: Prisma.Sql, order: StageKind[], w: Window) {
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT a."postId", min(po.title) AS "postTitle", a."currentStage"::text AS stage, ${STAGE_COUNTS},
           count(*) OVER ()::int AS "rowCount"
    FROM "ApplicationTally" a
    JOIN "Post" po ON po.id = a."postId"
    JOIN "Program" p ON p.id = po."programId"
    WHERE ${inProgram}
    GROUP BY a."postId", a."currentStage"
    ORDER BY min(po."rotationBatch"), min(po.title), a."postId", min(${stageRank(order)}), 3
    ${limit(w)}`;
  return { total: rowCount(rows), rows: rows.map(stageCount) };
}

/**
 * Per post, at the shortlist and report stages (each post's lines together): how many passed
 * (lib/domain/vetting's hasPassed, as SQL: approved, or still in the running at a later stage of
 * the programme's order) against the cap (stageCap).
 */
async function ratioCompliance(db: PrismaClient, inProgram: Prisma.Sql, stages: { kind: StageKind; ratio: number | null }[], order: StageKind[], w: Window) {
  const checked = stages.filter((s) => (RATIO_STAGES as readonly StageKind[]).includes(s.kind) && s.ratio);
  if (checked.length === 0) return { total: 0, rows: [] };
  const kinds = checked.map((s) => s.kind);
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT po.id, po.title, po.headcount, s.kind AS stage,
           coalesce(sum(a.n) FILTER (WHERE a.status = 'APPROVED' OR (a.status = 'IN_PROGRESS' AND array_position(${order}::text[], a."currentStage"::text) > array_position(${order}::text[], s.kind))), 0)::int AS passed,
           count(*) OVER ()::int AS "rowCount"
    FROM "Post" po
    JOIN "Program" p ON p.id = po."programId"
    CROSS JOIN unnest(${kinds}::text[]) WITH ORDINALITY AS s(kind, n)
    LEFT JOIN "ApplicationTally" a ON a."postId" = po.id
    WHERE ${inProgram}
    GROUP BY po.id, s.kind, s.n
    ORDER BY po."rotationBatch", po.title, po.id, s.n
    ${limit(w)}`;
  return {
    total: rowCount(rows),
    rows: rows.map((r): HealthRatio => {
      const stage = checked.find((s) => s.kind === r.stage)!;
      const cap = stageCap(stage, n(r.headcount));
      return { postId: String(r.id), postTitle: String(r.title), stage: stage.kind, ratio: stage.ratio ?? 0, headcount: n(r.headcount), cap, passed: n(r.passed), standing: ratioStanding(cap, n(r.passed)) };
    }),
  };
}

/**
 * How long applications wait in each stage, and on whom: decided waits run from the previous
 * decision or the submission to the decision, summed per programme and stage as decisions are
 * recorded ("StageWait", kept by a trigger on StageDecision, migration 20261209001000_stage_waits);
 * open waits from the last decision ("Application"."lastDecidedAt", kept by the same trigger) or the
 * submission to `now`. An application awaiting endorsement waits on its nominating unit; one under
 * way, on the programme's bureau; a registration decision is the unit's.
 */
async function stageDurations(db: PrismaClient, inProgram: Prisma.Sql, order: StageKind[], now: Date): Promise<HealthDuration[]> {
  const rank = (s: StageKind) => (order.includes(s) ? order.indexOf(s) : order.length);
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    WITH decided AS (
      SELECT w.stage::text AS stage, CASE WHEN w.stage = 'REGISTRATION' THEN 'unit' ELSE 'bureau' END AS "waitingOn",
             w.decided, w."totalSeconds" / nullif(w.decided, 0) AS "avgDecision", w."longestSeconds" AS "longestDecision"
      FROM "StageWait" w JOIN "Program" p ON p.id = w."programId"
      WHERE ${inProgram}
    ), open AS (
      SELECT a."currentStage"::text AS stage, CASE WHEN a.status = 'PENDING_ENDORSEMENT' THEN 'unit' ELSE 'bureau' END AS "waitingOn",
             count(*)::int AS "waitingNow",
             avg(extract(epoch FROM ${now}::timestamptz - coalesce(a."lastDecidedAt", a."submittedAt", a."createdAt")))::float8 AS "avgWait",
             max(extract(epoch FROM ${now}::timestamptz - coalesce(a."lastDecidedAt", a."submittedAt", a."createdAt")))::float8 AS "longestWait"
      FROM "Application" a JOIN "Program" p ON p.id = a."programId"
      WHERE ${inProgram} AND a.status IN ('PENDING_ENDORSEMENT', 'IN_PROGRESS')
      GROUP BY 1, 2
    )
    SELECT coalesce(o.stage, d.stage) AS stage, coalesce(o."waitingOn", d."waitingOn") AS "waitingOn",
           coalesce(o."waitingNow", 0) AS "waitingNow", o."avgWait", o."longestWait",
           coalesce(d.decided, 0) AS decided, d."avgDecision", d."longestDecision"
    FROM open o FULL JOIN decided d ON d.stage = o.stage AND d."waitingOn" = o."waitingOn"
    ORDER BY 1, 2`;
  const mapped = rows.map((r) => ({
    stage: String(r.stage) as StageKind,
    waitingOn: String(r.waitingOn) as WaitingOn,
    waitingNow: n(r.waitingNow),
    avgWaitDays: secondsToDays(nullableNumber(r.avgWait)),
    longestWaitDays: secondsToDays(nullableNumber(r.longestWait)),
    decided: n(r.decided),
    avgDecisionDays: secondsToDays(nullableNumber(r.avgDecision)),
    longestDecisionDays: secondsToDays(nullableNumber(r.longestDecision)),
  }));
  return mapped.sort((a, b) => rank(a.stage) - rank(b.stage) || a.waitingOn.localeCompare(b.waitingOn));
}

const dayText = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v));

/** Who serves where, leave and absences, confirmed workload by month (WorkloadMonth: the confirmed sums per dispatch and month, kept by triggers on WorkLog), allowances by payer and month, grades by year. */
async function serviceFigures(db: PrismaClient, inProgram: Prisma.Sql, dispatchesPage: number | undefined, leavePage: number | undefined) {
  const [dispatches, leave, workload, allowances, grades] = await Promise.all([
    paged(dispatchesPage, async (w) => {
      const rows = await db.$queryRaw<Record<string, unknown>[]>`
        SELECT d.id, doc.name AS "doctorName", e.name AS "dispatchingUnit", o.name AS "receivingOrg", po.title AS "postTitle",
               d."startDate", d."lastDay", d.status::text AS status, count(*) OVER ()::int AS "rowCount"
        FROM "Dispatch" d JOIN "Program" p ON p.id = d."programId" JOIN "Doctor" doc ON doc.id = d."doctorId"
        JOIN "Organization" e ON e.id = doc."employerId" JOIN "Organization" o ON o.id = d."receivingOrgId" JOIN "Post" po ON po.id = d."postId"
        WHERE ${inProgram} AND d.status <> 'CANCELLED'
        ORDER BY o.name, d."startDate", doc.name, d.id
        ${limit(w)}`;
      return { total: rowCount(rows), rows };
    }),
    paged(leavePage, async (w) => {
      const rows = await db.$queryRaw<Record<string, unknown>[]>`
        WITH d AS (
          SELECT d.id, doc.name AS "doctorName", o.name AS "receivingOrg", d."startDate"
          FROM "Dispatch" d JOIN "Program" p ON p.id = d."programId" JOIN "Doctor" doc ON doc.id = d."doctorId" JOIN "Organization" o ON o.id = d."receivingOrgId"
          WHERE ${inProgram} AND d.status <> 'CANCELLED'
        ), l AS (
          SELECT lr."dispatchId",
                 coalesce(sum(lr.days) FILTER (WHERE lr.status = 'APPROVED' AND lr.kind = 'HOME_LEAVE'), 0)::int AS "homeLeaveDays",
                 coalesce(sum(lr.days) FILTER (WHERE lr.status = 'APPROVED' AND lr.kind = 'SPOUSE_VISIT'), 0)::int AS "spouseVisitDays",
                 coalesce(sum(lr.days) FILTER (WHERE lr.status = 'APPROVED' AND lr.kind = 'SICK'), 0)::int AS "sickDays",
                 coalesce(sum(lr.days) FILTER (WHERE lr.status = 'APPROVED' AND lr.kind = 'PERSONAL'), 0)::int AS "personalDays",
                 count(*) FILTER (WHERE lr.status IN ('PENDING_SUPERVISOR', 'PENDING_BUREAU'))::int AS "pendingRequests"
          FROM "LeaveRequest" lr JOIN d ON d.id = lr."dispatchId" GROUP BY lr."dispatchId"
        ), a AS (
          SELECT ac."dispatchId", count(*)::int AS absences
          FROM "AttendanceCheck" ac JOIN d ON d.id = ac."dispatchId" WHERE NOT ac."isPresent" GROUP BY ac."dispatchId"
        ), leave_rows AS (
          SELECT d.id, d."doctorName", d."receivingOrg", l."homeLeaveDays", l."spouseVisitDays", l."sickDays", l."personalDays", l."pendingRequests", a.absences
          FROM d JOIN l ON l."dispatchId" = d.id LEFT JOIN a ON a."dispatchId" = d.id
          UNION ALL
          SELECT d.id, d."doctorName", d."receivingOrg", 0, 0, 0, 0, 0, a.absences
          FROM d JOIN a ON a."dispatchId" = d.id WHERE NOT EXISTS (SELECT 1 FROM l WHERE l."dispatchId" = d.id)
        )
        SELECT leave_rows.*, count(*) OVER ()::int AS "rowCount" FROM leave_rows
        ORDER BY 3, 2, 1
        ${limit(w)}`;
      return { total: rowCount(rows), rows };
    }),
    db.$queryRaw<Record<string, unknown>[]>`
      WITH logs AS (
        SELECT to_char(m.month, 'YYYY-MM') AS month, sum(m.logs)::int8 AS logs,
               sum(m.outpatients)::int8 AS outpatients, sum(m.operations)::int8 AS operations, sum(m.lectures)::int8 AS lectures,
               sum(m."newTechniques")::int8 AS "newTechniques", sum(m."newDepartments")::int8 AS "newDepartments",
               sum(m."traineesHosted")::int8 AS "traineesHosted", sum(m."juniorsMentored")::int8 AS "juniorsMentored"
        FROM "WorkloadMonth" m JOIN "Dispatch" d ON d.id = m."dispatchId" JOIN "Program" p ON p.id = d."programId"
        WHERE ${inProgram}
        GROUP BY 1
      ), exams AS (
        SELECT to_char(coalesce(mp."endDate", mp."updatedAt"::date), 'YYYY-MM') AS month, count(*)::int AS "examsPassed"
        FROM "MentoringPair" mp JOIN "Dispatch" d ON d.id = mp."dispatchId" JOIN "Program" p ON p.id = d."programId"
        WHERE ${inProgram} AND mp.outcome IN ('LICENCE_EXAM_PASSED', 'TITLE_EXAM_PASSED')
        GROUP BY 1
      )
      SELECT coalesce(logs.month, exams.month) AS month,
             coalesce(logs.logs, 0) AS logs, coalesce(logs.outpatients, 0) AS outpatients, coalesce(logs.operations, 0) AS operations,
             coalesce(logs.lectures, 0) AS lectures, coalesce(logs."newTechniques", 0) AS "newTechniques", coalesce(logs."newDepartments", 0) AS "newDepartments",
             coalesce(logs."traineesHosted", 0) AS "traineesHosted", coalesce(logs."juniorsMentored", 0) AS "juniorsMentored",
             coalesce(exams."examsPassed", 0) AS "examsPassed",
             sum(coalesce(logs.logs, 0)) OVER () AS "all_logs", sum(coalesce(logs.outpatients, 0)) OVER () AS "all_outpatients",
             sum(coalesce(logs.operations, 0)) OVER () AS "all_operations", sum(coalesce(logs.lectures, 0)) OVER () AS "all_lectures",
             sum(coalesce(logs."newTechniques", 0)) OVER () AS "all_newTechniques", sum(coalesce(logs."newDepartments", 0)) OVER () AS "all_newDepartments",
             sum(coalesce(logs."traineesHosted", 0)) OVER () AS "all_traineesHosted",
             sum(coalesce(logs."juniorsMentored", 0)) OVER () AS "all_juniorsMentored", sum(coalesce(exams."examsPassed", 0)) OVER () AS "all_examsPassed"
      FROM logs FULL JOIN exams ON exams.month = logs.month
      ORDER BY 1`,
    db.$queryRaw<Record<string, unknown>[]>`
      SELECT to_char(l."dueDate", 'YYYY-MM') AS month,
             coalesce(sum(l."amountFen") FILTER (WHERE l.payer = 'DISPATCHING_UNIT'), 0)::int8 AS "dispatchingUnitFen",
             coalesce(sum(l."amountFen") FILTER (WHERE l.payer = 'BUREAU_FINANCE'), 0)::int8 AS "bureauFinanceFen",
             coalesce(sum(l."amountFen") FILTER (WHERE l.payer = 'FUND_POOL'), 0)::int8 AS "fundPoolFen",
             sum(l."amountFen")::int8 AS "dueFen",
             coalesce(sum(l."amountFen") FILTER (WHERE l.status = 'PAID'), 0)::int8 AS "paidFen"
      FROM "AllowanceLine" l JOIN "Dispatch" d ON d.id = l."dispatchId" JOIN "Program" p ON p.id = d."programId"
      WHERE ${inProgram}
      GROUP BY 1 ORDER BY 1`,
    db.$queryRaw<Record<string, unknown>[]>`
      SELECT asm.year,
             count(*) FILTER (WHERE s.assessed AND s.grade = 'EXCELLENT')::int AS excellent,
             count(*) FILTER (WHERE s.assessed AND s.grade = 'COMPETENT')::int AS competent,
             count(*) FILTER (WHERE s.assessed AND s.grade = 'BASICALLY_COMPETENT')::int AS "basicallyCompetent",
             count(*) FILTER (WHERE s.assessed AND s.grade = 'INCOMPETENT')::int AS incompetent,
             count(*) FILTER (WHERE s.assessed AND s.grade IS NULL)::int AS "notGraded",
             count(*) FILTER (WHERE NOT s.assessed)::int AS "notAssessed"
      FROM "AssessmentSubject" s JOIN "Assessment" asm ON asm.id = s."assessmentId" JOIN "Program" p ON p.id = asm."programId"
      WHERE ${inProgram}
      GROUP BY asm.year ORDER BY asm.year`,
  ]);
  const months = workload.map((r) => ({
    month: String(r.month),
    logs: n(r.logs),
    outpatients: n(r.outpatients),
    operations: n(r.operations),
    lectures: n(r.lectures),
    newTechniques: n(r.newTechniques),
    newDepartments: n(r.newDepartments),
    traineesHosted: n(r.traineesHosted),
    juniorsMentored: n(r.juniorsMentored),
    examsPassed: n(r.examsPassed),
  }));
  const first = workload[0];
  const total = first
    ? {
        month: "",
        logs: n(first.all_logs),
        outpatients: n(first.all_outpatients),
        operations: n(first.all_operations),
        lectures: n(first.all_lectures),
        newTechniques: n(first.all_newTechniques),
        newDepartments: n(first.all_newDepartments),
        traineesHosted: n(first.all_traineesHosted),
        juniorsMentored: n(first.all_juniorsMentored),
        examsPassed: n(first.all_examsPassed),
      }
    : null;
  return {
    dispatchesPage: dispatches.page,
    leavePage: leave.page,
    dispatches: dispatches.rows.map((r) => ({
      dispatchId: String(r.id),
      doctorName: String(r.doctorName),
      dispatchingUnit: String(r.dispatchingUnit),
      receivingOrg: String(r.receivingOrg),
      postTitle: String(r.postTitle),
      startDate: dayText(r.startDate),
      lastDay: dayText(r.lastDay),
      status: String(r.status),
    })),
    leave: leave.rows.map((r) => ({
      dispatchId: String(r.id),
      doctorName: String(r.doctorName),
      receivingOrg: String(r.receivingOrg),
      homeLeaveDays: n(r.homeLeaveDays),
      spouseVisitDays: n(r.spouseVisitDays),
      sickDays: n(r.sickDays),
      personalDays: n(r.personalDays),
      pendingRequests: n(r.pendingRequests),
      absences: n(r.absences),
    })),
    workload: { months, total },
    allowances: allowances.map((r) => ({
      month: String(r.month),
      dispatchingUnitFen: n(r.dispatchingUnitFen),
      bureauFinanceFen: n(r.bureauFinanceFen),
      fundPoolFen: n(r.fundPoolFen),
      dueFen: n(r.dueFen),
      paidFen: n(r.paidFen),
    })),
    grades: grades.map((r) => ({
      year: n(r.year),
      excellent: n(r.excellent),
      competent: n(r.competent),
      basicallyCompetent: n(r.basicallyCompetent),
      incompetent: n(r.incompetent),
      notGraded: n(r.notGraded),
      notAssessed: n(r.notAssessed),
    })),
  };
}
