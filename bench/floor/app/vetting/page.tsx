import { pool } from "../../lib/db";

export const dynamic = "force-dynamic";

// The same data as the app's vetting board /programs/<id>/vetting: the programme, its stages, its posts
// (page 1: 25, by batch and title) with the receiving hospital, and the applications counted per post ×
// stage × status in one grouped query (over all posts, as the app does) shown as a posts × stages grid.
export default async function Vetting({ searchParams }: { searchParams: Promise<{ programId?: string }> }) {
  const { programId = "" } = await searchParams;
  const [program, stages, posts, counts] = await Promise.all([
    pool.query<{ name: string }>(`SELECT name FROM "Program" WHERE id = $1`, [programId]),
    pool.query<{ kind: string }>(`SELECT kind FROM "ProgramStage" WHERE "programId" = $1 AND kind <> 'REGISTRATION' ORDER BY sequence`, [programId]),
    pool.query<{ id: string; title: string; rotationBatch: number; headcount: number; org: string }>(
      `SELECT p.id, p.title, p."rotationBatch", p.headcount, o.name AS org
         FROM "Post" p JOIN "Organization" o ON o.id = p."receivingOrgId" WHERE p."programId" = $1 ORDER BY p."rotationBatch", p.title, p.id`,
      [programId],
    ),
    pool.query<{ postId: string; currentStage: string; status: string; n: number }>(
      // The counts the app's board reads: ApplicationTally, kept by triggers on Application.
      `SELECT t."postId", t."currentStage", t.status, t.n
         FROM "ApplicationTally" t JOIN "Post" p ON p.id = t."postId" WHERE p."programId" = $1`,
      [programId],
    ),
  ]);
  const cell = new Map<string, { waiting: number; ended: number }>();
  for (const c of counts.rows) {
    const key = `${c.postId} ${c.currentStage}`;
    const v = cell.get(key) ?? { waiting: 0, ended: 0 };
    if (c.status === "IN_PROGRESS") v.waiting += c.n;
    if (c.status === "REJECTED" || c.status === "WITHDRAWN") v.ended += c.n;
    cell.set(key, v);
  }
  return (
    <main>
      <h1>审核看板 · {program.rows[0]?.name}</h1>
      <table>
        <thead>
          <tr>
            <th>岗位</th>
            {stages.rows.map((s) => (
              <th key={s.kind}>{s.kind}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {posts.rows.slice(0, 25).map((p) => (
            <tr key={p.id}>
              <td>
                <a href={`/programs/${programId}/vetting/${p.id}`}>{p.title}</a> · {p.org} · 第{p.rotationBatch}批 · {p.headcount}人
              </td>
              {stages.rows.map((s) => {
                const v = cell.get(`${p.id} ${s.kind}`);
                return (
                  <td key={s.kind}>
                    {v?.waiting ?? 0} 待审 · {v?.ended ?? 0} 终止
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p>共 {posts.rows.length} 个岗位</p>
    </main>
  );
}
