import { z } from "zod";
import { listQuerySchema, sortFields, strictListFields, type DefaultSort } from "./list-query";

// The audit log's filters, read from the URL by the page and by the export route. Unlike the lenient
// list query, a bad value is an error the user sees (the page) or a 422 (the export): a filter that
// silently disappeared would show or export more than the user asked for.

/** "auth.login_failed", or a whole family "auth.*". */
const ACTION_PATTERN = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*(\.\*)?$/;
const ENTITY_PATTERN = /^[A-Za-z][A-Za-z0-9_]*$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: "tooLong" })
    .transform((v) => (v === "" ? undefined : v))
    .optional();

/** A calendar day "YYYY-MM-DD" that exists (no 2026-02-30). */
const calendarDate = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional()
  .refine((v) => {
    if (v === undefined) return true;
    if (!DATE_PATTERN.test(v)) return false;
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  }, { message: "invalidDate" });

export const auditFilterSchema = z
  .object({
    q: optionalText(100),
    action: optionalText(100).refine((v) => v === undefined || ACTION_PATTERN.test(v), { message: "invalidAction" }),
    entity: optionalText(64).refine((v) => v === undefined || ENTITY_PATTERN.test(v), { message: "invalidEntity" }),
    actor: optionalText(100),
    from: calendarDate,
    to: calendarDate,
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: "fromAfterTo", path: ["to"] });

export type AuditFilters = z.infer<typeof auditFilterSchema>;

/** The audit log's sortable columns (the whitelist; lib/server/audit-log.ts maps each to its SQL order). */
export const AUDIT_SORT_KEYS = ["at", "actor", "action", "entity"] as const;
export const AUDIT_DEFAULT_SORT: DefaultSort<(typeof AUDIT_SORT_KEYS)[number]> = { sort: "at", dir: "desc" };

/** Page, page size and order: lenient like every list's (a forged key falls back to newest first). */
export const auditPageSchema = listQuerySchema.pick({ page: true, size: true }).extend(sortFields(AUDIT_SORT_KEYS));
export type AuditPageQuery = z.infer<typeof auditPageSchema>;

/** The export's format and the page's order (the file holds the rows as the page sorts them; an unknown sort key is refused). */
export const auditExportSchema = z.object({
  format: z.enum(["csv", "xlsx"], { message: "invalidFormat" }),
  sort: strictListFields(AUDIT_SORT_KEYS).sort,
  dir: strictListFields(AUDIT_SORT_KEYS).dir,
});

/** The filter keys, in the order they appear in a URL. */
export const auditFilterKeys = ["q", "action", "entity", "actor", "from", "to"] as const;

/** Search params (a URLSearchParams or Next's searchParams object) → plain strings for the schema. */
export function filterInput(params: URLSearchParams | Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  const get = (key: string) => {
    if (params instanceof URLSearchParams) return params.get(key) ?? undefined;
    const v = params[key];
    return Array.isArray(v) ? v[0] : v;
  };
  return Object.fromEntries([...auditFilterKeys, "page", "size", "sort", "dir", "format"].map((k) => [k, get(k)]));
}

/** The filters as search params again (for pagination and export links). */
export function filterParams(filters: AuditFilters): Record<string, string | undefined> {
  return Object.fromEntries(auditFilterKeys.map((k) => [k, filters[k]]));
}

/**
 * The UTC bounds of a range of calendar days in Asia/Shanghai (UTC+8, no daylight saving since
 * 1991): from 00:00 of `from` inclusive to 00:00 of the day after `to` exclusive.
 */
export function shanghaiDayBounds(from?: string, to?: string): { gte?: Date; lt?: Date } {
  const bounds: { gte?: Date; lt?: Date } = {};
  if (from) bounds.gte = new Date(`${from}T00:00:00+08:00`);
  if (to) bounds.lt = new Date(new Date(`${to}T00:00:00+08:00`).getTime() + 24 * 60 * 60 * 1000);
  return bounds;
}
