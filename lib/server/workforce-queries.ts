import "server-only";
import { authorize, can, doctorWhere, targetedStudentWhere, workforceRegionWhere, type Scope } from "../auth/policy";
import { shanghaiDay } from "../domain/dispatch";
import { isoDay } from "../domain/eligibility/calendar";
import { grassrootsServiceDays, promotionServiceStatus, type PromotionServiceStatus } from "../domain/grassroots-service";
import { contractStatus, gapToTarget, indicatorValue, type ContractStatus } from "../domain/workforce";
import { Prisma, type PrismaClient } from "../generated/prisma/client";
import { AppError } from "../errors";
import { subtreeIds } from "./organization-tree";

// Reads of the workforce area (seed 002): a region's indicators per year with target, actual and the
// gap; the targeted students' contracts with the service left; the grassroots service each doctor
// still owes before promotion. Registry indicators are counted in SQL over the region's doctors;
// per-row rules (the gap, a contract's days, a doctor's days) come from lib/domain.

export interface Region {
  id: string;
  name: string;
  parentId: string | null;
}

/** The regions (bureaus) the caller reads, the top one first, then by name. */
export async function workforceRegions(db: PrismaClient, scope: Scope): Promise<Region[]> {
  authorize(scope, "workforce.indicators");
  const rows = await db.organization.findMany({ where: workforceRegionWhere(scope), select: { id: true, name: true, parentId: true }, orderBy: { name: "asc" } });
  const own = rows.find((r) => r.id === scope.user.organizationId);
  return own ? [own, ...rows.filter((r) => r !== own)] : rows;
}

/** The region asked for, if the caller reads it (404 otherwise), else the caller's own. */
async function regionOf(db: PrismaClient, scope: Scope, regionId: string | undefined): Promise<Region> {
  const id = regionId ?? scope.user.organizationId;
  const region = await db.organization.findFirst({ where: { AND: [workforceRegionWhere(scope), { id }] }, select: { id: true, name: true, parentId: true } });
  if (!region) throw new AppError("notFound");
  return region;
}

export interface IndicatorYear {
  year: number;
  figureId: string | null;
  version: number | null;
  target: number | null;
  numerator: number | null;
  denominator: number | null;
  actual: number | null;
  gap: number | null;
  hasMet: boolean | null;
  enteredBy: string | null;
  enteredAt: string | null;
}

export interface IndicatorSeries {
  id: string;
  code: string;
  name: string;
  unit: string;
  base: number;
  source: "REGISTRY" | "ENTERED";
  numeratorLabel: string;
  denominatorLabel: string;
  years: IndicatorYear[];
}

export interface WorkforceIndicators {
  region: Region;
  years: number[];
  indicators: IndicatorSeries[];
}

/** What the registry counts, per year, among the doctors employed in the region (its bureau and all below). */
interface RegistryRow {
  year: number;
  staff: bigint;
  college: bigint;
  midTitle: bigint;
}

/** The registry indicators by code: which count is the numerator (the denominator: the region's doctors then). */
const REGISTRY_MEASURES: Record<string, "college" | "midTitle"> = { COLLEGE_DEGREE_SHARE: "college", MID_TITLE_SHARE: "midTitle" };

async function registryCounts(db: PrismaClient, regionId: string, years: number[]): Promise<Map<number, RegistryRow>> {
  if (years.length === 0) return new Map();
  // A doctor counts in a year when hired by its last day (no hire date: counted); a title when obtained by then.
  const rows = await db.$queryRaw<RegistryRow[]>`
    WITH RECURSIVE region AS (
      SELECT id FROM "Organization" WHERE id = ${regionId}
      UNION ALL
      SELECT o.id FROM "Organization" o JOIN region r ON o."parentId" = r.id
    ), years AS (SELECT unnest(${years}::int[]) AS year),
    staff AS (
      SELECT y.year, d.id, d.education
        FROM years y
        JOIN "Doctor" d ON d."employerId" IN (SELECT id FROM region)
                       AND (d."hireDate" IS NULL OR d."hireDate" <= make_date(y.year, 12, 31))
    )
    SELECT y.year,
           count(s.id) AS staff,
           count(s.id) FILTER (WHERE s.education IN ('JUNIOR_COLLEGE', 'BACHELOR', 'MASTER', 'DOCTORATE')) AS college,
           count(s.id) FILTER (WHERE EXISTS (
             SELECT 1 FROM "TitleRecord" t
              WHERE t."doctorId" = s.id AND t.level IN ('INTERMEDIATE', 'ASSOCIATE_SENIOR', 'SENIOR') AND t."obtainedOn" <= make_date(y.year, 12, 31)
           )) AS "midTitle"
      FROM years y LEFT JOIN staff s ON s.year = y.year
     GROUP BY y.year
     ORDER BY y.year`;
  return new Map(rows.map((r) => [Number(r.year), r]));
}

/** The region's indicators, each with its years: target, actual (entered, or counted from the registry) and the gap. */
export async function workforceIndicators(db: PrismaClient, scope: Scope, query: { regionId?: string } = {}): Promise<WorkforceIndicators> {
  authorize(scope, "workforce.indicators");
  const region = await regionOf(db, scope, query.regionId);
  const [indicators, figures] = await Promise.all([
    db.workforceIndicator.findMany({ orderBy: { sortOrder: "asc" } }),
    db.workforceFigure.findMany({
      where: { organizationId: region.id },
      select: { id: true, indicatorId: true, year: true, target: true, numerator: true, denominator: true, version: true, enteredAt: true, enteredBy: { select: { displayName: true } } },
    }),
  ]);
  const years = [...new Set(figures.map((f) => f.year))].sort((a, b) => a - b);
  const counted = await registryCounts(db, region.id, years);
  const byKey = new Map(figures.map((f) => [`${f.indicatorId}|${f.year}`, f]));
  return {
    region,
    years,
    indicators: indicators.map((indicator) => ({
      id: indicator.id,
      code: indicator.code,
      name: indicator.name,
      unit: indicator.unit,
      base: indicator.base,
      source: indicator.source,
      numeratorLabel: indicator.numeratorLabel,
      denominatorLabel: indicator.denominatorLabel,
      years: years.map((year) => {
        const f = byKey.get(`${indicator.id}|${year}`);
        const measure = REGISTRY_MEASURES[indicator.code];
        const row = counted.get(year);
        const [numerator, denominator] =
          indicator.source === "REGISTRY" ? (measure && row ? [Number(row[measure]), Number(row.staff)] : [null, null]) : [f?.numerator ?? null, f?.denominator ?? null];
        const target = f?.target === null || f?.target === undefined ? null : Number(f.target);
        const actual = indicatorValue(numerator, denominator, indicator.base);
        return {
          year,
          figureId: f?.id ?? null,
          version: f?.version ?? null,
          target,
          numerator,
          denominator,
          actual,
          ...gapToTarget(actual, target),
          enteredBy: f?.enteredBy.displayName ?? null,
          enteredAt: f ? f.enteredAt.toISOString() : null,
        };
      }),
    })),
  };
}

export interface ContractRow extends ContractStatus {
  id: string;
  version: number;
  name: string;
  school: string;
  graduationYear: number;
  serviceYears: number;
  serviceStartDate: string;
  serviceOrgId: string;
  serviceOrgName: string;
  doctorId: string | null;
  note: string | null;
  /** What the caller may do with it (the policy: "workforce.manage" over the place of service). */
  can: { correct: boolean };
}

/** The ids of a region's organisations when the caller reads the region; all the caller's own otherwise. */
async function regionFilter(db: PrismaClient, scope: Scope, regionId: string | undefined): Promise<string[] | null> {
  if (!regionId) return null;
  if (!can(scope, "workforce.indicators")) throw new AppError("notFound");
  const region = await regionOf(db, scope, regionId);
  return subtreeIds(db, region.id);
}

export const CONTRACT_LIMIT = 500;

/** Targeted students' contracts in the caller's scope (a region's when asked), the least served first. */
export async function targetedContracts(db: PrismaClient, scope: Scope, query: { regionId?: string; status?: "serving" | "fulfilled" | "notStarted" } = {}, now = new Date()): Promise<{ today: string; rows: ContractRow[] }> {
  authorize(scope, "workforce.read");
  const today = shanghaiDay(now);
  const ids = await regionFilter(db, scope, query.regionId);
  const rows = await db.targetedStudent.findMany({
    where: { AND: [targetedStudentWhere(scope), ids ? { serviceOrgId: { in: ids } } : {}] },
    orderBy: [{ serviceStartDate: "desc" }, { name: "asc" }],
    take: CONTRACT_LIMIT,
    include: { serviceOrg: { select: { name: true } } },
  });
  const all = rows.map((r) => ({
    id: r.id,
    version: r.version,
    name: r.name,
    school: r.school,
    graduationYear: r.graduationYear,
    serviceYears: r.serviceYears,
    serviceStartDate: isoDay(r.serviceStartDate),
    serviceOrgId: r.serviceOrgId,
    serviceOrgName: r.serviceOrg.name,
    doctorId: r.doctorId,
    note: r.note,
    ...contractStatus(r.serviceStartDate, r.serviceYears, today),
    can: { correct: can(scope, "workforce.manage", { organizationId: r.serviceOrgId }) },
  }));
  const status = query.status;
  const kept = status ? all.filter((r) => (status === "fulfilled" ? r.isFulfilled : status === "notStarted" ? !r.hasStarted : r.hasStarted && !r.isFulfilled)) : all;
  return { today, rows: kept };
}

export interface PromotionRow extends PromotionServiceStatus {
  doctorId: string;
  name: string;
  employerName: string;
  titleLevel: "JUNIOR" | "INTERMEDIATE" | null;
}

export const PROMOTION_LIMIT = 500;

/**
 * The doctors of city and county hospitals who still face promotion to 主治 or 副主任 (their highest
 * title below 副高), with the grassroots service the registry records for them and what is left.
 */
export async function promotionService(db: PrismaClient, scope: Scope, query: { regionId?: string } = {}, now = new Date()): Promise<{ today: string; rows: PromotionRow[]; met: number; notMet: number; total: number }> {
  authorize(scope, "workforce.read");
  const today = shanghaiDay(now);
  const ids = await regionFilter(db, scope, query.regionId);
  const where: Prisma.DoctorWhereInput = {
    AND: [doctorWhere(scope), { employer: { kind: "HOSPITAL" } }, { titles: { none: { level: { in: ["ASSOCIATE_SENIOR", "SENIOR"] } } } }, ids ? { employerId: { in: ids } } : {}],
  };
  const select = { id: true, name: true, employer: { select: { name: true } }, titles: { select: { level: true } }, grassrootsServices: { select: { startDate: true, endDate: true, isFullTime: true } } } as const;
  const [total, doctors] = await Promise.all([db.doctor.count({ where }), db.doctor.findMany({ where, orderBy: [{ name: "asc" }], take: PROMOTION_LIMIT, select })]);
  const rows = doctors.map((d) => ({
    doctorId: d.id,
    name: d.name,
    employerName: d.employer.name,
    titleLevel: d.titles.some((t) => t.level === "INTERMEDIATE") ? ("INTERMEDIATE" as const) : d.titles.length ? ("JUNIOR" as const) : null,
    ...promotionServiceStatus(grassrootsServiceDays(d.grassrootsServices, today)),
  }));
  rows.sort((a, b) => Number(a.hasMet) - Number(b.hasMet) || b.remainingDays - a.remainingDays || a.name.localeCompare(b.name, "zh-CN"));
  const met = rows.filter((r) => r.hasMet).length;
  // met and notMet count the doctors listed (the first PROMOTION_LIMIT by name); total counts them all.
  return { today, rows, met, notMet: rows.length - met, total };
}

/** The units a contract may name as its place of service: the centres and hospitals at and below the caller's organisation. */
export async function contractUnits(db: PrismaClient, scope: Scope): Promise<{ id: string; name: string }[]> {
  authorize(scope, "workforce.manage");
  return db.organization.findMany({
    where: { id: { in: scope.subtreeIds }, kind: { in: ["TOWNSHIP_CENTRE", "COMMUNITY_CENTRE", "HOSPITAL"] }, isActive: true },
    select: { id: true, name: true },
    orderBy: [{ kind: "desc" }, { name: "asc" }],
  });
}
