import "server-only";
import { can, doctorEmployerIds, doctorWhere, type Scope, authorize } from "../auth/policy";
import {
  EDUCATION_LABELS,
  IMPORT_COLUMNS,
  labelOf,
  ID_TYPE_LABELS,
  POSITION_RANK_LABELS,
  PRACTISING_CATEGORY_LABELS,
  SEX_LABELS,
  TITLE_LEVEL_LABELS,
  type ImportColumnKey,
} from "../domain/doctor-import";
import { maskIdNumber, normalizeIdNumber } from "../domain/id-number";
import type { SheetColumn } from "../excel/sheet";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { orderOf, pageArgs, toPage, type Page, type SortDir } from "../schemas/list-query";
import { DOCTOR_DEFAULT_SORT, DOCTOR_SORT_KEYS, TITLE_LEVELS, type DoctorListQuery } from "../schemas/doctors";

// Reads of the doctors' registry: the list, one record, the employers a user may choose, the export.
// Every query is filtered with the policy's doctorWhere; the ID number leaves this module masked
// unless the user may see it for that record.

/**
 * Whether the user may see this doctor's full ID number: the role must carry doctor.viewIdNumber for
 * the employer, and a doctor sees only their own.
 */
export function mayViewIdNumber(scope: Scope, doctor: { id: string; employerId: string }): boolean {
  if (!can(scope, "doctor.viewIdNumber", { organizationId: doctor.employerId })) return false;
  return scope.user.role !== "DOCTOR" || scope.user.doctorId === doctor.id;
}

function shownIdNumber(scope: Scope, doctor: { id: string; employerId: string; idNumber: string }) {
  const isFull = mayViewIdNumber(scope, doctor);
  return { idNumber: isFull ? doctor.idNumber : maskIdNumber(doctor.idNumber), isIdNumberMasked: !isFull };
}

/** A doctor's own fields (DOMAIN.md's personal record), read the same way for lists, views and audit snapshots. */
export const doctorFieldsSelect = {
  id: true,
  name: true,
  sex: true,
  ethnicity: true,
  birthDate: true,
  idType: true,
  idNumber: true,
  education: true,
  degree: true,
  major: true,
  employerId: true,
  department: true,
  specialty: true,
  practisingCategory: true,
  positionRank: true,
  positionTitle: true,
  hireDate: true,
  phone: true,
  version: true,
} as const satisfies Prisma.DoctorSelect;

const listSelect = {
  ...doctorFieldsSelect,
  employer: { select: { id: true, name: true } },
  // The current title: the highest level held, and within it the latest obtained.
  titles: { orderBy: [{ level: "desc" }, { obtainedOn: "desc" }], take: 1, select: { level: true, name: true, specialty: true, obtainedOn: true } },
} as const satisfies Prisma.DoctorSelect;

type ListRecord = Prisma.DoctorGetPayload<{ select: typeof listSelect }>;

export type DoctorRow = Omit<ListRecord, "titles"> & {
  isIdNumberMasked: boolean;
  currentTitle: ListRecord["titles"][number] | null;
};

function toRow(scope: Scope, { titles, ...doctor }: ListRecord): DoctorRow {
  return { ...doctor, ...shownIdNumber(scope, doctor), currentTitle: titles[0] ?? null };
}

/** The list's filters as one where clause, inside the user's scope. */
export function doctorListWhere(scope: Scope, query: DoctorListQuery): Prisma.DoctorWhereInput {
  const filters: Prisma.DoctorWhereInput[] = [doctorWhere(scope)];
  if (query.q) {
    const id = normalizeIdNumber(query.q);
    const or: Prisma.DoctorWhereInput[] = [
      { name: { contains: query.q, mode: "insensitive" } },
      { department: { contains: query.q, mode: "insensitive" } },
    ];
    if (/^\d{17}[\dX]$/.test(id)) or.push({ idNumber: id });
    if (/^\d{3}[\dX]$/.test(id)) or.push({ idNumber: { endsWith: id } });
    filters.push({ OR: or });
  }
  if (query.employerId) filters.push({ employerId: query.employerId });
  if (query.specialty) filters.push({ specialty: { contains: query.specialty, mode: "insensitive" } });
  if (query.education) filters.push({ education: query.education });
  if (query.titleLevel) {
    const higher = TITLE_LEVELS.slice(TITLE_LEVELS.indexOf(query.titleLevel) + 1);
    filters.push({ titles: { some: { level: query.titleLevel } } });
    if (higher.length > 0) filters.push({ titles: { none: { level: { in: [...higher] } } } });
  }
  return { AND: filters };
}

type DoctorOrder = Prisma.DoctorOrderByWithRelationInput;
const orders: Record<(typeof DOCTOR_SORT_KEYS)[number], (dir: SortDir) => DoctorOrder[]> = {
  name: (dir) => [{ name: dir }],
  sex: (dir) => [{ sex: dir }, { name: "asc" }],
  birthDate: (dir) => [{ birthDate: dir }, { name: "asc" }],
  employer: (dir) => [{ employer: { name: dir } }, { name: "asc" }],
  department: (dir) => [{ department: dir }, { name: "asc" }],
};
/** The list's (and the export's) order: the chosen column, then the id so that pages never overlap. */
const listOrder = (query: DoctorListQuery) => orderOf(orders, query, DOCTOR_DEFAULT_SORT, [{ id: "asc" }]);

/**
 * The list's total. Unsearched, where the scope is a list of employers (a bureau's or a hospital's), it is
 * summed from the doctors kept per employer (DoctorTally, migration 20261211000000): a bureau's 50 000
 * doctors were a sequential scan of the registry on every page of the list. Otherwise counted.
 */
async function countDoctors(db: PrismaClient, scope: Scope, query: DoctorListQuery, where: Prisma.DoctorWhereInput): Promise<number> {
  const employers = doctorEmployerIds(scope);
  if (!employers || query.q || query.specialty || query.education || query.titleLevel) return db.doctor.count({ where });
  const counted = query.employerId ? employers.filter((id) => id === query.employerId) : employers;
  const { _sum } = await db.doctorTally.aggregate({ where: { employerId: { in: counted } }, _sum: { n: true } });
  return _sum.n ?? 0;
}

/** One page of the doctors the user may see, searched and filtered in SQL. */
export async function listDoctors(db: PrismaClient, scope: Scope, query: DoctorListQuery): Promise<Page<DoctorRow>> {
  authorize(scope, "doctor.read");
  const where = doctorListWhere(scope, query);
  const [total, rows] = await Promise.all([
    countDoctors(db, scope, query, where),
    db.doctor.findMany({ where, orderBy: listOrder(query), ...pageArgs(query), select: listSelect }),
  ]);
  return toPage(
    rows.map((row) => toRow(scope, row)),
    total,
    query,
  );
}

export interface DoctorDetail extends Omit<DoctorRow, "currentTitle"> {
  titles: { id: string; level: (typeof TITLE_LEVELS)[number]; name: string; specialty: string; obtainedOn: Date }[];
  grassrootsServices: { id: string; organizationName: string; startDate: Date; endDate: Date | null; isFullTime: boolean }[];
  canManage: boolean;
}

/** One doctor in the user's scope with the full histories, or null (missing or out of scope). */
export async function getDoctor(db: PrismaClient, scope: Scope, id: string): Promise<DoctorDetail | null> {
  authorize(scope, "doctor.read");
  const doctor = await db.doctor.findFirst({
    where: { AND: [doctorWhere(scope), { id }] },
    select: {
      ...listSelect,
      titles: { orderBy: [{ obtainedOn: "asc" }, { level: "asc" }], select: { id: true, level: true, name: true, specialty: true, obtainedOn: true } },
      grassrootsServices: { orderBy: { startDate: "asc" }, select: { id: true, organizationName: true, startDate: true, endDate: true, isFullTime: true } },
    },
  });
  if (!doctor) return null;
  return { ...doctor, ...shownIdNumber(scope, doctor), canManage: can(scope, "doctor.manage", { organizationId: doctor.employerId }) };
}

export interface EmployerOption {
  id: string;
  name: string;
}

/** Organisations a doctor may be employed by: active, not a bureau, in the user's subtree (a hospital: itself). */
export async function listEmployerOptions(db: PrismaClient, scope: Scope, options: { includeId?: string; q?: string; take?: number } = {}): Promise<EmployerOption[]> {
  authorize(scope, "doctor.read");
  const candidates: Prisma.OrganizationWhereInput[] = [{ isActive: true, kind: { not: "BUREAU" }, ...(options.q ? { name: { contains: options.q, mode: "insensitive" } } : {}) }];
  if (options.includeId) candidates.push({ id: options.includeId });
  const rows = await db.organization.findMany({
    where: { AND: [{ id: { in: scope.subtreeIds } }, { OR: candidates }] },
    orderBy: [{ level: "asc" }, { name: "asc" }],
    select: { id: true, name: true },
    take: options.take ?? 2000,
  });
  // A picker showing a few at a time still offers the chosen one.
  const { includeId } = options;
  if (!includeId || rows.some((r) => r.id === includeId) || !scope.subtreeIds.includes(includeId)) return rows;
  const chosen = await db.organization.findUnique({ where: { id: includeId }, select: { id: true, name: true } });
  return chosen ? [chosen, ...rows] : rows;
}

// ───────────── Export (the import's layout) ─────────────

export const EXPORT_LIMIT = 5000;

const date = (d: Date | null | undefined) => d ?? null;

const EXPORT_VALUES: Record<ImportColumnKey, (row: DoctorRow) => string | Date | null> = {
  name: (r) => r.name,
  sex: (r) => labelOf(SEX_LABELS, r.sex),
  ethnicity: (r) => r.ethnicity,
  birthDate: (r) => date(r.birthDate),
  idType: (r) => labelOf(ID_TYPE_LABELS, r.idType),
  idNumber: (r) => r.idNumber,
  education: (r) => labelOf(EDUCATION_LABELS, r.education),
  degree: (r) => r.degree,
  major: (r) => r.major,
  employer: (r) => r.employer.name,
  department: (r) => r.department,
  specialty: (r) => r.specialty,
  practisingCategory: (r) => labelOf(PRACTISING_CATEGORY_LABELS, r.practisingCategory),
  positionTitle: (r) => r.positionTitle,
  positionRank: (r) => labelOf(POSITION_RANK_LABELS, r.positionRank),
  titleName: (r) => r.currentTitle?.name ?? null,
  titleLevel: (r) => labelOf(TITLE_LEVEL_LABELS, r.currentTitle?.level),
  titleObtainedOn: (r) => date(r.currentTitle?.obtainedOn),
  hireDate: (r) => date(r.hireDate),
  phone: (r) => r.phone,
};

const DATE_COLUMNS = new Set<ImportColumnKey>(["birthDate", "titleObtainedOn", "hireDate"]);

export const doctorSheetColumns: SheetColumn<DoctorRow>[] = IMPORT_COLUMNS.map((c) => ({
  header: c.header,
  value: EXPORT_VALUES[c.key],
  width: c.key === "employer" ? 28 : c.key === "idNumber" ? 22 : undefined,
  kind: DATE_COLUMNS.has(c.key) ? "date" : undefined,
}));

/** The filtered doctors for the export, at most EXPORT_LIMIT, with the total that matched. */
export async function listDoctorsForExport(db: PrismaClient, scope: Scope, query: DoctorListQuery): Promise<{ rows: DoctorRow[]; total: number }> {
  authorize(scope, "doctor.read");
  const where = doctorListWhere(scope, query);
  const [total, rows] = await Promise.all([db.doctor.count({ where }), db.doctor.findMany({ where, orderBy: listOrder(query), take: EXPORT_LIMIT, select: listSelect })]);
  return { rows: rows.map((row) => toRow(scope, row)), total };
}
