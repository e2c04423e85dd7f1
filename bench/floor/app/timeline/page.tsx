import { pool } from "../../lib/db";

export const dynamic = "force-dynamic";

// The same rows as the app's dispatch board (/dispatches): the planned and active dispatches of the
// bureau's programmes, at most 600, by receiving unit, specialty and start, each with its dates.
export default async function Timeline({ searchParams }: { searchParams: Promise<{ bureauId?: string }> }) {
  const { bureauId } = await searchParams;
  const { rows } = await pool.query<{ id: string; doctor: string; org: string; post: string; specialty: string; startDate: string; lastDay: string; status: string }>(
    `SELECT d.id, doc.name AS doctor, o.name AS org, p.title AS post, p.specialty, to_char(d."startDate", 'YYYY-MM-DD') AS "startDate",
            to_char(d."lastDay", 'YYYY-MM-DD') AS "lastDay", d.status
       FROM "Dispatch" d JOIN "Program" pr ON pr.id = d."programId" JOIN "Doctor" doc ON doc.id = d."doctorId"
       JOIN "Organization" o ON o.id = d."receivingOrgId" JOIN "Post" p ON p.id = d."postId"
      WHERE pr."bureauId" = $1 AND d.status IN ('PLANNED', 'ACTIVE')
      ORDER BY o.name, p.specialty, d."startDate", d.id LIMIT 600`,
    [bureauId ?? ""],
  );
  return (
    <main>
      <h1>派驻时间线</h1>
      <ul>
        {rows.map((r) => (
          <li key={r.id}>
            {r.org} · {r.post} · {r.doctor} · {r.startDate}–{r.lastDay} · {r.status}
          </li>
        ))}
      </ul>
    </main>
  );
}
