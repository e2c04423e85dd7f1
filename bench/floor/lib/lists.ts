import { pool } from "./db";

// The floor's lists (issue 17): each the rows and total of one of the app's lists, through bare pg and
// nothing else — the same tables, joins, order and page as the app's query. The pages of bench/floor
// render them as HTML; the routes under app/api/ answer them as JSON, beside the app's /api/v1 lists
// (bench/api.bench.ts).

const subtree = `WITH RECURSIVE t AS (SELECT id FROM "Organization" WHERE id = $1 UNION ALL SELECT o.id FROM "Organization" o JOIN t ON o."parentId" = t.id)`;

export interface ApplicationRow {
  id: string;
  status: string;
  currentStage: string;
  submittedAt: Date | null;
  name: string;
  sex: string;
  specialty: string;
  employer: string;
  title: string;
  rotationBatch: number;
  programName: string;
  unitName: string;
  attachments: number;
}

/** /applications?programId=…: page 1 (20 rows, newest first) of the programme's applications with doctor, employer, post, programme, nominating unit and attachment count, and the total. */
export async function applicationsPage(programId: string) {
  const [rows, total] = await Promise.all([
    pool.query<ApplicationRow>(
      `SELECT a.id, a.status, a."currentStage", a."submittedAt", d.name, d.sex, d.specialty, e.name AS employer,
              p.title, p."rotationBatch", pr.name AS "programName", n.name AS "unitName",
              (SELECT count(*)::int FROM "Attachment" x WHERE x."applicationId" = a.id) AS attachments
         FROM "Application" a
         JOIN "Post" p ON p.id = a."postId" JOIN "Program" pr ON pr.id = p."programId"
         JOIN "Doctor" d ON d.id = a."doctorId" JOIN "Organization" e ON e.id = d."employerId" JOIN "Organization" n ON n.id = a."nominatingOrgId"
        WHERE p."programId" = $1 ORDER BY a."submittedAt" DESC NULLS LAST, a.id LIMIT 20`,
      [programId],
    ),
    pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Application" a JOIN "Post" p ON p.id = a."postId" WHERE p."programId" = $1`, [programId]),
  ]);
  return { rows: rows.rows, total: total.rows[0]?.n ?? 0 };
}

/** /doctors for a city bureau's staff: page 1 (20 doctors by name) of the doctors employed in the bureau's subtree, each with employer and current title (highest level, then latest), and the total. */
export async function doctorsPage(bureauId: string) {
  const [rows, total] = await Promise.all([
    pool.query<{ id: string; name: string; sex: string; specialty: string; department: string | null; employer: string; title: string | null }>(
      `${subtree}
       SELECT d.id, d.name, d.sex, d.specialty, d.department, e.name AS employer,
              (SELECT tr.name FROM "TitleRecord" tr WHERE tr."doctorId" = d.id ORDER BY tr.level DESC, tr."obtainedOn" DESC LIMIT 1) AS title
         FROM "Doctor" d JOIN "Organization" e ON e.id = d."employerId"
        WHERE d."employerId" IN (SELECT id FROM t) ORDER BY d.name, d.id LIMIT 20`,
      [bureauId],
    ),
    pool.query<{ n: number }>(`${subtree} SELECT count(*)::int AS n FROM "Doctor" d WHERE d."employerId" IN (SELECT id FROM t)`, [bureauId]),
  ]);
  return { rows: rows.rows, total: total.rows[0]?.n ?? 0 };
}

/** /dispatches/list?programId=…: page 1 (20, the latest arrival first) of the programme's live dispatches of the bureau's programmes, with doctor, employer, post, receiving unit and programme, and the total. */
export async function dispatchesPage(bureauId: string, programId: string) {
  const where = `pr."bureauId" = $1 AND d."programId" = $2 AND (d.status IN ('PLANNED', 'ACTIVE') OR EXISTS (SELECT 1 FROM "Dispatch" s WHERE s."predecessorId" = d.id AND s.status IN ('PLANNED', 'ACTIVE')))`;
  const [rows, total] = await Promise.all([
    pool.query(
      `SELECT d.id, d.status, d.version, d."startDate", d."lastDay", d."plannedLastDay", d."rotationBatch", d."actingPosition", d."predecessorId",
              doc.id AS "doctorId", doc.name AS doctor, e.name AS employer, p.id AS "postId", p.title AS post, p.specialty,
              o.id AS "receivingOrgId", o.name AS "receivingOrg", pr.id AS "programId", pr.name AS program
         FROM "Dispatch" d JOIN "Program" pr ON pr.id = d."programId" JOIN "Doctor" doc ON doc.id = d."doctorId" JOIN "Organization" e ON e.id = doc."employerId"
         JOIN "Post" p ON p.id = d."postId" JOIN "Organization" o ON o.id = d."receivingOrgId"
        WHERE ${where} ORDER BY d."startDate" DESC, d.id LIMIT 20`,
      [bureauId, programId],
    ),
    pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Dispatch" d JOIN "Program" pr ON pr.id = d."programId" WHERE ${where}`, [bureauId, programId]),
  ]);
  return { rows: rows.rows, total: total.rows[0]?.n ?? 0 };
}

/** /leave for a bureau: page 1 (20, oldest filed first) of the leave waiting on the bureau (PENDING_BUREAU of its programmes), with the doctor, post and receiving unit, and the total. */
export async function leavePage(bureauId: string) {
  const where = `l.status = 'PENDING_BUREAU' AND pr."bureauId" = $1`;
  const from = `FROM "LeaveRequest" l JOIN "Dispatch" d ON d.id = l."dispatchId" JOIN "Program" pr ON pr.id = d."programId"`;
  const [rows, total] = await Promise.all([
    pool.query(
      `SELECT l.id, l.kind, l."startDate", l."endDate", l.days, l.reason, l.status, l."extendsService", l."filedAt", l.version,
              doc.name AS doctor, p.title AS post, o.name AS "receivingOrg", pr.id AS "programId", pr.name AS program
         ${from} JOIN "Doctor" doc ON doc.id = d."doctorId" JOIN "Post" p ON p.id = d."postId" JOIN "Organization" o ON o.id = d."receivingOrgId"
        WHERE ${where} ORDER BY l."filedAt", l.id LIMIT 20`,
      [bureauId],
    ),
    pool.query<{ n: number }>(`SELECT count(*)::int AS n ${from} WHERE ${where}`, [bureauId]),
  ]);
  return { rows: rows.rows, total: total.rows[0]?.n ?? 0 };
}

/** /worklogs?by=receivingOrg&programId=…: confirmed logs summed per receiving unit of the programme (50 units by name). */
export async function workloadRows(programId: string) {
  const { rows } = await pool.query<Record<string, string | number>>(
    `WITH l AS (
       SELECT m."dispatchId", sum(m.logs) AS logs,
              sum(m."outpatients") AS "outpatients",
              sum(m."operations") AS "operations",
              sum(m."caseDiscussions") AS "caseDiscussions",
              sum(m."juniorsMentored") AS "juniorsMentored",
              sum(m."lectures") AS "lectures",
              sum(m."freeClinics") AS "freeClinics",
              sum(m."donatedMedicineFen") AS "donatedMedicineFen",
              sum(m."newTechniques") AS "newTechniques",
              sum(m."teachingActions") AS "teachingActions"
         FROM "WorkloadMonth" m JOIN "Dispatch" d ON d.id = m."dispatchId"
        WHERE d."programId" = $1
        GROUP BY m."dispatchId")
     SELECT o.id, o.name, count(d.id)::int AS dispatches, coalesce(sum(l.logs), 0)::int8 AS logs, coalesce(sum(l."outpatients"), 0)::int8 AS "outpatients", coalesce(sum(l."operations"), 0)::int8 AS "operations", coalesce(sum(l."caseDiscussions"), 0)::int8 AS "caseDiscussions", coalesce(sum(l."juniorsMentored"), 0)::int8 AS "juniorsMentored", coalesce(sum(l."lectures"), 0)::int8 AS "lectures", coalesce(sum(l."freeClinics"), 0)::int8 AS "freeClinics", coalesce(sum(l."donatedMedicineFen"), 0)::int8 AS "donatedMedicineFen", coalesce(sum(l."newTechniques"), 0)::int8 AS "newTechniques", coalesce(sum(l."teachingActions"), 0)::int8 AS "teachingActions"
       FROM "Dispatch" d JOIN "Organization" o ON o.id = d."receivingOrgId" LEFT JOIN l ON l."dispatchId" = d.id
      WHERE d."programId" = $1
      GROUP BY o.id, o.name ORDER BY o.name, o.id LIMIT 50`,
    [programId],
  );
  return rows;
}

/** /allowances?programId=… (finance's month): per payer the unpaid lines due by the month's end and the lines paid in it, and the first 100 lines due. */
export async function allowanceMonth(programId: string) {
  const due = `l.status = 'UNPAID' AND l."dueDate" <= (date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai') + interval '1 month - 1 day')`;
  const [sums, rows] = await Promise.all([
    pool.query<{ payer: string; status: string; fen: number; n: number }>(
      `SELECT l.payer, l.status, sum(l."amountFen")::int8 AS fen, count(*)::int AS n
         FROM "AllowanceLine" l JOIN "Dispatch" d ON d.id = l."dispatchId"
        WHERE d."programId" = $1 AND ((${due}) OR (l.status = 'PAID' AND l."paidOn" >= date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai')::date AND l."paidOn" < date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai')::date + interval '1 month'))
        GROUP BY 1, 2`,
      [programId],
    ),
    pool.query<Record<string, string | number>>(
      `SELECT l.id, l."periodStart"::text AS "periodStart", l."periodEnd"::text AS "periodEnd", l."dueDate"::text AS "dueDate", l."amountFen", l.payer, l.status,
              i.name AS item, doc.name AS doctor, r.name AS "receivingOrg"
         FROM "AllowanceLine" l JOIN "Dispatch" d ON d.id = l."dispatchId" JOIN "AllowanceItem" i ON i.id = l."itemId"
         JOIN "Doctor" doc ON doc.id = d."doctorId" JOIN "Organization" r ON r.id = d."receivingOrgId"
        WHERE d."programId" = $1 AND ${due}
        ORDER BY l.payer, doc.name, l."dueDate", l.id LIMIT 100`,
      [programId],
    ),
  ]);
  return { sums: sums.rows, rows: rows.rows };
}

/** /assessments for a bureau: page 1 (20, newest year first) of its programmes' annual assessments with programme, scheme and the subjects' grades, and the total. */
export async function assessmentsPage(bureauId: string) {
  const where = `pr."bureauId" = $1`;
  const [rows, total] = await Promise.all([
    pool.query(
      `SELECT a.id, a.year, a.status, pr.id AS "programId", pr.name AS program, s.name AS scheme,
              (SELECT coalesce(json_agg(json_build_object('assessed', x.assessed, 'grade', x.grade)), '[]') FROM "AssessmentSubject" x WHERE x."assessmentId" = a.id) AS subjects
         FROM "Assessment" a JOIN "Program" pr ON pr.id = a."programId" JOIN "EvaluationScheme" s ON s.id = a."schemeId"
        WHERE ${where} ORDER BY a.year DESC, a."openedAt" DESC, a.id LIMIT 20`,
      [bureauId],
    ),
    pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Assessment" a JOIN "Program" pr ON pr.id = a."programId" WHERE ${where}`, [bureauId]),
  ]);
  return { rows: rows.rows, total: total.rows[0]?.n ?? 0 };
}
