// Each list's sort and filter on the benchmark data (issue 17): EXPLAIN ANALYZE of page 1 as the app asks
// for it (the city bureau staff's scope: every organisation below it; the benchmark programme), saying for
// each whether PostgreSQL sorts every row in scope ("SORTS") or walks an index and stops at the page.
// An "Incremental Sort" on a presorted index key sorts only ties and counts as walking the index.
//   npx tsx bench/explain-lists.ts [name filter]       (V=1 prints the plans)
import pg from "pg";
import { BENCH_PROGRAM_ID } from "./lib/application-data";
import { benchDatabaseUrl } from "./lib/bench-db";

const c = new pg.Client({ connectionString: benchDatabaseUrl() });
await c.connect();
const { rows: [staff] } = await c.query<{ org: string }>(`SELECT "organizationId" AS org FROM "User" WHERE username = 'staff'`);
const { rows } = await c.query<{ id: string }>(
  `WITH RECURSIVE tree AS (SELECT id FROM "Organization" WHERE id = $1 UNION ALL SELECT o.id FROM "Organization" o JOIN tree t ON o."parentId" = t.id) SELECT id FROM tree`,
  [staff!.org],
);
// The scope as Prisma sends it: a literal IN list.
const ids = rows.map((r) => `'${r.id}'`).join(",");
const P = `'${BENCH_PROGRAM_ID}'`;
const appBase = `FROM "Application" a JOIN "Post" p ON p.id=a."postId" JOIN "Program" g ON g.id=p."programId" WHERE g."bureauId" IN (${ids}) AND p."programId"=${P}`;
const qs = {
  "doctors by name": `SELECT d.id FROM "Doctor" d WHERE d."employerId" IN (${ids}) ORDER BY d.name ASC, d.id ASC LIMIT 20`,
  "doctors by name desc": `SELECT d.id FROM "Doctor" d WHERE d."employerId" IN (${ids}) ORDER BY d.name DESC, d.id ASC LIMIT 20`,
  "doctors by sex": `SELECT d.id FROM "Doctor" d WHERE d."employerId" IN (${ids}) ORDER BY d.sex ASC, d.name ASC, d.id ASC LIMIT 20`,
  "doctors by birthDate": `SELECT d.id FROM "Doctor" d WHERE d."employerId" IN (${ids}) ORDER BY d."birthDate" ASC, d.name ASC, d.id ASC LIMIT 20`,
  "doctors by employer": `SELECT d.id FROM "Doctor" d JOIN "Organization" o ON o.id=d."employerId" WHERE d."employerId" IN (${ids}) ORDER BY o.name ASC, d.name ASC, d.id ASC LIMIT 20`,
  "doctors by department": `SELECT d.id FROM "Doctor" d WHERE d."employerId" IN (${ids}) ORDER BY d.department ASC, d.name ASC, d.id ASC LIMIT 20`,
  "doctors count": `SELECT count(*) FROM "Doctor" d WHERE d."employerId" IN (${ids})`,
  "applications newest": `SELECT a.id ${appBase} ORDER BY a."submittedAt" DESC NULLS LAST, a.id LIMIT 20`,
  "applications by doctor": `SELECT a.id ${appBase.replace('WHERE', 'JOIN "Doctor" d ON d.id=a."doctorId" WHERE')} ORDER BY d.name ASC, a."submittedAt" DESC NULLS LAST, a.id LIMIT 20`,
  "applications by post": `SELECT a.id ${appBase} ORDER BY p.title ASC, p."rotationBatch" ASC, a."submittedAt" DESC NULLS LAST, a.id LIMIT 20`,
  "applications by stage": `SELECT a.id ${appBase} ORDER BY a."currentStage" ASC, a."submittedAt" DESC NULLS LAST, a.id LIMIT 20`,
  "applications by status": `SELECT a.id ${appBase} ORDER BY a.status ASC, a."submittedAt" DESC NULLS LAST, a.id LIMIT 20`,
  "applications status filter": `SELECT a.id ${appBase} AND a.status='IN_PROGRESS' ORDER BY a."submittedAt" DESC NULLS LAST, a.id LIMIT 20`,
  "applications count": `SELECT count(*) ${appBase}`,
};
const only = process.argv[2];
for (const [name, sql] of Object.entries(qs)) {
  if (only && !name.includes(only)) continue;
  const plan = (await c.query<{ "QUERY PLAN": string }>(`EXPLAIN ANALYZE ${sql}`)).rows.map((r) => r["QUERY PLAN"]);
  const fullSort = plan.some((l) => /^\s*(->\s+)?Sort\s+\(/.test(l));
  console.log(`${name.padEnd(30)} ${plan.at(-1)!.trim().padEnd(28)} ${fullSort ? "SORTS every row in scope" : "index order"}${process.env.V ? "\n" + plan.join("\n") : ""}`);
}
await c.end();
