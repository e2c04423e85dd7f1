import { doctorsPage } from "../../lib/lists";

export const dynamic = "force-dynamic";

// The same rows as the app's /doctors for a city bureau's staff: page 1 (20 doctors by name) of the
// doctors employed in the bureau's subtree, each with employer and current title (highest level, then
// latest), and the total.
export default async function Doctors({ searchParams }: { searchParams: Promise<{ bureauId?: string }> }) {
  const { bureauId = "" } = await searchParams;
  const { rows, total } = await doctorsPage(bureauId);
  return (
    <main>
      <h1>医生</h1>
      <p>共 {total} 名</p>
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
          {rows.map((r) => (
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
