// Bulk inserts of the benchmark generators through bare `pg`: one INSERT … SELECT FROM unnest($1::text[], …)
// per 5 000 rows, so tens of thousands of rows are a handful of statements.
import type pg from "pg";

const BATCH = 5_000;

export type Column = [name: string, sqlType: string, values: unknown[]];

/** A column of `rows`: its name, the SQL type of the array parameter, and each row's value. */
export const column = <T>(rows: readonly T[], name: string, sqlType: string, get: (r: T) => unknown): Column => [name, sqlType, rows.map(get)];

/** INSERT INTO table (cols) SELECT … FROM unnest(arrays): `casts` turns text into the column's enum. */
export async function insertColumns(client: pg.ClientBase, table: string, columns: Column[], casts: Record<string, string> = {}): Promise<void> {
  const rows = columns[0]![2].length;
  for (let from = 0; from < rows; from += BATCH) {
    const names = columns.map(([n]) => `"${n}"`).join(", ");
    const args = columns.map(([, t], i) => `$${i + 1}::${t}[]`).join(", ");
    const select = columns.map(([n]) => (casts[n] ? `t."${n}"::"${casts[n]}"` : `t."${n}"`)).join(", ");
    await client.query(
      `INSERT INTO "${table}" (${names}) SELECT ${select} FROM unnest(${args}) AS t(${names})`,
      columns.map(([, , v]) => v.slice(from, from + BATCH)),
    );
  }
}
