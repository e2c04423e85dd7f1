import { z } from "zod";
import { birthDateFromIdNumber, isValidIdNumber, normalizeIdNumber } from "../domain/id-number";
import { editVersion } from "./common";
import { listQuerySchema, sortFields, strictListFields, type DefaultSort } from "./list-query";

// Shared by the doctor form (zodResolver), the server actions, the use cases and the import. Messages
// are catalogue keys of doctors.errors. Calendar dates travel as "YYYY-MM-DD" strings and become
// UTC-midnight Dates (@db.Date) only in lib/server.

export const SEXES = ["MALE", "FEMALE"] as const;
export const EDUCATIONS = ["TECHNICAL_SECONDARY", "JUNIOR_COLLEGE", "BACHELOR", "MASTER", "DOCTORATE"] as const;
export const TITLE_LEVELS = ["JUNIOR", "INTERMEDIATE", "ASSOCIATE_SENIOR", "SENIOR"] as const;
export const PRACTISING_CATEGORIES = ["CLINICAL", "TCM", "DENTAL", "PUBLIC_HEALTH"] as const;
export const POSITION_RANKS = ["STAFF", "ATTENDING_LEAD", "DEPUTY_DEPARTMENT_HEAD", "DEPARTMENT_HEAD", "VICE_PRESIDENT", "PRESIDENT"] as const;
/** 居民身份证, 港澳居民来往内地通行证, 台湾居民来往大陆通行证, 护照. */
export const ID_TYPES = ["MAINLAND_ID", "HK_MACAO_PERMIT", "TAIWAN_PERMIT", "PASSPORT"] as const;
export type IdTypeValue = (typeof ID_TYPES)[number];

/** A permit's or passport's number: letters, digits, brackets and dashes (H12345678, 12345678, E1234567(8)). */
const DOCUMENT_NUMBER = /^[A-Z0-9()\-]{5,30}$/;

export type TitleLevelValue = (typeof TITLE_LEVELS)[number];

const MAX_TITLES = 12;
const MAX_GRASSROOTS = 20;

/** "YYYY-MM-DD" of a real day between 1900 and 2100 → the same string; anything else → `message`. */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1900 || year > 2100) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

const text = (max: number, requiredKey = "required") => z.string({ error: "invalid" }).trim().min(1, requiredKey).max(max, "tooLong");
/** Optional text: left out, "" (or blanks) is stored as null. */
const optionalText = (max: number) =>
  z
    .string({ error: "invalid" })
    .trim()
    .max(max, "tooLong")
    .optional()
    .transform((v) => (v === undefined || v === "" ? null : v));
const date = (requiredKey = "dateRequired") =>
  z.string({ error: "invalid" }).trim().min(1, requiredKey).refine(isCalendarDate, "dateInvalid");
const optionalDate = z
  .string({ error: "invalid" })
  .trim()
  .refine((v) => v === "" || isCalendarDate(v), "dateInvalid")
  .optional()
  .transform((v) => (v === undefined || v === "" ? null : v));
const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .union([z.enum(values), z.literal("")], { error: "invalid" })
    .optional()
    .transform((v) => (v === undefined || v === "" ? null : v));

export const titleRecordSchema = z.object({
  level: z.enum(TITLE_LEVELS, { error: "titleLevelRequired" }),
  name: text(30, "titleNameRequired"),
  specialty: text(50, "specialtyRequired"),
  obtainedOn: date(),
});

export const grassrootsRecordSchema = z
  .object({
    organizationName: text(100, "organizationNameRequired"),
    startDate: date(),
    endDate: optionalDate,
    isFullTime: z.boolean({ error: "invalid" }),
  })
  .refine((g) => g.endDate === null || g.endDate >= g.startDate, { path: ["endDate"], message: "endBeforeStart" });

const fields = {
  name: text(50, "nameRequired"),
  sex: z.enum(SEXES, { error: "sexRequired" }),
  ethnicity: text(20),
  birthDate: date(),
  // Left out: a mainland resident ID (what every record was before the type existed).
  idType: z
    .union([z.enum(ID_TYPES), z.literal("")], { error: "invalid" })
    .optional()
    .transform((v): IdTypeValue => (v === undefined || v === "" ? "MAINLAND_ID" : v)),
  // A mainland ID or a document's shape here (so it is reported beside other fields' errors); that it
  // is the kind its type says, and a mainland ID's birth date, in crossChecks.
  idNumber: z
    .string({ error: "invalid" })
    .transform(normalizeIdNumber)
    .pipe(z.string().min(1, "idNumberRequired").max(30, "tooLong").refine((v) => isValidIdNumber(v) || DOCUMENT_NUMBER.test(v), "idNumberInvalid")),
  education: z.enum(EDUCATIONS, { error: "educationRequired" }),
  degree: optionalText(20),
  major: optionalText(50),
  employerId: z.string({ error: "invalid" }).trim().min(1, "employerRequired").max(64, "invalid"),
  department: text(50),
  specialty: text(50, "specialtyRequired"),
  practisingCategory: optionalEnum(PRACTISING_CATEGORIES),
  // Blank or left out: not known (null), never a default; the eligibility engine then says 待核实.
  positionRank: optionalEnum(POSITION_RANKS),
  positionTitle: optionalText(50),
  hireDate: optionalDate,
  phone: z
    .string({ error: "invalid" })
    .trim()
    .max(20, "tooLong")
    .regex(/^[0-9+\-() ]*$/, "phoneInvalid")
    .optional()
    .transform((v) => (v === undefined || v === "" ? null : v)),
  // Left out: none (the record's histories are replaced by what is sent).
  titles: z.array(titleRecordSchema, { error: "invalid" }).max(MAX_TITLES, "tooMany").default([]),
  grassrootsServices: z.array(grassrootsRecordSchema, { error: "invalid" }).max(MAX_GRASSROOTS, "tooMany").default([]),
};

interface Checked {
  birthDate: string;
  idType: IdTypeValue;
  idNumber: string;
  titles: { level: string; specialty: string }[];
}

/**
 * Rules across fields: a mainland resident ID is valid and its birth date is the birth date (another
 * document's birth date is entered by hand); no repeated title.
 */
function crossChecks(value: Checked, ctx: z.RefinementCtx) {
  if (value.idType === "MAINLAND_ID") {
    if (value.idNumber && !isValidIdNumber(value.idNumber)) ctx.addIssue({ code: "custom", path: ["idNumber"], message: "idNumberInvalid" });
    const fromId = birthDateFromIdNumber(value.idNumber);
    if (fromId && isCalendarDate(value.birthDate) && fromId.toISOString().slice(0, 10) !== value.birthDate) {
      ctx.addIssue({ code: "custom", path: ["idNumber"], message: "idNumberBirthMismatch" });
    }
  }
  const seen = new Set<string>();
  value.titles.forEach((t, i) => {
    const key = `${t.level}|${t.specialty}`;
    if (seen.has(key)) ctx.addIssue({ code: "custom", path: ["titles", i, "specialty"], message: "titleDuplicate" });
    seen.add(key);
  });
}

export const doctorSchema = z.object(fields).superRefine(crossChecks);
export const createDoctorSchema = doctorSchema;
/** `version`: the record's version the edit started from (the form's hidden field, the API's If-Match); a stale one is refused (409). */
export const updateDoctorSchema = z
  .object({ ...fields, id: z.string({ error: "invalid" }).trim().min(1, "required").max(64, "invalid"), version: editVersion })
  .superRefine(crossChecks);

/** What the form holds (strings, "" for empty choices). */
export type DoctorFormValues = z.input<typeof doctorSchema>;
export type DoctorInput = z.output<typeof doctorSchema>;

/** The doctor list's sortable columns (the whitelist; lib/server/doctors.ts maps each to its SQL order). */
export const DOCTOR_SORT_KEYS = ["name", "sex", "birthDate", "employer", "department"] as const;
export const DOCTOR_DEFAULT_SORT: DefaultSort<(typeof DOCTOR_SORT_KEYS)[number]> = { sort: "name", dir: "asc" };

/** The list's and the export's URL: search, filters, sort, page. Bad values fall back to "no filter" and the default order. */
export const doctorListQuerySchema = listQuerySchema.extend({
  ...sortFields(DOCTOR_SORT_KEYS),
  employerId: z.string().trim().min(1).max(64).optional().catch(undefined),
  specialty: z.string().trim().min(1).max(50).optional().catch(undefined),
  titleLevel: z.enum(TITLE_LEVELS).optional().catch(undefined),
  education: z.enum(EDUCATIONS).optional().catch(undefined),
});
/** GET /api/v1/doctors (and its export): the same, an unknown sort key, direction, page or page size refused (422). */
export const doctorListApiQuerySchema = doctorListQuerySchema.extend(strictListFields(DOCTOR_SORT_KEYS));

export type DoctorListQuery = z.infer<typeof doctorListQuerySchema>;

export const doctorExportSchema = z.object({ format: z.enum(["csv", "xlsx"]).catch("xlsx") });

/** The import upload: the file's bytes in base64 (next.config.ts raises the action body limit to 3 MB for it). */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 5000;
export const doctorImportSchema = z.object({
  fileName: z.string({ error: "invalid" }).trim().min(1, "fileRequired").max(200, "tooLong"),
  contentBase64: z
    .string({ error: "invalid" })
    .min(1, "fileRequired")
    .max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 4, "fileTooLarge"),
});
export type DoctorImportInput = z.infer<typeof doctorImportSchema>;
