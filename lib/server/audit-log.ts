import "server-only";
// Reading the audit log: the page's list, the filters' choices, and the export. Everything is
// filtered in SQL with the policy's `auditLogWhere(scope)` AND the user's filters.
import { auditLogWhere, type Scope } from "../auth/policy";
import {
  actionLabel,
  auditFieldLines,
  auditSubject,
  auditSummary,
  auditValuesText,
  entityLabel,
  entityModel,
  idFieldModel,
  nameKey,
  roleLabel,
  type AuditFieldLine,
  type AuditNames,
  type AuditWords,
  type NamedModel,
  type Translate,
} from "../audit-labels";
import { writeSheet, type ExportFormat, type SheetColumn } from "../excel/sheet";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import type { Role } from "../generated/prisma/enums";
import { AUDIT_DEFAULT_SORT, AUDIT_SORT_KEYS, shanghaiDayBounds, type AuditFilters, type AuditPageQuery } from "../schemas/audit";
import { orderOf, pageArgs, toPage, type Page, type SortDir } from "../schemas/list-query";

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

const orders: Record<(typeof AUDIT_SORT_KEYS)[number], (dir: SortDir) => Prisma.AuditLogOrderByWithRelationInput[]> = {
  at: (dir) => [{ at: dir }, { id: dir }],
  actor: (dir) => [{ actorName: { sort: dir, nulls: "last" } }, { at: "desc" }],
  action: (dir) => [{ action: dir }, { at: "desc" }],
  entity: (dir) => [{ entity: dir }, { at: "desc" }],
};
/** Newest first unless a column is chosen; the id last so that pages never overlap. */
const orderFor = (query: { sort?: AuditPageQuery["sort"]; dir?: SortDir }) => orderOf(orders, query, AUDIT_DEFAULT_SORT, [{ id: "desc" }]);

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
export async function listAuditLog(db: Db, scope: Scope, filters: AuditFilters, query: AuditPageQuery): Promise<Page<AuditRow>> {
  const where = auditWhere(scope, filters);
  const [rows, total] = await Promise.all([
    db.auditLog.findMany({ where, select, orderBy: orderFor(query), ...pageArgs(query) }),
    db.auditLog.count({ where }),
  ]);
  return toPage(rows.map(toRow), total, query);
}

/**
 * One entry of the log by its number, within the user's scope (the policy's `auditLogWhere`): null for
 * an unknown number and for an entry out of scope alike (a page never tells that one exists).
 */
export async function getAuditEntry(db: Db, scope: Scope, id: string): Promise<AuditRow | null> {
  if (!/^\d{1,18}$/.test(id)) return null;
  const row = await db.auditLog.findFirst({ where: { AND: [auditLogWhere(scope), { id: BigInt(id) }] }, select });
  return row ? toRow(row) : null;
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
export async function auditExportRows(db: Db, scope: Scope, filters: AuditFilters, limit = EXPORT_LIMIT, order: { sort?: AuditPageQuery["sort"]; dir?: SortDir } = {}): Promise<{ rows: AuditRow[]; total: number }> {
  const where = auditWhere(scope, filters);
  // One more than the limit tells whether it was reached; only then is it worth counting. In the page's order.
  const found = await db.auditLog.findMany({ where, select, orderBy: orderFor(order), take: limit + 1 });
  if (found.length <= limit) return { rows: found.map(toRow), total: found.length };
  const total = await db.auditLog.count({ where });
  return { rows: found.slice(0, limit).map(toRow), total: Math.max(total, limit + 1) };
}

// ───────────── Labels: shared by the page and the export ─────────────

export { actionFamilyLabel, actionLabel, entityLabel, roleLabel, type Translate } from "../audit-labels";

// ───────────── Rows in words: the names the rows refer to ─────────────

type NamesDb = Pick<PrismaClient, "application" | "doctor" | "post" | "program" | "user" | "organization" | "dispatch" | "eligibilityRule" | "apiToken">;

/** A row as the auditor reads it: the sentence, the record in words, every field labelled. */
export interface DescribedAuditRow extends AuditRow {
  summary: string;
  subject: string | null;
  fields: AuditFieldLine[];
}

function collectIds(value: unknown, depth: number, into: Map<NamedModel, Set<string>>): void {
  if (depth > 3 || typeof value !== "object" || value === null) return;
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    const model = idFieldModel(key);
    if (model && typeof v === "string") into.get(model)!.add(v);
    else if (model && Array.isArray(v)) for (const id of v) if (typeof id === "string") into.get(model)!.add(id);
    else collectIds(v, depth + 1, into);
  }
}

/** "第1批" when a programme has several rotation batches; the post's words for an application. */
function postWords(post: { title: string; rotationBatch: number; program: { name: string } }, t: Translate): string {
  return t("names.post", { title: post.title, batch: post.rotationBatch, program: post.program.name });
}

/**
 * The names of every record the rows mention — their own record and each id in their data — in one
 * query per kind of record (never one per row). A record deleted since keeps its id.
 */
export async function auditNamesOf(db: NamesDb, rows: AuditRow[], t: Translate): Promise<AuditNames> {
  const ids = new Map<NamedModel, Set<string>>(
    (["Application", "Doctor", "Post", "Program", "User", "Organization", "Dispatch", "EligibilityRule", "ApiToken"] as const).map((m) => [m, new Set<string>()]),
  );
  for (const row of rows) {
    const model = entityModel(row.entity);
    if (model && row.entityId) ids.get(model)!.add(row.entityId);
    if (row.actorOrgId) ids.get("Organization")!.add(row.actorOrgId);
    collectIds(row.before, 0, ids);
    collectIds(row.after, 0, ids);
  }
  const names = new Map<string, string>();
  const list = (m: NamedModel) => [...ids.get(m)!];
  const postSelect = { title: true, rotationBatch: true, program: { select: { name: true } } } as const;
  const [applications, doctors, posts, programs, users, organizations, dispatches, rules, tokens] = await Promise.all([
    db.application.findMany({ where: { id: { in: list("Application") } }, select: { id: true, doctor: { select: { name: true } }, post: { select: postSelect } } }),
    db.doctor.findMany({ where: { id: { in: list("Doctor") } }, select: { id: true, name: true } }),
    db.post.findMany({ where: { id: { in: list("Post") } }, select: { id: true, ...postSelect } }),
    db.program.findMany({ where: { id: { in: list("Program") } }, select: { id: true, name: true } }),
    db.user.findMany({ where: { id: { in: list("User") } }, select: { id: true, displayName: true, username: true } }),
    db.organization.findMany({ where: { id: { in: list("Organization") } }, select: { id: true, name: true } }),
    db.dispatch.findMany({ where: { id: { in: list("Dispatch") } }, select: { id: true, doctor: { select: { name: true } }, post: { select: postSelect } } }),
    db.eligibilityRule.findMany({ where: { id: { in: list("EligibilityRule") } }, select: { id: true, name: true } }),
    db.apiToken.findMany({ where: { id: { in: list("ApiToken") } }, select: { id: true, name: true } }),
  ]);
  for (const a of applications) names.set(nameKey("Application", a.id), t("names.application", { doctor: a.doctor.name, post: postWords(a.post, t) }));
  for (const d of dispatches) names.set(nameKey("Dispatch", d.id), t("names.application", { doctor: d.doctor.name, post: postWords(d.post, t) }));
  for (const d of doctors) names.set(nameKey("Doctor", d.id), d.name);
  for (const p of posts) names.set(nameKey("Post", p.id), postWords(p, t));
  for (const p of programs) names.set(nameKey("Program", p.id), p.name);
  for (const u of users) names.set(nameKey("User", u.id), t("names.user", { name: u.displayName, username: u.username }));
  for (const o of organizations) names.set(nameKey("Organization", o.id), o.name);
  for (const r of rules) names.set(nameKey("EligibilityRule", r.id), r.name);
  for (const k of tokens) names.set(nameKey("ApiToken", k.id), k.name);
  return names;
}

/** The rows in words (the page and the export alike). */
export async function describeAuditRows(db: NamesDb, rows: AuditRow[], words: AuditWords): Promise<DescribedAuditRow[]> {
  const names = await auditNamesOf(db, rows, words.t);
  return rows.map((row) => ({
    ...row,
    summary: auditSummary(words, row, names),
    subject: auditSubject(row, names),
    fields: auditFieldLines(words, row.entity, row.before, row.after, names),
  }));
}

/** The export's columns: every cell in words; the codes and ids only in their own columns. */
export function auditExportColumns(words: AuditWords, tRoles: Translate): SheetColumn<DescribedAuditRow>[] {
  const { t } = words;
  return [
    { header: t("columns.time"), value: (r) => r.at, width: 20 },
    { header: t("columns.summary"), value: (r) => r.summary, width: 48 },
    { header: t("columns.actorName"), value: (r) => r.actorName ?? t("unknownActor"), width: 14 },
    { header: t("columns.actorRole"), value: (r) => roleLabel(tRoles, r.actorRole), width: 16 },
    { header: t("columns.action"), value: (r) => actionLabel(t, r.action), width: 18 },
    { header: t("columns.entity"), value: (r) => entityLabel(t, r.entity), width: 12 },
    { header: t("columns.subject"), value: (r) => r.subject, width: 28 },
    { header: t("columns.ip"), value: (r) => r.ip, width: 16 },
    { header: t("columns.before"), value: (r) => auditValuesText(words, r.fields, "before"), width: 48 },
    { header: t("columns.after"), value: (r) => auditValuesText(words, r.fields, "after"), width: 48 },
    { header: t("columns.actionCode"), value: (r) => r.action, width: 24 },
    { header: t("columns.entityId"), value: (r) => r.entityId, width: 28 },
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
  db: Db & NamesDb,
  scope: Scope,
  filters: AuditFilters,
  format: ExportFormat,
  labels: AuditWords & { tRoles: Translate },
  limit = EXPORT_LIMIT,
  order: { sort?: AuditPageQuery["sort"]; dir?: SortDir } = {},
): Promise<AuditExport> {
  const { rows, total } = await auditExportRows(db, scope, filters, limit, order);
  const isCapped = total > rows.length;
  const body = await writeSheet(format, {
    sheetName: labels.t("sheetName"),
    columns: auditExportColumns(labels, labels.tRoles),
    rows: await describeAuditRows(db, rows, labels),
    footnote: isCapped ? labels.t("exportCapped", { limit: rows.length, total }) : undefined,
  });
  return { body, rowCount: rows.length, total, isCapped };
}
