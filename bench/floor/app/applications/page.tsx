import { applicationsPage } from "../../lib/lists";

export const dynamic = "force-dynamic";


// The same rows as the app's /applications?programId=…: page 1 (20 rows, newest first) of the
// programme's applications with doctor, employer, post, programme, nominating unit and attachment
// count, and the total.
export default async function Applications({ searchParams }: { searchParams: Promise<{ programId?: string }> }) {
  const { programId = "" } = await searchParams;
  const { rows, total } = await applicationsPage(programId);
  return (
    <main>
      <h1>报名</h1>
      <p>共 {total} 条</p>
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
          {rows.map((r) => (
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
