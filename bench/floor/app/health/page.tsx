import { pool } from "../../lib/db";

export const dynamic = "force-dynamic";

// The same aggregates as the app's /programs/[programId]/health (lib/server/program-health.ts and
// quotaProgress in lib/server/application-queries.ts), copied as plain SQL: the programme and its
// stages, then in parallel posts filled, applications per stage (GROUPING SETS), ratio compliance per
// ratio stage, quotas (with the organisation tree and the application counts), stage durations (LAG),
// and the service figures (who serves where, leave, workload by month, allowances, grades). The
// bureau's subtree stands for the caller's scope. Posts, stages and ratios count from "ApplicationTally" and
// the stage durations read "StageWait" and "Application"."lastDecidedAt", as the app's do (kept by triggers). Rendered as bare tables, no charts. The tables that
// grow with the programme are read a page at a time as the app's are (HEALTH_PAGE_SIZE rows, LIMIT in SQL
// with count(*) OVER () for the size): posts, posts × stages, ratios, quotas, who serves where, leave.
type Row = Record<string, unknown>;

const RATIO_STAGES = ["INSPECTION_SHORTLIST", "REPORT_LIST"];
const LIMIT = 15; // HEALTH_PAGE_SIZE in lib/server/program-health.ts

function Table({ title, rows }: { title: string; rows: Row[] }) {
  const cols = rows[0] ? Object.keys(rows[0]) : [];
  return (
    <section>
      <h2>{title}</h2>
      <table>
        <thead>
          <tr>{cols.map((c) => <th key={c}>{c}</th>)}</tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>{cols.map((c) => <td key={c}>{r[c] instanceof Date ? (r[c] as Date).toISOString().slice(0, 10) : String(r[c] ?? "")}</td>)}</tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export default async function Health({ searchParams }: { searchParams: Promise<{ programId?: string; bureauId?: string }> }) {
  const { programId = "", bureauId = "" } = await searchParams;
  const { rows: tree } = await pool.query<{ id: string; parentId: string | null }>(
    `WITH RECURSIVE tree AS (SELECT id, "parentId" FROM "Organization" WHERE id = $1
       UNION ALL SELECT o.id, o."parentId" FROM "Organization" o JOIN tree t ON o."parentId" = t.id)
     SELECT id, "parentId" FROM tree`,
    [bureauId],
  );
  const bureaus = tree.map((o) => o.id);
  const { rows: [program] } = await pool.query<{ id: string; name: string; year: number; status: string; bureauId: string }>(
    `SELECT id, name, year, status, "bureauId" FROM "Program" WHERE id = $1 AND "bureauId" = ANY($2::text[])`,
    [programId, bureaus],
  );
  if (!program) return <main>not found</main>;
  const { rows: stages } = await pool.query<{ kind: string; sequence: number; ratio: number | null; opensAt: Date; closesAt: Date }>(
    `SELECT kind::text, sequence, ratio, "opensAt", "closesAt" FROM "ProgramStage" WHERE "programId" = $1 ORDER BY sequence`,
    [programId],
  );
  const order = stages.map((s) => s.kind);
  const inProgram = `p.id = $1 AND p."bureauId" = ANY($2::text[])`;
  const args = [programId, bureaus];
  const q = (sql: string, extra: unknown[] = []) => pool.query<Row>(sql, [...args, ...extra]).then((r) => r.rows);

  const [posts, stageCounts, ratios, quotas, durations, dispatches, leave, workload, allowances, grades] = await Promise.all([
    q(`SELECT po.id, po.title, o.name AS "receivingOrg", po."rotationBatch", po.headcount,
              coalesce(sum(a.n), 0)::int AS applications, coalesce(sum(a.n) FILTER (WHERE a.status = 'APPROVED'), 0)::int AS approved,
              (SELECT count(*) FROM "Dispatch" d WHERE d."postId" = po.id AND d.status <> 'CANCELLED')::int AS dispatched,
              count(*) OVER ()::int AS "rowCount"
         FROM "Post" po JOIN "Program" p ON p.id = po."programId" JOIN "Organization" o ON o.id = po."receivingOrgId"
         LEFT JOIN "ApplicationTally" a ON a."postId" = po.id
        WHERE ${inProgram} GROUP BY po.id, o.name ORDER BY po."rotationBatch", po.title, po.id LIMIT ${LIMIT}`),
    q(`SELECT a."postId", min(po.title) AS "postTitle", a."currentStage"::text AS stage,
              coalesce(sum(a.n) FILTER (WHERE a.status = 'PENDING_ENDORSEMENT'), 0)::int AS "pendingEndorsement",
              coalesce(sum(a.n) FILTER (WHERE a.status = 'IN_PROGRESS'), 0)::int AS "inProgress",
              coalesce(sum(a.n) FILTER (WHERE a.status IN ('REJECTED', 'WITHDRAWN')), 0)::int AS ended,
              coalesce(sum(a.n) FILTER (WHERE a.status = 'APPROVED'), 0)::int AS approved, min(po."rotationBatch") AS batch,
              count(*) OVER ()::int AS "rowCount"
         FROM "ApplicationTally" a JOIN "Post" po ON po.id = a."postId" JOIN "Program" p ON p.id = po."programId"
        WHERE ${inProgram}
        GROUP BY GROUPING SETS ((a."postId", a."currentStage"), (a."currentStage"))
        ORDER BY (a."postId" IS NULL) DESC, min(po."rotationBatch"), min(po.title), a."postId", a."currentStage" LIMIT ${LIMIT}`),
    q(
      `SELECT po.id, po.title, po.headcount, s.kind AS stage,
              coalesce(sum(a.n) FILTER (WHERE a.status = 'APPROVED' OR (a.status = 'IN_PROGRESS' AND array_position($3::text[], a."currentStage"::text) > array_position($3::text[], s.kind))), 0)::int AS passed,
              count(*) OVER ()::int AS "rowCount"
         FROM "Post" po JOIN "Program" p ON p.id = po."programId"
        CROSS JOIN unnest($4::text[]) WITH ORDINALITY AS s(kind, n)
         LEFT JOIN "ApplicationTally" a ON a."postId" = po.id
        WHERE ${inProgram} GROUP BY po.id, s.kind, s.n ORDER BY po."rotationBatch", po.title, po.id, s.n LIMIT ${LIMIT}`,
      [order, stages.filter((s) => RATIO_STAGES.includes(s.kind) && s.ratio).map((s) => s.kind)],
    ),
    // The page's quotas, then the applications of their posts only (as the app's quotaProgressPage counts).
    pool
      .query<Row>(
        `SELECT q.minimum, po.id AS "postId", po.title AS "postTitle", o.id AS "unitId", o.name AS "unitName", count(*) OVER ()::int AS "rowCount"
           FROM "NominationQuota" q JOIN "Post" po ON po.id = q."postId" JOIN "Organization" o ON o.id = q."nominatingOrgId"
          WHERE q."programId" = $1 ORDER BY po."rotationBatch", po.title, o.name, q.id LIMIT ${LIMIT}`,
        [programId],
      )
      .then(async (quota) => {
        const counts = await pool.query<Row>(
          `SELECT a."postId", a."nominatingOrgId", a.status, a."currentStage", count(*)::int AS n
             FROM "Application" a WHERE a."postId" = ANY($1::text[]) GROUP BY 1, 2, 3, 4`,
          [[...new Set(quota.rows.map((r) => String(r.postId)))]],
        );
        return quota.rows.map((row) => ({
          ...row,
          nominated: counts.rows.filter((c) => c.postId === row.postId && c.nominatingOrgId === row.unitId && c.status !== "WITHDRAWN" && c.status !== "REJECTED").reduce((n, c) => n + Number(c.n), 0),
        }));
      }),
    q(
      `WITH decided AS (
         SELECT w.stage::text AS stage, CASE WHEN w.stage = 'REGISTRATION' THEN 'unit' ELSE 'bureau' END AS "waitingOn",
                w.decided, w."totalSeconds" / nullif(w.decided, 0) AS "avgDecision", w."longestSeconds" AS "longestDecision"
           FROM "StageWait" w JOIN "Program" p ON p.id = w."programId" WHERE ${inProgram}
       ), open AS (
         SELECT a."currentStage"::text AS stage, CASE WHEN a.status = 'PENDING_ENDORSEMENT' THEN 'unit' ELSE 'bureau' END AS "waitingOn",
                count(*)::int AS "waitingNow",
                avg(extract(epoch FROM $3::timestamptz - coalesce(a."lastDecidedAt", a."submittedAt", a."createdAt")))::float8 AS "avgWait",
                max(extract(epoch FROM $3::timestamptz - coalesce(a."lastDecidedAt", a."submittedAt", a."createdAt")))::float8 AS "longestWait"
           FROM "Application" a JOIN "Program" p ON p.id = a."programId"
          WHERE ${inProgram} AND a.status IN ('PENDING_ENDORSEMENT', 'IN_PROGRESS') GROUP BY 1, 2
       )
       SELECT coalesce(o.stage, d.stage) AS stage, coalesce(o."waitingOn", d."waitingOn") AS "waitingOn", coalesce(o."waitingNow", 0) AS "waitingNow",
              o."avgWait", o."longestWait", coalesce(d.decided, 0) AS decided, d."avgDecision", d."longestDecision"
         FROM open o FULL JOIN decided d ON d.stage = o.stage AND d."waitingOn" = o."waitingOn" ORDER BY 1, 2`,
      [new Date()],
    ),
    q(`SELECT d.id, doc.name AS "doctorName", e.name AS "dispatchingUnit", o.name AS "receivingOrg", po.title AS "postTitle",
              d."startDate", d."lastDay", d.status::text AS status, count(*) OVER ()::int AS "rowCount"
         FROM "Dispatch" d JOIN "Program" p ON p.id = d."programId" JOIN "Doctor" doc ON doc.id = d."doctorId"
         JOIN "Organization" e ON e.id = doc."employerId" JOIN "Organization" o ON o.id = d."receivingOrgId" JOIN "Post" po ON po.id = d."postId"
        WHERE ${inProgram} AND d.status <> 'CANCELLED' ORDER BY o.name, d."startDate", doc.name, d.id LIMIT ${LIMIT}`),
    q(`WITH d AS (
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
         SELECT ac."dispatchId", count(*)::int AS absences FROM "AttendanceCheck" ac JOIN d ON d.id = ac."dispatchId" WHERE NOT ac."isPresent" GROUP BY ac."dispatchId"
       )
       SELECT d.id, d."doctorName", d."receivingOrg", l."homeLeaveDays", l."spouseVisitDays", l."sickDays", l."personalDays", l."pendingRequests", a.absences
         FROM d JOIN l ON l."dispatchId" = d.id LEFT JOIN a ON a."dispatchId" = d.id
       UNION ALL
       SELECT d.id, d."doctorName", d."receivingOrg", 0, 0, 0, 0, 0, a.absences
         FROM d JOIN a ON a."dispatchId" = d.id WHERE NOT EXISTS (SELECT 1 FROM l WHERE l."dispatchId" = d.id)
        ORDER BY 3, 2, 1 LIMIT ${LIMIT}`),
    q(`WITH logs AS (
         SELECT to_char(m.month, 'YYYY-MM') AS month, sum(m.logs)::int8 AS logs,
                sum(m.outpatients)::int8 AS outpatients, sum(m.operations)::int8 AS operations, sum(m.lectures)::int8 AS lectures,
                sum(m."newTechniques")::int8 AS "newTechniques", sum(m."newDepartments")::int8 AS "newDepartments",
                sum(m."traineesHosted")::int8 AS "traineesHosted", sum(m."juniorsMentored")::int8 AS "juniorsMentored"
           FROM "WorkloadMonth" m JOIN "Dispatch" d ON d.id = m."dispatchId" JOIN "Program" p ON p.id = d."programId"
          WHERE ${inProgram} GROUP BY 1
       ), exams AS (
         SELECT to_char(coalesce(mp."endDate", mp."updatedAt"::date), 'YYYY-MM') AS month, count(*)::int AS "examsPassed"
           FROM "MentoringPair" mp JOIN "Dispatch" d ON d.id = mp."dispatchId" JOIN "Program" p ON p.id = d."programId"
          WHERE ${inProgram} AND mp.outcome IN ('LICENCE_EXAM_PASSED', 'TITLE_EXAM_PASSED') GROUP BY 1
       )
       SELECT coalesce(logs.month, exams.month) AS month, coalesce(logs.logs, 0) AS logs, coalesce(logs.outpatients, 0) AS outpatients,
              coalesce(logs.operations, 0) AS operations, coalesce(logs.lectures, 0) AS lectures, coalesce(logs."newTechniques", 0) AS "newTechniques",
              coalesce(logs."newDepartments", 0) AS "newDepartments", coalesce(logs."traineesHosted", 0) AS "traineesHosted", coalesce(logs."juniorsMentored", 0) AS "juniorsMentored",
              coalesce(exams."examsPassed", 0) AS "examsPassed", sum(coalesce(logs.logs, 0)) OVER () AS "all_logs",
              sum(coalesce(logs.outpatients, 0)) OVER () AS "all_outpatients", sum(coalesce(logs.operations, 0)) OVER () AS "all_operations",
              sum(coalesce(logs.lectures, 0)) OVER () AS "all_lectures", sum(coalesce(logs."newTechniques", 0)) OVER () AS "all_newTechniques",
              sum(coalesce(logs."newDepartments", 0)) OVER () AS "all_newDepartments",
              sum(coalesce(logs."traineesHosted", 0)) OVER () AS "all_traineesHosted", sum(coalesce(logs."juniorsMentored", 0)) OVER () AS "all_juniorsMentored",
              sum(coalesce(exams."examsPassed", 0)) OVER () AS "all_examsPassed"
         FROM logs FULL JOIN exams ON exams.month = logs.month ORDER BY 1`),
    q(`SELECT to_char(l."dueDate", 'YYYY-MM') AS month,
              coalesce(sum(l."amountFen") FILTER (WHERE l.payer = 'DISPATCHING_UNIT'), 0)::int8 AS "dispatchingUnitFen",
              coalesce(sum(l."amountFen") FILTER (WHERE l.payer = 'BUREAU_FINANCE'), 0)::int8 AS "bureauFinanceFen",
              coalesce(sum(l."amountFen") FILTER (WHERE l.payer = 'FUND_POOL'), 0)::int8 AS "fundPoolFen",
              sum(l."amountFen")::int8 AS "dueFen", coalesce(sum(l."amountFen") FILTER (WHERE l.status = 'PAID'), 0)::int8 AS "paidFen"
         FROM "AllowanceLine" l JOIN "Dispatch" d ON d.id = l."dispatchId" JOIN "Program" p ON p.id = d."programId"
        WHERE ${inProgram} GROUP BY 1 ORDER BY 1`),
    q(`SELECT asm.year,
              count(*) FILTER (WHERE s.assessed AND s.grade = 'EXCELLENT')::int AS excellent,
              count(*) FILTER (WHERE s.assessed AND s.grade = 'COMPETENT')::int AS competent,
              count(*) FILTER (WHERE s.assessed AND s.grade = 'BASICALLY_COMPETENT')::int AS "basicallyCompetent",
              count(*) FILTER (WHERE s.assessed AND s.grade = 'INCOMPETENT')::int AS incompetent,
              count(*) FILTER (WHERE s.assessed AND s.grade IS NULL)::int AS "notGraded",
              count(*) FILTER (WHERE NOT s.assessed)::int AS "notAssessed"
         FROM "AssessmentSubject" s JOIN "Assessment" asm ON asm.id = s."assessmentId" JOIN "Program" p ON p.id = asm."programId"
        WHERE ${inProgram} GROUP BY asm.year ORDER BY asm.year`),
  ]);
  return (
    <main>
      <h1>项目运行情况 · {program.name}</h1>
      <Table title="posts" rows={posts} />
      <Table title="stages" rows={stageCounts} />
      <Table title="ratios" rows={ratios} />
      <Table title="quotas" rows={quotas} />
      <Table title="durations" rows={durations} />
      <Table title="dispatches" rows={dispatches} />
      <Table title="leave" rows={leave} />
      <Table title="workload" rows={workload} />
      <Table title="allowances" rows={allowances} />
      <Table title="grades" rows={grades} />
    </main>
  );
}
