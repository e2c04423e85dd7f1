import "server-only";
// Reading the audit log: the page's list, the filters' choices, and the export. Everything is
// filtered in SQL with the policy's `auditLogWhere(scope)` AND the user's filters.
import { auditLogWhere, type Scope } from "../auth/policy";
import { actionLabel, entityLabel, roleLabel, type Translate } from "../audit-labels";
import { writeSheet, type ExportFormat, type SheetColumn } from "../excel/sheet";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import type { Role } from "../generated/prisma/enums";
import { shanghaiDayBounds, type AuditFilters } from "../schemas/audit";
import { pageArgs, toPage, type Page } from "../schemas/list-query";

type Db = Pick<PrismaClient, "auditLog">;

/** At most this many rows go into one export; the file says so when there were more. */
export const EXPORT_LIMIT = 50_000;

export interface AuditRow {
  id: string;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  actorRole: Role | null;
  actorOrgId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}

const select = {
  id: true,
  at: true,
  actorId: true,
  actorName: true,
  actorRole: true,
  actorOrgId: true,
  action: true,
  entity: true,
  entityId: true,
  before: true,
  after: true,
  ip: true,
} satisfies Prisma.AuditLogSelect;

const orderBy: Prisma.AuditLogOrderByWithRelationInput[] = [{ at: "desc" }, { id: "desc" }];

function toRow(r: Prisma.AuditLogGetPayload<{ select: typeof select }>): AuditRow {
  return { ...r, id: r.id.toString() };
}

/** The user's filters as a `where` fragment (without the scope). */
export function auditFilterWhere(filters: AuditFilters): Prisma.AuditLogWhereInput {
  const and: Prisma.AuditLogWhereInput[] = [];
  if (filters.q) {
    const q = filters.q;
    and.push({
      OR: [
        { action: { contains: q, mode: "insensitive" } },
        { entityId: { contains: q, mode: "insensitive" } },
        { actorName: { contains: q, mode: "insensitive" } },
        { ip: { startsWith: q } },
        // The user name typed in a failed login of an unknown account.
        { after: { path: ["username"], string_contains: q } },
      ],
    });
  }
  if (filters.action) {
    and.push(
      filters.action.endsWith(".*")
        ? { action: { startsWith: filters.action.slice(0, -1) } }
        : { action: filters.action },
    );
  }
  if (filters.entity) and.push({ entity: filters.entity });
  if (filters.actor) {
    and.push({ OR: [{ actorName: { contains: filters.actor, mode: "insensitive" } }, { actorId: filters.actor }] });
  }
  if (filters.from || filters.to) and.push({ at: shanghaiDayBounds(filters.from, filters.to) });
  return and.length ? { AND: and } : {};
}

export function auditWhere(scope: Scope, filters: AuditFilters): Prisma.AuditLogWhereInput {
  return { AND: [auditLogWhere(scope), auditFilterWhere(filters)] };
}

/** One page of the log, newest first. */
export async function listAuditLog(db: Db, scope: Scope, filters: AuditFilters, query: { page: number }): Promise<Page<AuditRow>> {
  const where = auditWhere(scope, filters);
  const [rows, total] = await Promise.all([
    db.auditLog.findMany({ where, select, orderBy, ...pageArgs(query) }),
    db.auditLog.count({ where }),
  ]);
  return toPage(rows.map(toRow), total, query);
}

/** The actions and entities present in the user's scope, for the filters' selects. */
export async function auditFilterOptions(db: Db, scope: Scope): Promise<{ actions: string[]; entities: string[] }> {
  const where = auditLogWhere(scope);
  const [actions, entities] = await Promise.all([
    db.auditLog.groupBy({ by: ["action"], where, orderBy: { action: "asc" } }),
    db.auditLog.groupBy({ by: ["entity"], where, orderBy: { entity: "asc" } }),
  ]);
  return { actions: actions.map((a) => a.action), entities: entities.map((e) => e.entity) };
}

/** The rows an export holds (newest first, at most `limit`), and how many matched in all. */
export async function auditExportRows(db: Db, scope: Scope, filters: AuditFilters, limit = EXPORT_LIMIT): Promise<{ rows: AuditRow[]; total: number }> {
  const where = auditWhere(scope, filters);
  // One more than the limit tells whether it was reached; only then is it worth counting.
  const found = await db.auditLog.findMany({ where, select, orderBy, take: limit + 1 });
  if (found.length <= limit) return { rows: found.map(toRow), total: found.length };
  const total = await db.auditLog.count({ where });
  return { rows: found.slice(0, limit).map(toRow), total: Math.max(total, limit + 1) };
}

// ───────────── Labels: shared by the page and the export ─────────────

export { actionFamilyLabel, actionLabel, entityLabel, roleLabel, type Translate } from "../audit-labels";

/** JSON for a cell: compact, stable, readable. */
function json(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}

export function auditExportColumns(t: Translate, tRoles: Translate): SheetColumn<AuditRow>[] {
  return [
    { header: t("columns.time"), value: (r) => r.at, width: 20 },
    { header: t("columns.actorName"), value: (r) => r.actorName ?? t("unknownActor"), width: 14 },
    { header: t("columns.actorRole"), value: (r) => roleLabel(tRoles, r.actorRole), width: 16 },
    { header: t("columns.action"), value: (r) => actionLabel(t, r.action), width: 18 },
    { header: t("columns.actionCode"), value: (r) => r.action, width: 24 },
    { header: t("columns.entity"), value: (r) => entityLabel(t, r.entity), width: 12 },
    { header: t("columns.entityId"), value: (r) => r.entityId, width: 28 },
    { header: t("columns.ip"), value: (r) => r.ip, width: 16 },
    { header: t("columns.before"), value: (r) => json(r.before), width: 40 },
    { header: t("columns.after"), value: (r) => json(r.after), width: 40 },
    { header: t("columns.id"), value: (r) => r.id, width: 10 },
  ];
}

export interface AuditExport {
  body: Buffer;
  rowCount: number;
  total: number;
  isCapped: boolean;
}

/** The export file: the same rows as the page (scope and filters), newest first, capped at `limit`. */
export async function buildAuditExport(
  db: Db,
  scope: Scope,
  filters: AuditFilters,
  format: ExportFormat,
  labels: { t: Translate; tRoles: Translate },
  limit = EXPORT_LIMIT,
): Promise<AuditExport> {
  const { rows, total } = await auditExportRows(db, scope, filters, limit);
  const isCapped = total > rows.length;
  const body = await writeSheet(format, {
    sheetName: labels.t("sheetName"),
    columns: auditExportColumns(labels.t, labels.tRoles),
    rows,
    footnote: isCapped ? labels.t("exportCapped", { limit: rows.length, total }) : undefined,
  });
  return { body, rowCount: rows.length, total, isCapped };
}
