// Bulk inserts of the benchmark generators through bare `pg`: one INSERT … SELECT FROM unnest($1::text[], …)
// per 5 000 rows, so tens of thousands of rows are a handful of statements.
import { pathToFileURL } from "node:url";
import pg from "pg";

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

/** What a generator reports once its rows are in: the tables to ANALYZE and the line to print. */
export interface Generated {
  analyze: string[];
  summary: (ms: number) => string;
}

/**
 * Runs a generator in one transaction on its own connection: committed (then the tables analysed
 * and the summary printed) when it returns what it generated, rolled back when it returns null
 * (the data was already there) or throws.
 */
export async function generateInTransaction(url: string, generate: (client: pg.Client) => Promise<Generated | null>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const started = performance.now();
    await client.query("BEGIN");
    const generated = await generate(client);
    if (!generated) {
      await client.query("ROLLBACK");
      return;
    }
    await client.query("COMMIT");
    await client.query(`ANALYZE ${generated.analyze.map((t) => `"${t}"`).join(", ")}`);
    console.log(generated.summary(performance.now() - started));
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

/** Runs `main` with `--force` read from the command line when `moduleUrl` is the script node was started with. */
export function runAsScript(moduleUrl: string, what: string, main: (options: { force: boolean }) => Promise<void>): void {
  const invokedPath = process.argv[1];
  if (!invokedPath || moduleUrl !== pathToFileURL(invokedPath).href) return;
  main({ force: process.argv.includes("--force") }).catch((error: unknown) => {
    console.error(`Generating ${what} failed:`, error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
