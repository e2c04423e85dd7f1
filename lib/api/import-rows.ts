import { z } from "zod";
import { IMPORT_COLUMNS } from "../domain/doctor-import";
import { MAX_IMPORT_ROWS, type DoctorImportInput } from "../schemas/doctors";

// POST /api/v1/doctors/import takes the sheet's rows as JSON, keyed by the import's column keys
// (name, sex, idNumber, … — values as a person types them in the sheet: "男", "本科", "1980-05-12").
// They are written out as the CSV the upload would carry, so that the one import use case
// (lib/server/doctor-import.ts) reads and validates them exactly as it does a file.

const cell = z.union([z.string().max(500, "tooLong"), z.number(), z.null()]);

export const importRowSchema = z.strictObject(Object.fromEntries(IMPORT_COLUMNS.map((c) => [c.key, cell.optional()])) as Record<string, z.ZodOptional<typeof cell>>);

export const importRowsSchema = z.object({
  rows: z.array(importRowSchema).min(1, "fileEmpty").max(MAX_IMPORT_ROWS, "tooManyRows"),
});
export type ImportRowsInput = z.infer<typeof importRowsSchema>;

export const importQuerySchema = z.object({
  dryRun: z.enum(["1", "true", "0", "false"]).optional().meta({ description: "1: validate and preview only, write nothing" }),
});

function csvField(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? "" : String(value);
  return `"${text.replace(/"/g, '""')}"`;
}

/** The rows as the CSV upload of the import (header row first), base64 as the use case takes it. */
export function rowsToUpload(input: ImportRowsInput): DoctorImportInput {
  const lines = [IMPORT_COLUMNS.map((c) => csvField(c.header)).join(",")];
  for (const row of input.rows) lines.push(IMPORT_COLUMNS.map((c) => csvField(row[c.key])).join(","));
  return { fileName: "api-import.csv", contentBase64: Buffer.from(lines.join("\r\n") + "\r\n", "utf8").toString("base64") };
}
