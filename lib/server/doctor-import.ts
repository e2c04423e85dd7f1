import "server-only";
import ExcelJS from "exceljs";
import { audit } from "../audit";
import { authorize, type Scope } from "../auth/policy";
import { parseCsv, readSheet, validateRows, type Cell, type ImportRow, type SheetProblem } from "../domain/doctor-import";
import { AppError } from "../errors";
import type { PrismaClient } from "../generated/prisma/client";
import { doctorImportSchema, MAX_IMPORT_BYTES } from "../schemas/doctors";
import { day, doctorData, doctorUniqueViolations } from "./doctor-mutations";
import { actorOf, fieldError, runTx } from "./kit";
import { recomputeDoctors } from "./screening-store";
import { listEmployerOptions } from "./doctors";

// Importing the hospitals' doctor sheet (.xlsx or .csv). The browser sends the file's bytes; the
// server reads them, validates every row (lib/domain/doctor-import.ts) and answers with a preview.
// Committing sends the same file again: it is read and validated again here — the server never
// trusts a preview the browser holds — and written only if no row has a problem, all rows in one
// transaction with one audit row. A row whose ID number is already registered (in the user's scope)
// updates that doctor: their own columns, and their title of that level and specialty.

export interface ImportPreview {
  fileName: string;
  sheetProblems: SheetProblem[];
  rows: ImportRow[];
  counts: { rows: number; create: number; update: number; withProblems: number };
}

function decodeCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date || typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((p) => p.text).join("");
    if ("result" in value) return decodeCell(value.result as ExcelJS.CellValue);
    if ("text" in value) return String(value.text);
    if ("error" in value) return null;
  }
  return String(value);
}

/** The first worksheet (XLSX) or the CSV text as a grid of cells; a file that cannot be read is a validation error. */
async function readGrid(fileName: string, bytes: Buffer): Promise<Cell[][]> {
  if (bytes.byteLength === 0) throw new AppError("validation", "fileEmpty", { file: ["fileEmpty"] });
  if (bytes.byteLength > MAX_IMPORT_BYTES) throw new AppError("validation", "fileTooLarge", { file: ["fileTooLarge"] });
  const lower = fileName.toLowerCase();
  if (lower.endsWith(".csv")) return parseCsv(bytes.toString("utf8"));
  if (!lower.endsWith(".xlsx")) throw new AppError("validation", "fileType", { file: ["fileType"] });
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppError("validation", "fileUnreadable", { file: ["fileUnreadable"] });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const grid: Cell[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = decodeCell(cell.value);
    });
    grid[rowNumber - 1] = cells;
  });
  return Array.from(grid, (row) => row ?? []);
}

async function buildPreview(db: PrismaClient, scope: Scope, raw: unknown): Promise<ImportPreview> {
  const parsed = doctorImportSchema.safeParse(raw);
  if (!parsed.success) {
    throw fieldError("file", parsed.error.issues[0]?.message ?? "invalid");
  }
  const { fileName, contentBase64 } = parsed.data;
  const sheet = readSheet(await readGrid(fileName, Buffer.from(contentBase64, "base64")));
  if (sheet.problems.length > 0) return { fileName, sheetProblems: sheet.problems, rows: [], counts: { rows: sheet.rows.length, create: 0, update: 0, withProblems: 0 } };

  const idNumbers = [...new Set(sheet.rows.map((r) => String(r.cells.idNumber ?? "").trim().toUpperCase()).filter(Boolean))];
  const names = [...new Set(sheet.rows.map((r) => String(r.cells.employer ?? "").trim()).filter(Boolean))];
  const [employers, known, registered] = await Promise.all([
    listEmployerOptions(db, scope),
    db.organization.findMany({ where: { name: { in: names } }, select: { name: true } }),
    db.doctor.findMany({ where: { idNumber: { in: idNumbers } }, select: { id: true, idNumber: true, employerId: true } }),
  ]);
  const rows = validateRows(sheet.rows, {
    employersInScope: new Map(employers.map((e) => [e.name, e.id])),
    knownOrganizationNames: new Set(known.map((o) => o.name)),
    registered: new Map(registered.map((d) => [d.idNumber, { doctorId: d.id, isInScope: scope.subtreeIds.includes(d.employerId) }])),
  });
  return {
    fileName,
    sheetProblems: [],
    rows,
    counts: {
      rows: rows.length,
      create: rows.filter((r) => r.action === "create").length,
      update: rows.filter((r) => r.action === "update").length,
      withProblems: rows.filter((r) => r.problems.length > 0).length,
    },
  };
}

/** Reads and checks the file; writes nothing. */
export async function previewDoctorImport(db: PrismaClient, scope: Scope, raw: unknown): Promise<ImportPreview> {
  authorize(scope, "doctor.manage");
  return buildPreview(db, scope, raw);
}

/** Writes every row, or nothing: refused (conflict "importHasProblems") while any row has a problem. */
export async function commitDoctorImport(db: PrismaClient, scope: Scope, raw: unknown): Promise<ImportPreview> {
  authorize(scope, "doctor.manage");
  const preview = await buildPreview(db, scope, raw);
  if (preview.sheetProblems.length > 0 || preview.counts.withProblems > 0) throw new AppError("conflict", "importHasProblems");
  await runTx(
    db,
    async (tx) => {
      const touched: string[] = [];
      for (const row of preview.rows) {
        const record = row.record!;
        const title = record.titles[0];
        const titleData = title ? { level: title.level, name: title.name, specialty: title.specialty, obtainedOn: day(title.obtainedOn) } : null;
        if (row.doctorId) {
          // The registry may have changed since the preview: the doctor must still be in scope.
          const current = await tx.doctor.findUnique({ where: { id: row.doctorId }, select: { employerId: true } });
          if (!current) throw new AppError("conflict", "importStale");
          authorize(scope, "doctor.manage", { organizationId: current.employerId });
          // An import is an edit too: an editor who opened the record before it is then refused (409).
          await tx.doctor.update({ where: { id: row.doctorId }, data: { ...doctorData(record), version: { increment: 1 } } });
          touched.push(row.doctorId);
          if (titleData) {
            await tx.titleRecord.upsert({
              where: { doctorId_level_specialty: { doctorId: row.doctorId, level: titleData.level, specialty: titleData.specialty } },
              create: { ...titleData, doctorId: row.doctorId },
              update: { name: titleData.name, obtainedOn: titleData.obtainedOn },
            });
          }
        } else {
          touched.push((await tx.doctor.create({ data: { ...doctorData(record), titles: { create: titleData ? [titleData] : [] } }, select: { id: true } })).id);
        }
      }
      // The imported doctors' stored screening verdicts, in the import's transaction (issue 17).
      await recomputeDoctors(tx, touched);
      await audit(tx, {
        actor: await actorOf(tx, scope),
        action: "doctor.import",
        entity: "Doctor",
        after: { fileName: preview.fileName, rows: preview.counts.rows, created: preview.counts.create, updated: preview.counts.update },
      });
    },
    { ...doctorUniqueViolations, timeout: 120_000 },
  );
  return preview;
}
