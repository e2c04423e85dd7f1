import { allowanceMonth } from "../../lib/lists";

export const dynamic = "force-dynamic";

// The same rows as the app's /allowances?programId=… (finance's month): per payer the unpaid lines due
// by the month's end and the lines paid in it, and the first 100 lines due, as a bare HTML table.
export default async function Allowances({ searchParams }: { searchParams: Promise<{ programId?: string }> }) {
  const { programId } = await searchParams;
  const { sums, rows } = await allowanceMonth(programId ?? "");
  return (
    <main>
      <h1>津贴发放</h1>
      <ul>
        {sums.map((s) => (
          <li key={`${s.payer}-${s.status}`}>
            {s.payer} {s.status} {String(s.fen)} ({s.n})
          </li>
        ))}
      </ul>
      <table>
        <tbody>
          {rows.map((r) => (
            <tr key={String(r.id)}>
              <td>{r.doctor}</td>
              <td>{r.receivingOrg}</td>
              <td>{r.item}</td>
              <td>
                {r.periodStart}–{r.periodEnd}
              </td>
              <td>{String(r.amountFen)}</td>
              <td>{r.dueDate}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
