// The floor of the page benchmarks: the same data as the board and the application list, as JSON
// straight from bare `pg` (no Prisma, no React, no session), served over HTTP from its own process so it
// does not share the load generator's thread. Started by vetting.bench.ts:
//   node --import tsx bench/lib/floor-server.ts <database url> <programme id>   → prints "listening <port>"
import http from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";

const [url, programId] = process.argv.slice(2);
if (!url || !programId) throw new Error("usage: floor-server.ts <database url> <programme id>");
const pool = new pg.Pool({ connectionString: url, max: 10 });

/** The board grid's data: programme, stages, posts with receiving hospital, counts per post × stage × status. */
async function board() {
  const [program, stages, posts, counts] = await Promise.all([
    pool.query(`SELECT id, name, status, "bureauId" FROM "Program" WHERE id = $1`, [programId]),
    pool.query(`SELECT kind, sequence, ratio, "opensAt", "closesAt" FROM "ProgramStage" WHERE "programId" = $1 ORDER BY sequence`, [programId]),
    pool.query(
      `SELECT p.id, p.title, p."rotationBatch", p.headcount, o.name AS "receivingOrgName"
         FROM "Post" p JOIN "Organization" o ON o.id = p."receivingOrgId" WHERE p."programId" = $1 ORDER BY p."rotationBatch", p.title, p.id`,
      [programId],
    ),
    pool.query(
      `SELECT a."postId", a."currentStage", a.status, count(*)::int AS n
         FROM "Application" a JOIN "Post" p ON p.id = a."postId" WHERE p."programId" = $1 GROUP BY 1, 2, 3`,
      [programId],
    ),
  ]);
  return { program: program.rows[0], stages: stages.rows, posts: posts.rows, counts: counts.rows };
}

/** Page 1 of the application list filtered to the programme (20 rows, newest first) and the total. */
async function list() {
  const [rows, total] = await Promise.all([
    pool.query(
      `SELECT a.id, a.status, a."currentStage", a.source, a."eligibilityVerdict", a."exceptionReason", a.rank, a."submittedAt",
              d.id AS "doctorId", d.name, d.sex, d."birthDate", d.specialty, e.name AS employer,
              p.id AS "postId", p.title, p."rotationBatch", pr.id AS "programId", pr.name AS "programName", n.id AS "unitId", n.name AS "unitName",
              (SELECT count(*)::int FROM "Attachment" x WHERE x."applicationId" = a.id) AS attachments
         FROM "Application" a
         JOIN "Post" p ON p.id = a."postId" JOIN "Program" pr ON pr.id = p."programId"
         JOIN "Doctor" d ON d.id = a."doctorId" JOIN "Organization" e ON e.id = d."employerId" JOIN "Organization" n ON n.id = a."nominatingOrgId"
        WHERE p."programId" = $1 ORDER BY a."submittedAt" DESC, a.id LIMIT 20`,
      [programId],
    ),
    pool.query(`SELECT count(*)::int AS n FROM "Application" a JOIN "Post" p ON p.id = a."postId" WHERE p."programId" = $1`, [programId]),
  ]);
  return { rows: rows.rows, total: total.rows[0].n };
}

/**
 * Finance's month of the programme (allowances.bench.ts): per payer the unpaid lines due by the month's
 * end and the lines paid in it, and the first 100 lines due with doctor, payee, item and programme.
 */
async function allowances() {
  const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
  const [sums, rows, total] = await Promise.all([
    pool.query(
      `SELECT l.payer, l.status, sum(l."amountFen")::int8 AS fen, count(*)::int AS n
         FROM "AllowanceLine" l JOIN "Dispatch" d ON d.id = l."dispatchId"
        WHERE d."programId" = $1 AND ((l.status = 'UNPAID' AND l."dueDate" <= (date_trunc('month', $2::date) + interval '1 month - 1 day'))
                                   OR (l.status = 'PAID' AND l."paidOn" >= $2::date AND l."paidOn" < $2::date + interval '1 month'))
        GROUP BY 1, 2`,
      [programId, `${month}-01`],
    ),
    pool.query(
      `SELECT l.id, l.kind, l."periodStart", l."periodEnd", l."dueDate", l."daysServed", l."monthDays", l."rateFen", l."amountFen", l.payer, l.payee, l.status,
              i.name AS item, doc.name AS doctor, r.name AS "receivingOrg", pr.name AS program
         FROM "AllowanceLine" l JOIN "Dispatch" d ON d.id = l."dispatchId" JOIN "AllowanceItem" i ON i.id = l."itemId"
         JOIN "Doctor" doc ON doc.id = d."doctorId" JOIN "Organization" r ON r.id = d."receivingOrgId" JOIN "Program" pr ON pr.id = d."programId"
        WHERE d."programId" = $1 AND l.status = 'UNPAID' AND l."dueDate" <= (date_trunc('month', $2::date) + interval '1 month - 1 day')
        ORDER BY l.payer, pr.name, doc.name, l."dueDate", l.id LIMIT 100`,
      [programId, `${month}-01`],
    ),
    pool.query(
      `SELECT count(*)::int AS n FROM "AllowanceLine" l JOIN "Dispatch" d ON d.id = l."dispatchId"
        WHERE d."programId" = $1 AND l.status = 'UNPAID' AND l."dueDate" <= (date_trunc('month', $2::date) + interval '1 month - 1 day')`,
      [programId, `${month}-01`],
    ),
  ]);
  return { sums: sums.rows, rows: rows.rows, total: total.rows[0].n };
}

const routes: Record<string, () => Promise<unknown>> = { "/board": board, "/list": list, "/allowances": allowances };

const server = http.createServer((req, res) => {
  const route = routes[req.url ?? ""];
  if (!route) {
    res.writeHead(404).end();
    return;
  }
  route().then(
    (data) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(data)),
    (error: unknown) => res.writeHead(500).end(String(error)),
  );
});
server.listen(0, "127.0.0.1", () => console.log(`listening ${(server.address() as AddressInfo).port}`));
process.on("SIGTERM", () => server.close(() => void pool.end().then(() => process.exit(0))));
