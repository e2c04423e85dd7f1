import { workloadRows } from "../../lib/lists";

export const dynamic = "force-dynamic";

// The same rows as the app's /worklogs?by=receivingOrg&programId=…: confirmed logs summed per
// receiving unit of the programme, with the overall line (summed here from the rows).
export default async function Workload({ searchParams }: { searchParams: Promise<{ programId?: string }> }) {
  const { programId } = await searchParams;
  const rows = await workloadRows(programId ?? "");
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
