import { pool } from "../../lib/db";

export const dynamic = "force-dynamic";

// The same rows as the app's /worklogs?by=receivingOrg&programId=…: confirmed logs summed per
// receiving unit of the programme, with the overall line (summed here from the rows).
export default async function Workload({ searchParams }: { searchParams: Promise<{ programId?: string }> }) {
  const { programId } = await searchParams;
  const { rows } = await pool.query<Record<string, string | number>>(
    `SELECT o.id, o.name, count(DISTINCT d.id)::int AS dispatches, count(w.id)::int AS logs,
            coalesce(sum(w.outpatients), 0)::int8 AS outpatients, coalesce(sum(w.operations), 0)::int8 AS operations,
            coalesce(sum(w."caseDiscussions"), 0)::int8 AS "caseDiscussions", coalesce(sum(w."juniorsMentored"), 0)::int8 AS "juniorsMentored",
            coalesce(sum(w.lectures), 0)::int8 AS lectures, coalesce(sum(w."freeClinics"), 0)::int8 AS "freeClinics",
            coalesce(sum(w."donatedMedicineFen"), 0)::int8 AS "donatedMedicineFen"
       FROM "Dispatch" d JOIN "Organization" o ON o.id = d."receivingOrgId"
       LEFT JOIN "WorkLog" w ON w."dispatchId" = d.id AND w.status = 'CONFIRMED'
      WHERE d."programId" = $1
      GROUP BY o.id, o.name ORDER BY o.name, o.id LIMIT 50`,
    [programId ?? ""],
  );
  const cols = ["dispatches", "logs", "outpatients", "operations", "caseDiscussions", "juniorsMentored", "lectures", "freeClinics", "donatedMedicineFen"];
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
