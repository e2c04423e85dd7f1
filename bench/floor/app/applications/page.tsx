import { pool } from "../../lib/db";

export const dynamic = "force-dynamic";

interface Row {
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

// The same rows as the app's /applications?programId=…: page 1 (20 rows, newest first) of the
// programme's applications with doctor, employer, post, programme, nominating unit and attachment
// count, and the total.
export default async function Applications({ searchParams }: { searchParams: Promise<{ programId?: string }> }) {
  const { programId = "" } = await searchParams;
  const [rows, total] = await Promise.all([
    pool.query<Row>(
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
  return (
    <main>
      <h1>报名</h1>
      <p>共 {total.rows[0]?.n ?? 0} 条</p>
      <table>
        <thead>
          <tr>
            <th>医生</th>
            <th>岗位</th>
            <th>推荐单位</th>
            <th>环节</th>
            <th>状态</th>
            <th>提交时间</th>
            <th>附件</th>
          </tr>
        </thead>
        <tbody>
          {rows.rows.map((r) => (
            <tr key={r.id}>
              <td>
                <a href={`/applications/${r.id}`}>{r.name}</a> {r.sex} · {r.specialty} · {r.employer}
              </td>
              <td>
                {r.title} · 第{r.rotationBatch}批 · {r.programName}
              </td>
              <td>{r.unitName}</td>
              <td>{r.currentStage}</td>
              <td>{r.status}</td>
              <td>{r.submittedAt?.toISOString().slice(0, 16) ?? "—"}</td>
              <td>{r.attachments}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
