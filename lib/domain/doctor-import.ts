// The doctors' sheet that hospitals already keep (one header row of Chinese column names, one doctor
// per row), read into records the registry can take, with every problem of every row named. Pure: the
// caller reads the file into cells and looks up, beforehand, the employers the user may choose and the
// ID numbers already in the registry (see lib/server/doctor-import.ts). The same layout is written by
// the export, so an exported sheet can be edited and imported again.
import { doctorSchema, MAX_IMPORT_ROWS, type DoctorInput } from "../schemas/doctors";
import { normalizeIdNumber } from "./id-number";

export type Cell = string | number | boolean | Date | null | undefined;

export type ImportColumnKey =
  | "name" | "sex" | "ethnicity" | "birthDate" | "idType" | "idNumber" | "education" | "degree" | "major" | "employer" | "department"
  | "specialty" | "practisingCategory" | "positionRank" | "positionTitle" | "titleName" | "titleLevel" | "titleObtainedOn"
  | "hireDate" | "phone";

interface ColumnSpec {
  key: ImportColumnKey;
  header: string;
  aliases?: string[];
  required?: boolean;
  isDate?: boolean;
}

/** The layout, in order. `header` is what the template and the export write; aliases are also read. */
export const IMPORT_COLUMNS: readonly ColumnSpec[] = [
  { key: "name", header: "姓名", required: true },
  { key: "sex", header: "性别", required: true },
  { key: "ethnicity", header: "民族", required: true },
  { key: "birthDate", header: "出生日期", aliases: ["出生年月日"], required: true, isDate: true },
  // Blank: a mainland resident ID (the sheets hospitals keep have no such column).
  { key: "idType", header: "证件类型" },
  { key: "idNumber", header: "身份证号", aliases: ["身份证号码", "公民身份号码", "身份证", "证件号码"], required: true },
  { key: "education", header: "学历", aliases: ["最高学历"], required: true },
  { key: "degree", header: "学位", aliases: ["最高学位"] },
  { key: "major", header: "所学专业", aliases: ["毕业专业"] },
  { key: "employer", header: "工作单位", aliases: ["单位", "所在单位", "单位名称"], required: true },
  { key: "department", header: "科室", aliases: ["所在科室"], required: true },
  { key: "specialty", header: "从事专业", aliases: ["专业"], required: true },
  { key: "practisingCategory", header: "执业类别" },
  { key: "positionTitle", header: "现任职务", aliases: ["职务"] },
  { key: "positionRank", header: "职务级别" },
  { key: "titleName", header: "专业技术职务", aliases: ["职称"] },
  { key: "titleLevel", header: "职称级别", aliases: ["专业技术职务级别"] },
  { key: "titleObtainedOn", header: "取得时间", aliases: ["职称取得时间", "取得职称时间"], isDate: true },
  { key: "hireDate", header: "参加工作时间/聘用时间", aliases: ["参加工作时间", "聘用时间"], isDate: true },
  { key: "phone", header: "联系电话", aliases: ["电话", "手机", "手机号码"] },
];

/** Chinese labels ↔ stored values. The first label of each value is the one the export writes. */
export const SEX_LABELS = { MALE: ["男"], FEMALE: ["女"] } as const;
export const EDUCATION_LABELS = {
  TECHNICAL_SECONDARY: ["中专"],
  JUNIOR_COLLEGE: ["大专", "专科", "大学专科"],
  BACHELOR: ["本科", "大学本科"],
  MASTER: ["硕士", "硕士研究生", "研究生"],
  DOCTORATE: ["博士", "博士研究生"],
} as const;
export const TITLE_LEVEL_LABELS = { JUNIOR: ["初级"], INTERMEDIATE: ["中级"], ASSOCIATE_SENIOR: ["副高", "副高级"], SENIOR: ["正高", "正高级"] } as const;
export const PRACTISING_CATEGORY_LABELS = { CLINICAL: ["临床", "临床类别"], TCM: ["中医", "中医类别"], DENTAL: ["口腔", "口腔类别"], PUBLIC_HEALTH: ["公共卫生", "公共卫生类别"] } as const;
export const POSITION_RANK_LABELS = {
  STAFF: ["医师", "无"],
  ATTENDING_LEAD: ["主诊医师"],
  DEPUTY_DEPARTMENT_HEAD: ["科副主任"],
  DEPARTMENT_HEAD: ["科主任"],
  VICE_PRESIDENT: ["副院长"],
  PRESIDENT: ["院长"],
} as const;

export const ID_TYPE_LABELS = {
  MAINLAND_ID: ["居民身份证", "身份证"],
  HK_MACAO_PERMIT: ["港澳居民来往内地通行证", "港澳通行证", "回乡证"],
  TAIWAN_PERMIT: ["台湾居民来往大陆通行证", "台胞证"],
  PASSPORT: ["护照", "外国护照"],
} as const;

/** The label the export writes for a stored value. */
export function labelOf<T extends string>(labels: Record<T, readonly string[]>, value: T | null | undefined): string {
  return value ? (labels[value]?.[0] ?? "") : "";
}

function valueOf<T extends string>(labels: Record<T, readonly string[]>, label: string): T | undefined {
  return (Object.keys(labels) as T[]).find((value) => labels[value].includes(label));
}

export interface ImportProblem {
  /** The column at fault, or null for the row as a whole. */
  column: ImportColumnKey | null;
  /** A key of doctors.import.problems. */
  code: string;
  /** E.g. the other row of a duplicate. */
  params?: Record<string, string | number>;
}

export interface SheetProblem {
  code: "empty" | "missingColumns" | "tooManyRows";
  params?: Record<string, string | number>;
}

export interface RawRow {
  /** The row's number as the spreadsheet shows it (the header is row 1). */
  rowNumber: number;
  cells: Partial<Record<ImportColumnKey, Cell>>;
}

export interface ReadSheet {
  problems: SheetProblem[];
  rows: RawRow[];
}

/** "身份证号（18位）*" → "身份证号": blanks, bracketed notes and required-markers do not matter. */
function normalizeHeader(raw: Cell): string {
  return cellText(raw)
    .replace(/[（(][^）)]*[）)]/g, "")
    .replace(/[\s*＊:：]/g, "")
    .replace(/／/g, "/");
}

const HEADER_INDEX = new Map<string, ImportColumnKey>(IMPORT_COLUMNS.flatMap((c) => [c.header, ...(c.aliases ?? [])].map((h) => [h, c.key] as const)));

/** Cell as trimmed text: numbers as written, dates as YYYY-MM-DD, nothing as "". */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return "";
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? "" : cell.toISOString().slice(0, 10);
  return String(cell).replace(/\u00a0/g, " ").trim();
}

/**
 * A date cell as "YYYY-MM-DD", or null when it cannot be read. Takes real dates, Excel serial numbers,
 * and the ways people type them: 1980-01-02, 1980/1/2, 1980.1.2, 19800102, 1980年1月2日.
 */
export function dateText(cell: Cell): string | null {
  if (cell instanceof Date) return cellText(cell) || null;
  if (typeof cell === "number") {
    if (!Number.isInteger(cell) || cell < 1 || cell > 80_000) return null;
    return new Date(Date.UTC(1899, 11, 30) + cell * 86_400_000).toISOString().slice(0, 10);
  }
  const text = cellText(cell);
  const m = /^(\d{4})(?:[-/.年](\d{1,2})[-/.月](\d{1,2})日?|(\d{2})(\d{2}))$/.exec(text);
  if (!m) return null;
  const [year, month, day] = m[4] ? [m[1], m[4], m[5]] : [m[1], m[2], m[3]];
  return `${year}-${month!.padStart(2, "0")}-${day!.padStart(2, "0")}`;
}

/** Finds the header row (the first non-empty one) and keeps the non-empty rows under it. */
export function readSheet(grid: readonly (readonly Cell[])[]): ReadSheet {
  const headerIndex = grid.findIndex((row) => row.some((c) => cellText(c) !== ""));
  if (headerIndex < 0) return { problems: [{ code: "empty" }], rows: [] };
  const positions = new Map<ImportColumnKey, number>();
  grid[headerIndex]!.forEach((cell, i) => {
    const key = HEADER_INDEX.get(normalizeHeader(cell));
    if (key && !positions.has(key)) positions.set(key, i);
  });
  const problems: SheetProblem[] = [];
  const missing = IMPORT_COLUMNS.filter((c) => c.required && !positions.has(c.key)).map((c) => c.header);
  if (missing.length > 0) problems.push({ code: "missingColumns", params: { columns: missing.join("、") } });
  const rows: RawRow[] = [];
  for (let i = headerIndex + 1; i < grid.length; i++) {
    const row = grid[i]!;
    if (!row.some((c) => cellText(c) !== "")) continue;
    const cells: RawRow["cells"] = {};
    for (const [key, position] of positions) cells[key] = row[position];
    rows.push({ rowNumber: i + 1, cells });
  }
  if (rows.length === 0 && problems.length === 0) problems.push({ code: "empty" });
  if (rows.length > MAX_IMPORT_ROWS) problems.push({ code: "tooManyRows", params: { max: MAX_IMPORT_ROWS, rows: rows.length } });
  return { problems, rows };
}

/** What the caller looked up before validating: employers in scope and ID numbers already registered. */
export interface ImportContext {
  /** Organisation name → id, for the organisations the user may put doctors in. */
  employersInScope: ReadonlyMap<string, string>;
  /** Names of every organisation (to tell "outside your jurisdiction" from "unknown"). */
  knownOrganizationNames: ReadonlySet<string>;
  /** ID number → the registered doctor, and whether the user may change that record. */
  registered: ReadonlyMap<string, { doctorId: string; isInScope: boolean }>;
}

export interface ImportRow {
  rowNumber: number;
  name: string;
  idNumber: string;
  employerName: string;
  /** "create" a new doctor or "update" the registered one with this ID number. */
  action: "create" | "update";
  doctorId: string | null;
  /** The validated record; null when the row has problems. */
  record: DoctorInput | null;
  problems: ImportProblem[];
}

const SCHEMA_FIELD_COLUMN: Record<string, ImportColumnKey> = { employerId: "employer", titles: "titleName" };
const TITLE_FIELD_COLUMN: Record<string, ImportColumnKey> = { name: "titleName", level: "titleLevel", obtainedOn: "titleObtainedOn", specialty: "specialty" };

/** Validates each row against the registry's rules (the form's schema) and the context. */
export function validateRows(rows: readonly RawRow[], context: ImportContext): ImportRow[] {
  const firstRowOfId = new Map<string, number>();
  return rows.map((row) => {
    const problems: ImportProblem[] = [];
    const flagged = new Set<ImportColumnKey>();
    const add = (column: ImportColumnKey | null, code: string, params?: ImportProblem["params"]) => {
      if (column) flagged.add(column);
      problems.push(params ? { column, code, params } : { column, code });
    };
    const text = (key: ImportColumnKey) => cellText(row.cells[key]);
    const label = <T extends string>(key: ImportColumnKey, labels: Record<T, readonly string[]>, unknownCode: string): T | "" => {
      const raw = text(key);
      if (raw === "") return "";
      const value = valueOf(labels, raw);
      if (!value) add(key, unknownCode, { value: raw });
      return value ?? "";
    };
    const date = (key: ImportColumnKey): string => {
      if (text(key) === "") return "";
      const value = dateText(row.cells[key]);
      if (!value) add(key, "dateInvalid", { value: text(key) });
      return value ?? "";
    };

    const rawId = row.cells.idNumber;
    if (typeof rawId === "number" && rawId > 1e15) add("idNumber", "idNumberAsNumber");
    const idNumber = normalizeIdNumber(text("idNumber"));
    const employerName = text("employer");
    let employerId = "";
    if (employerName !== "") {
      employerId = context.employersInScope.get(employerName) ?? "";
      if (!employerId) add("employer", context.knownOrganizationNames.has(employerName) ? "employerOutOfScope" : "employerUnknown", { value: employerName });
    }

    const titleParts = [text("titleName"), text("titleLevel"), text("titleObtainedOn")];
    const hasTitle = titleParts.some((p) => p !== "");
    const titleLevel = label("titleLevel", TITLE_LEVEL_LABELS, "titleLevelUnknown");
    const titleObtainedOn = date("titleObtainedOn");
    if (hasTitle && titleParts.some((p) => p === "")) add("titleName", "titleIncomplete");

    const candidate = {
      name: text("name"),
      sex: label("sex", SEX_LABELS, "sexUnknown"),
      ethnicity: text("ethnicity"),
      birthDate: date("birthDate"),
      idType: label("idType", ID_TYPE_LABELS, "idTypeUnknown"),
      idNumber,
      education: label("education", EDUCATION_LABELS, "educationUnknown"),
      degree: text("degree"),
      major: text("major"),
      employerId,
      department: text("department"),
      specialty: text("specialty"),
      practisingCategory: label("practisingCategory", PRACTISING_CATEGORY_LABELS, "practisingCategoryUnknown"),
      // A blank cell is "not known" (null), never 医师: the engine then says 待核实.
      positionRank: label("positionRank", POSITION_RANK_LABELS, "positionRankUnknown"),
      positionTitle: text("positionTitle"),
      hireDate: date("hireDate"),
      phone: text("phone"),
      titles: hasTitle && !flagged.has("titleName") ? [{ level: titleLevel, name: text("titleName"), specialty: text("specialty"), obtainedOn: titleObtainedOn }] : [],
      grassrootsServices: [],
    };
    const parsed = doctorSchema.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const [field, , sub] = issue.path.map(String);
        const column = field === "titles" && sub ? TITLE_FIELD_COLUMN[sub] : (SCHEMA_FIELD_COLUMN[field!] ?? (field as ImportColumnKey));
        // One problem per cell: a label already reported as unknown is not also "required".
        if (column && flagged.has(column)) continue;
        add(column ?? null, issue.message);
      }
    }

    if (idNumber !== "") {
      const first = firstRowOfId.get(idNumber);
      if (first !== undefined) add("idNumber", "duplicateInFile", { row: first });
      else firstRowOfId.set(idNumber, row.rowNumber);
    }
    const registered = context.registered.get(idNumber);
    if (registered && !registered.isInScope) add("idNumber", "registeredOutOfScope");

    return {
      rowNumber: row.rowNumber,
      name: candidate.name,
      idNumber,
      employerName,
      action: registered ? "update" : "create",
      doctorId: registered?.doctorId ?? null,
      record: problems.length === 0 && parsed.success ? parsed.data : null,
      problems,
    };
  });
}

/** A CSV file's text as cells (RFC 4180: quoted fields, doubled quotes, CRLF or LF; a BOM is dropped). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const input = text.startsWith("\uFEFF") ? text.slice(1) : text;
  for (let i = 0; i < input.length; i++) {
    const ch = input[i]!;
    if (quoted) {
      if (ch === '"' && input[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && input[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  // The export defuses formula-like text with a leading apostrophe: read it back without it.
  return rows.map((r) => r.map((c) => (/^'[=+\-@]/.test(c) ? c.slice(1) : c)));
}
