// Grassroots service (基层服务) as the registry records it. Pure: no I/O.
//
// The rules, in words:
// - Only full-time service counts (seed 001: a part-time stint is not grassroots service). The
//   eligibility engine's "has grassroots service" and the days counted toward promotion both ask
//   countsAsGrassrootsService, so the rule lives here once.
// - Days of service: every calendar day covered by a full-time record, both ends included, counted
//   once where records overlap, up to today (an open record runs to today; one starting later adds nothing).
// - Before promotion to 副高级 a doctor needs grassroots service of at least one year in total
//   (医师法 第四十七条: 累计一年以上; seed 002 三(四): 晋升主治或副主任医师职称前到基层服务不少于*年,
//   its number left blank in the seed, so the law's year is the default). A year is 365 days here.
import { isoDay, type DateInput } from "./eligibility/calendar";
import { addDays, daysFrom, daysInclusive } from "./service-period";

export interface GrassrootsRecord {
  startDate: DateInput;
  endDate?: DateInput | null;
  isFullTime: boolean;
}

export const DAYS_PER_SERVICE_YEAR = 365;
/** Years of grassroots service required before promotion (医师法 第四十七条). */
export const PROMOTION_SERVICE_YEARS = 1;

export function countsAsGrassrootsService(record: Pick<GrassrootsRecord, "isFullTime">): boolean {
  return record.isFullTime;
}

/** The distinct days of full-time grassroots service up to `today`, overlaps counted once. */
export function grassrootsServiceDays(records: readonly GrassrootsRecord[], today: DateInput): number {
  const end = isoDay(today);
  const periods = records
    .filter(countsAsGrassrootsService)
    .map((r) => ({ first: isoDay(r.startDate), last: r.endDate && daysFrom(r.endDate, end) >= 0 ? isoDay(r.endDate) : end }))
    .filter((p) => daysFrom(p.first, p.last) >= 0)
    .sort((a, b) => daysFrom(b.first, a.first));
  let total = 0;
  let coveredUpTo: string | null = null;
  for (const p of periods) {
    const from: string = coveredUpTo && daysFrom(p.first, coveredUpTo) >= 0 ? addDays(coveredUpTo, 1) : p.first;
    total += daysInclusive(from, p.last);
    if (!coveredUpTo || daysFrom(coveredUpTo, p.last) > 0) coveredUpTo = p.last;
  }
  return total;
}

export interface PromotionServiceStatus {
  requiredDays: number;
  servedDays: number;
  hasMet: boolean;
  /** Days still to serve (0 once met). */
  remainingDays: number;
}

export function promotionServiceStatus(servedDays: number, requiredYears = PROMOTION_SERVICE_YEARS): PromotionServiceStatus {
  const requiredDays = requiredYears * DAYS_PER_SERVICE_YEAR;
  return { requiredDays, servedDays, hasMet: servedDays >= requiredDays, remainingDays: Math.max(0, requiredDays - servedDays) };
}
