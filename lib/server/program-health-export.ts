import "server-only";
import type { Scope } from "../auth/policy";
import { toXlsx } from "../excel/sheet";
import { AppError } from "../errors";
import type { PrismaClient } from "../generated/prisma/client";
import { programHealth } from "./program-health";
import { healthTables, isHealthTableId, type HealthRow, type HealthTable } from "./program-health-tables";

type Translate = Parameters<typeof healthTables>[1];

/** 20261203: today in Beijing time, for the file name. */
function shanghaiStamp(now: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).format(now).replace(/-/g, "");
}

/** The workbook of one programme-health table: exactly the columns and rows the page shows beside the chart (numbers as numbers). */
export async function exportHealthTable(db: PrismaClient, scope: Scope, programId: string, tableId: string, t: Translate, now = new Date()) {
  if (!isHealthTableId(tableId)) throw new AppError("notFound");
  const health = await programHealth(db, scope, programId, now);
  const table = healthTables(health, t).find((x) => x.id === tableId) as HealthTable;
  const body = await toXlsx<HealthRow>({
    sheetName: table.title,
    columns: table.columns.map((c) => ({ header: c.header, value: (row) => row[c.key] ?? null, width: c.format ? 14 : 24 })),
    rows: table.rows,
    footnote: table.rows.length === 0 ? table.empty : undefined,
  });
  const stamp = shanghaiStamp(now);
  return { body, fileName: `${health.program.name}-${table.title}-${stamp}.xlsx`, asciiFileName: `program-health-${tableId}-${stamp}.xlsx`, rowCount: table.rows.length };
}
