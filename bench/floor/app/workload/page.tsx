import { pool } from "../../lib/db";

export const dynamic = "force-dynamic";

// The same rows as the app's /worklogs?by=receivingOrg&programId=…: confirmed logs summed per
// receiving unit of the programme, with the overall line (summed here from the rows).
export default async function Workload({ searchParams }: { searchParams: Promise<{ programId?: string }> }) {
  const { programId } = await searchParams;
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
    [programId ?? ""],
  );
  const cols = ["dispatches", "logs", "outpatients", "operations", "caseDiscussions", "juniorsMentored", "lectures", "freeClinics", "donatedMedicineFen", "newTechniques", "teachingActions"];
  const overall = cols.map((c) => rows.reduce((n, r) => n + Number(r[c]), 0));
  return (
    <main>
      <h1>工作量</h1>
      <table>
        <thead>
          <tr>
            <th>受援单位</th>
            {cols.map((c) => (
              <th key={c}>{c}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={String(r.id)}>
              <td>{r.name}</td>
              {cols.map((c) => (
                <td key={c}>{String(r[c])}</td>
              ))}
            </tr>
          ))}
          <tr>
            <td>合计</td>
            {overall.map((v, i) => (
              <td key={cols[i]}>{v}</td>
            ))}
          </tr>
        </tbody>
      </table>
    </main>
  );
}
