import { pool } from "../../lib/db";

export const dynamic = "force-dynamic";

// The same rows as the app's /allowances?programId=… (finance's month): per payer the unpaid lines due
// by the month's end and the lines paid in it, and the first 100 lines due, as a bare HTML table.
export default async function Allowances({ searchParams }: { searchParams: Promise<{ programId?: string }> }) {
  const { programId } = await searchParams;
  const due = `l.status = 'UNPAID' AND l."dueDate" <= (date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai') + interval '1 month - 1 day')`;
  const [sums, rows] = await Promise.all([
    pool.query<{ payer: string; status: string; fen: number; n: number }>(
      `SELECT l.payer, l.status, sum(l."amountFen")::int8 AS fen, count(*)::int AS n
         FROM "AllowanceLine" l JOIN "Dispatch" d ON d.id = l."dispatchId"
        WHERE d."programId" = $1 AND ((${due}) OR (l.status = 'PAID' AND l."paidOn" >= date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai')::date AND l."paidOn" < date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai')::date + interval '1 month'))
        GROUP BY 1, 2`,
      [programId ?? ""],
    ),
    pool.query<Record<string, string | number>>(
      `SELECT l.id, l."periodStart"::text AS "periodStart", l."periodEnd"::text AS "periodEnd", l."dueDate"::text AS "dueDate", l."amountFen", l.payer, l.status,
              i.name AS item, doc.name AS doctor, r.name AS "receivingOrg"
         FROM "AllowanceLine" l JOIN "Dispatch" d ON d.id = l."dispatchId" JOIN "AllowanceItem" i ON i.id = l."itemId"
         JOIN "Doctor" doc ON doc.id = d."doctorId" JOIN "Organization" r ON r.id = d."receivingOrgId"
        WHERE d."programId" = $1 AND ${due}
        ORDER BY l.payer, doc.name, l."dueDate", l.id LIMIT 100`,
      [programId ?? ""],
    ),
  ]);
  return (
    <main>
      <h1>津贴发放</h1>
      <ul>
        {sums.rows.map((s) => (
          <li key={`${s.payer}-${s.status}`}>
            {s.payer} {s.status} {String(s.fen)} ({s.n})
          </li>
        ))}
      </ul>
      <table>
        <tbody>
          {rows.rows.map((r) => (
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
