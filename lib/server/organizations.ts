import "server-only";
import { audit } from "../audit";
import { authorize, organizationWhere, type Scope } from "../auth/policy";
import { breadcrumbIds, moveProblem, parentProblem } from "../domain/organization-tree";
import { AppError } from "../errors";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import type { HospitalGrade, OrganizationKind, OrganizationLevel } from "../generated/prisma/enums";
import { orderOf, pageArgs, toPage, type Page, type SortDir } from "../schemas/list-query";
import {
  createOrganizationSchema,
  organizationIdSchema,
  updateOrganizationSchema,
  type OrganizationListQuery,
  ORGANIZATION_DEFAULT_SORT,
  ORGANIZATION_SORT_KEYS,
} from "../schemas/organizations";
import { checkEditVersion } from "./edit-version";
import { actorOf, fieldError, parse, runTx, visibleOr, type Tx, type UniqueFieldMap } from "./kit";
import { ancestorIds, subtreeIds } from "./organization-tree";

// Use cases of the organisation tree (issue: bureau admins manage organisations). Each takes the
// database, the caller's scope and raw input, so that actions, API routes and tests call the same
// code: parse → authorize → transaction with one audit row. Nothing here ever deletes a row.

/** Any constant: organisation changes are rare, and taking one lock keeps concurrent moves from making a cycle. */
const TREE_LOCK_KEY = 727_000_101;

const snapshotSelect = {
  id: true,
  name: true,
  code: true,
  kind: true,
  level: true,
  grade: true,
  region: true,
  parentId: true,
  isActive: true,
  version: true,
} as const satisfies Prisma.OrganizationSelect;

export type OrganizationSnapshot = Prisma.OrganizationGetPayload<{ select: typeof snapshotSelect }>;

// ───────────── Reads ─────────────

export interface OrganizationRow {
  id: string;
  name: string;
  code: string | null;
  kind: OrganizationKind;
  level: OrganizationLevel;
  grade: HospitalGrade | null;
  region: string;
  isActive: boolean;
  parent: { id: string; name: string } | null;
  counts: { users: number; doctors: number; children: number };
}

/** One page of the organisations the user may see, searched and filtered in SQL, counts included. */
type OrganizationOrder = Prisma.OrganizationOrderByWithRelationInput;
const orders: Record<(typeof ORGANIZATION_SORT_KEYS)[number], (dir: SortDir) => OrganizationOrder[]> = {
  name: (dir) => [{ name: dir }],
  kind: (dir) => [{ kind: dir }, { name: "asc" }],
  level: (dir) => [{ level: dir }, { kind: "asc" }, { name: "asc" }],
  region: (dir) => [{ region: dir }, { name: "asc" }],
  // Active first when ascending (the status column reads 启用 before 停用).
  status: (dir) => [{ isActive: dir === "asc" ? "desc" : "asc" }, { name: "asc" }],
};

export async function listOrganizations(db: PrismaClient, scope: Scope, query: OrganizationListQuery): Promise<Page<OrganizationRow>> {
  authorize(scope, "organization.read");
  const filters: Prisma.OrganizationWhereInput[] = [organizationWhere(scope)];
  if (query.q) {
    filters.push({
      OR: [
        { name: { contains: query.q, mode: "insensitive" } },
        { code: { contains: query.q, mode: "insensitive" } },
        { region: { contains: query.q, mode: "insensitive" } },
      ],
    });
  }
  if (query.kind) filters.push({ kind: query.kind });
  if (query.level) filters.push({ level: query.level });
  if (query.status) filters.push({ isActive: query.status === "active" });
  const where: Prisma.OrganizationWhereInput = { AND: filters };

  const [total, rows] = await Promise.all([
    db.organization.count({ where }),
    db.organization.findMany({
      where,
      orderBy: orderOf(orders, query, ORGANIZATION_DEFAULT_SORT, [{ id: "asc" }]),
      ...pageArgs(query),
      select: {
        ...snapshotSelect,
        parent: { select: { id: true, name: true } },
        _count: { select: { users: true, doctors: true, children: true } },
      },
    }),
  ]);
  return toPage(
    rows.map(({ _count, parentId: _parentId, ...row }) => ({ ...row, counts: _count })),
    total,
    query,
  );
}

export interface OrganizationDetail extends OrganizationSnapshot {
  parent: { id: string; name: string; isActive: boolean } | null;
  /** From the top of what the user may see down to the parent (the organisation itself excluded). */
  breadcrumb: { id: string; name: string }[];
  counts: { users: number; doctors: number; children: number; activeChildren: number };
  isOwnOrganization: boolean;
}

/** One organisation in the user's scope, or null (missing or out of scope: the page shows "not found"). */
export async function getOrganization(db: PrismaClient, scope: Scope, id: string): Promise<OrganizationDetail | null> {
  authorize(scope, "organization.read");
  const org = await db.organization.findFirst({
    where: { AND: [organizationWhere(scope), { id }] },
    select: {
      ...snapshotSelect,
      parent: { select: { id: true, name: true, isActive: true } },
      _count: { select: { users: true, doctors: true, children: true } },
    },
  });
  if (!org) return null;
  const [chain, activeChildren] = await Promise.all([ancestorIds(db, org.id), db.organization.count({ where: { parentId: org.id, isActive: true } })]);
  const crumbIds = breadcrumbIds(chain, scope.subtreeIds).filter((crumb) => crumb !== org.id);
  const names = new Map((await db.organization.findMany({ where: { id: { in: crumbIds } }, select: { id: true, name: true } })).map((o) => [o.id, o.name]));
  const { _count, ...rest } = org;
  return {
    ...rest,
    breadcrumb: crumbIds.map((crumb) => ({ id: crumb, name: names.get(crumb) ?? "" })),
    counts: { ..._count, activeChildren },
    isOwnOrganization: org.id === scope.user.organizationId,
  };
}

export interface ParentOption {
  id: string;
  name: string;
  level: OrganizationLevel;
  isActive: boolean;
}

/**
 * The bureaus a new or moved organisation may go under: active, in the user's subtree, and when
 * editing, not the organisation itself nor anything below it. The current parent stays in the list
 * even if it has since been deactivated, so that the form shows it.
 */
export async function listParentOptions(db: PrismaClient, scope: Scope, options: { editingId?: string; currentParentId?: string | null } = {}): Promise<ParentOption[]> {
  authorize(scope, "organization.manage");
  const excluded = options.editingId ? await subtreeIds(db, options.editingId) : [];
  const candidates: Prisma.OrganizationWhereInput[] = [{ kind: "BUREAU", isActive: true }];
  if (options.currentParentId) candidates.push({ id: options.currentParentId });
  return db.organization.findMany({
    where: { AND: [organizationWhere(scope), { id: { notIn: excluded } }, { OR: candidates }] },
    orderBy: [{ level: "asc" }, { name: "asc" }],
    select: { id: true, name: true, level: true, isActive: true },
    take: 2000,
  });
}

// ───────────── Mutations ─────────────

async function lockTree(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${TREE_LOCK_KEY}::bigint)`;
}

/** The organisation by id, with its owner derived from the record: out of scope is forbidden. */
async function loadInScope(tx: Tx, scope: Scope, id: string): Promise<OrganizationSnapshot> {
  const org = visibleOr(await tx.organization.findUnique({ where: { id }, select: snapshotSelect }));
  authorize(scope, "organization.manage", { organizationId: org.id });
  return org;
}

/** The chosen parent must exist, lie in the user's subtree, and be able to hold the child. */
async function checkParent(tx: Tx, scope: Scope, parentId: string, child: { kind: OrganizationKind; level: OrganizationLevel }): Promise<void> {
  const parent = await tx.organization.findUnique({ where: { id: parentId }, select: { id: true, kind: true, level: true, isActive: true } });
  if (!parent) throw fieldError("parentId", "parentNotFound");
  authorize(scope, "organization.manage", { organizationId: parent.id });
  const problem = parentProblem(child, parent);
  if (problem) throw fieldError("parentId", problem);
}

/** Names and codes are unique (case aside): a clear field error rather than the database's refusal. */
async function checkUnique(tx: Tx, values: { name: string; code: string | null }, exceptId?: string): Promise<void> {
  const notSelf: Prisma.OrganizationWhereInput = exceptId ? { id: { not: exceptId } } : {};
  const sameName = await tx.organization.findFirst({ where: { ...notSelf, name: { equals: values.name, mode: "insensitive" } }, select: { id: true } });
  if (sameName) throw fieldError("name", "nameTaken");
  if (values.code) {
    const sameCode = await tx.organization.findFirst({ where: { ...notSelf, code: { equals: values.code, mode: "insensitive" } }, select: { id: true } });
    if (sameCode) throw fieldError("code", "codeTaken");
  }
}

/** A unique violation that slipped past checkUnique (two admins at once) becomes the same field error. */
const uniqueFields: UniqueFieldMap = { Organization_code_key: ["code", "codeTaken"], Organization_name_key: ["name", "nameTaken"] };

export async function createOrganization(db: PrismaClient, scope: Scope, raw: unknown): Promise<OrganizationSnapshot> {
  const input = parse(createOrganizationSchema, raw);
  authorize(scope, "organization.manage");
  const { parentId, ...values } = input;
  if (!parentId) throw fieldError("parentId", "parentRequired");
  return runTx(db, async (tx) => {
    await lockTree(tx);
    await checkParent(tx, scope, parentId, values);
    await checkUnique(tx, values);
    const created = await tx.organization.create({ data: { ...values, parentId }, select: snapshotSelect });
    await audit(tx, { actor: await actorOf(tx, scope), action: "organization.create", entity: "Organization", entityId: created.id, after: created });
    return created;
  }, { uniqueFields });
}

/**
 * Edits an organisation; a change of parent is a move (audited as organization.move). A move may not
 * make a cycle, may not leave the user's subtree, and may not be of the user's own organisation.
 * An edit that changes nothing writes nothing.
 */
export async function updateOrganization(db: PrismaClient, scope: Scope, raw: unknown): Promise<OrganizationSnapshot> {
  const input = parse(updateOrganizationSchema, raw);
  authorize(scope, "organization.manage");
  const { id, parentId: requestedParentId, version, ...values } = input;
  return runTx(db, async (tx) => {
    await lockTree(tx); // also serialises two edits of one organisation
    const before = await loadInScope(tx, scope, id);
    await checkEditVersion(tx, "Organization", id, before.version, version);
    const parentId = requestedParentId ?? before.parentId;
    const isMove = parentId !== before.parentId;
    if (isMove) {
      if (before.id === scope.user.organizationId) throw new AppError("forbidden", "ownOrganizationMove");
      if (!parentId) throw fieldError("parentId", "parentRequired");
      const problem = moveProblem(before.id, parentId, await subtreeIds(tx, before.id));
      if (problem) throw fieldError("parentId", problem);
    }
    const placementChanged = values.kind !== before.kind || values.level !== before.level;
    const placementField = values.kind !== before.kind ? "kind" : "level";
    if (isMove && parentId) {
      await checkParent(tx, scope, parentId, values);
    } else if (placementChanged && parentId) {
      // Same parent, new kind or level: it must still fit there (the parent's own state aside).
      const parent = await tx.organization.findUnique({ where: { id: parentId }, select: { kind: true, level: true } });
      const problem = parent ? parentProblem(values, { ...parent, isActive: true }) : null;
      if (problem) throw fieldError(placementField, problem);
    }
    if (placementChanged) {
      // …and what is under it must still fit under it (a bureau with hospitals cannot become a hospital).
      const children = await tx.organization.findMany({ where: { parentId: before.id }, select: { kind: true, level: true }, distinct: ["kind", "level"] });
      if (children.some((child) => parentProblem(child, { ...values, isActive: true }))) throw fieldError(placementField, "childrenDoNotFit");
    }
    await checkUnique(tx, values, before.id);

    const changed = (Object.keys(values) as (keyof typeof values)[]).some((key) => values[key] !== before[key]) || isMove;
    if (!changed) return before;
    const after = await tx.organization.update({ where: { id: before.id }, data: { ...values, parentId, version: { increment: 1 } }, select: snapshotSelect });
    await audit(tx, {
      actor: await actorOf(tx, scope),
      action: isMove ? "organization.move" : "organization.update",
      entity: "Organization",
      entityId: before.id,
      before,
      after,
    });
    return after;
  }, { uniqueFields });
}

/**
 * Hides an organisation from new selections. It deactivates nothing else and deletes nothing; it is
 * refused for the user's own organisation and while active organisations remain under it.
 */
export async function deactivateOrganization(db: PrismaClient, scope: Scope, raw: unknown): Promise<OrganizationSnapshot> {
  const { id } = parse(organizationIdSchema, raw);
  authorize(scope, "organization.manage");
  return runTx(db, async (tx) => {
    await lockTree(tx);
    const before = await loadInScope(tx, scope, id);
    if (before.id === scope.user.organizationId) throw new AppError("forbidden", "ownOrganizationDeactivate");
    if (!before.isActive) return before;
    const activeChildren = await tx.organization.count({ where: { parentId: before.id, isActive: true } });
    if (activeChildren > 0) throw new AppError("conflict", "hasActiveChildren");
    const after = await tx.organization.update({ where: { id: before.id }, data: { isActive: false }, select: snapshotSelect });
    await audit(tx, { actor: await actorOf(tx, scope), action: "organization.deactivate", entity: "Organization", entityId: before.id, before, after });
    return after;
  }, { uniqueFields });
}

/** Makes a deactivated organisation selectable again; its parent must be active first. */
export async function reactivateOrganization(db: PrismaClient, scope: Scope, raw: unknown): Promise<OrganizationSnapshot> {
  const { id } = parse(organizationIdSchema, raw);
  authorize(scope, "organization.manage");
  return runTx(db, async (tx) => {
    await lockTree(tx);
    const before = await loadInScope(tx, scope, id);
    if (before.isActive) return before;
    if (before.parentId) {
      const parent = await tx.organization.findUnique({ where: { id: before.parentId }, select: { isActive: true } });
      if (parent && !parent.isActive) throw new AppError("conflict", "parentInactive");
    }
    const after = await tx.organization.update({ where: { id: before.id }, data: { isActive: true }, select: snapshotSelect });
    await audit(tx, { actor: await actorOf(tx, scope), action: "organization.reactivate", entity: "Organization", entityId: before.id, before, after });
    return after;
  }, { uniqueFields });
}
