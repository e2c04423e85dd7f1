import { pool } from "../../lib/db";

export const dynamic = "force-dynamic";

// The same rows as the app's /doctors for a city bureau's staff: page 1 (20 doctors by name) of the
// doctors employed in the bureau's subtree, each with employer and current title (highest level, then
// latest), and the total.
export default async function Doctors({ searchParams }: { searchParams: Promise<{ bureauId?: string }> }) {
  const { bureauId = "" } = await searchParams;
  const subtree = `WITH RECURSIVE t AS (SELECT id FROM "Organization" WHERE id = $1 UNION ALL SELECT o.id FROM "Organization" o JOIN t ON o."parentId" = t.id)`;
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
  return (
    <main>
      <h1>医生</h1>
      <p>共 {total.rows[0]?.n ?? 0} 名</p>
      <table>
        <thead>
          <tr>
            <th>姓名</th>
            <th>性别</th>
            <th>专业</th>
            <th>科室</th>
            <th>单位</th>
            <th>职称</th>
          </tr>
        </thead>
        <tbody>
          {rows.rows.map((r) => (
            <tr key={r.id}>
              <td>
                <a href={`/doctors/${r.id}`}>{r.name}</a>
              </td>
              <td>{r.sex}</td>
              <td>{r.specialty}</td>
              <td>{r.department ?? "—"}</td>
              <td>{r.employer}</td>
              <td>{r.title ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
