// One sheet from column definitions, as CSV or XLSX. Used by every export (audit log, 上报名单, …):
// define the columns once (header, value getter, width) and write either format from the same rows.
//
// - CSV starts with a UTF-8 BOM so that Excel on Windows opens Chinese text correctly, uses CRLF line
//   ends (RFC 4180), quotes fields with commas, quotes or line breaks, and defuses text that a
//   spreadsheet would run as a formula (=, +, -, @ at the start: CWE-1236), which matters because
//   exports carry user-typed text such as the user name of a failed login.
// - XLSX writes real dates and numbers; instants are shown in `timeZone` (Excel dates have no zone).
// - Calendar dates (`kind: "date"`, stored as UTC midnight by @db.Date) are written as that day.
import ExcelJS from "exceljs";

export type CellValue = string | number | boolean | Date | null | undefined;

export interface SheetColumn<T> {
  header: string;
  value: (row: T) => CellValue;
  /** Width in characters (XLSX only). */
  width?: number;
  /** How a Date is written: an instant in `timeZone` (default), or a calendar day. */
  kind?: "datetime" | "date";
}

export interface SheetSpec<T> {
  sheetName: string;
  columns: readonly SheetColumn<T>[];
  rows: Iterable<T>;
  /** A last line in words, e.g. that the export was cut at a limit. */
  footnote?: string;
  /** The zone instants are shown in. */
  timeZone?: string;
}

export type ExportFormat = "csv" | "xlsx";

export const contentTypes: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

const DEFAULT_TIME_ZONE = "Asia/Shanghai";
/** Excel refuses a cell longer than this. */
const MAX_CELL_LENGTH = 32_767;
const BOM = "\uFEFF";

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** The wall-clock fields of an instant in a time zone. */
function wallClock(date: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  }).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get("year"), month: get("month"), day: get("day"), hour: get("hour"), minute: get("minute"), second: get("second") };
}

/** "2026-11-23 14:05:09" in the zone, or "2026-11-23" for a calendar date. */
export function formatDateCell(date: Date, kind: "datetime" | "date", timeZone = DEFAULT_TIME_ZONE): string {
  if (kind === "date") return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const w = wallClock(date, timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
}

/** Text a spreadsheet would evaluate (=SUM(…), +cmd, -1+1, @x) gets a leading apostrophe. */
function defuse(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function truncate(text: string): string {
  return text.length > MAX_CELL_LENGTH ? `${text.slice(0, MAX_CELL_LENGTH - 1)}…` : text;
}

function csvField(value: CellValue, kind: "datetime" | "date", timeZone: string): string {
  if (value === null || value === undefined) return "";
  let text: string;
  if (value instanceof Date) text = formatDateCell(value, kind, timeZone);
  else if (typeof value === "string") text = defuse(value);
  else text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The sheet as CSV text: BOM, header line, one line per row, CRLF line ends. */
export function toCsv<T>(spec: SheetSpec<T>): string {
  const timeZone = spec.timeZone ?? DEFAULT_TIME_ZONE;
  const line = (cells: string[]) => `${cells.join(",")}\r\n`;
  let out = BOM + line(spec.columns.map((c) => csvField(c.header, "datetime", timeZone)));
  for (const row of spec.rows) {
    out += line(spec.columns.map((c) => csvField(c.value(row), c.kind ?? "datetime", timeZone)));
  }
  if (spec.footnote) out += line([csvField(spec.footnote, "datetime", timeZone)]);
  return out;
}

/** An instant as a Date whose UTC fields are the wall clock in the zone (what Excel will show). */
function excelDate(date: Date, kind: "datetime" | "date", timeZone: string): Date {
  if (kind === "date") return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const w = wallClock(date, timeZone);
  return new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second));
}

/** The sheet as an XLSX workbook: bold frozen header with a filter, real dates and numbers. */
export async function toXlsx<T>(spec: SheetSpec<T>): Promise<Buffer> {
  const timeZone = spec.timeZone ?? DEFAULT_TIME_ZONE;
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date();
  // Sheet names: at most 31 characters, none of : \ / ? * [ ].
  const sheet = workbook.addWorksheet(spec.sheetName.replace(/[:\\/?*[\]]/g, " ").slice(0, 31) || "Sheet1", {
    views: [{ state: "frozen", ySplit: 1 }],
  });
  sheet.columns = spec.columns.map((c, i) => ({
    key: `c${i}`,
    width: c.width ?? Math.max(10, c.header.length * 2 + 2),
    style: c.kind === "date" ? { numFmt: "yyyy-mm-dd" } : {},
  }));
  const header = sheet.addRow(spec.columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { vertical: "middle" };
  for (const row of spec.rows) {
    const cells = spec.columns.map((c) => {
      const value = c.value(row);
      if (value === null || value === undefined) return null;
      if (value instanceof Date) return excelDate(value, c.kind ?? "datetime", timeZone);
      if (typeof value === "string") return truncate(value);
      return value;
    });
    const added = sheet.addRow(cells);
    spec.columns.forEach((c, i) => {
      const cell = added.getCell(i + 1);
      if (cell.value instanceof Date) cell.numFmt = c.kind === "date" ? "yyyy-mm-dd" : "yyyy-mm-dd hh:mm:ss";
    });
  }
  if (spec.columns.length > 0) {
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: spec.columns.length } };
  }
  if (spec.footnote) {
    const note = sheet.addRow([spec.footnote]);
    note.font = { italic: true, color: { argb: "FFB45309" } };
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return Buffer.from(buffer);
}

export async function writeSheet<T>(format: ExportFormat, spec: SheetSpec<T>): Promise<Buffer> {
  return format === "csv" ? Buffer.from(toCsv(spec), "utf8") : toXlsx(spec);
}

/**
 * A Content-Disposition header for a download whose name may be Chinese: an ASCII fallback for old
 * clients and the real name in RFC 5987 `filename*` (UTF-8, percent-encoded).
 */
export function attachmentDisposition(fileName: string, asciiFallback: string): string {
  const ascii = asciiFallback.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** A workbook as a download: its (Chinese) name in filename*, an ASCII fallback, the row count in X-Export-Rows. */
export function xlsxResponse(file: { body: Buffer; fileName: string; asciiFileName: string; rowCount: number }): Response {
  return new Response(new Uint8Array(file.body), {
    status: 200,
    headers: {
      "Content-Type": contentTypes.xlsx,
      "Content-Disposition": attachmentDisposition(file.fileName, file.asciiFileName),
      "Content-Length": String(file.body.byteLength),
      "Cache-Control": "no-store",
      "X-Export-Rows": String(file.rowCount),
    },
  });
}
