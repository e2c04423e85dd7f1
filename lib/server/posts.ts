import "server-only";
import { audit } from "../audit";
import { authorize, postWhere, programWhere, type Scope } from "../auth/policy";
import { arePostsEditable } from "../domain/program-status";
import { AppError } from "../errors";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import type { OrganizationKind } from "../generated/prisma/enums";
import { createPostSchema, postIdSchema, quotasSchema, updatePostSchema } from "../schemas/programs";
import { subtreeIds } from "./organization-tree";
import { checkEditVersion } from "./edit-version";
import { actorOf, fieldError, parse, runTx, visibleOr, type Tx } from "./kit";
import { loadProgramForChange } from "./program-support";
import { enqueueScreening, kickScreeningJobs } from "./screening-store";

// Use cases of a programme's posts and their nomination quotas. Posts change only while the
// programme is a draft or open; a post is deleted only from a draft and only without applications.

export const RECEIVING_KINDS: readonly OrganizationKind[] = ["RECEIVING_HOSPITAL", "TOWNSHIP_CENTRE", "HOSPITAL"];

const postSelect = {
  id: true,
  programId: true,
  receivingOrgId: true,
  title: true,
  specialty: true,
  headcount: true,
  rotationBatch: true,
  description: true,
  version: true,
} as const satisfies Prisma.PostSelect;

export type PostSnapshot = Prisma.PostGetPayload<{ select: typeof postSelect }>;

export interface PostRow extends PostSnapshot {
  receivingOrgName: string;
  applicationCount: number;
  quotas: { nominatingOrgId: string; nominatingOrgName: string; minimum: number }[];
}

/** A post's quotas with the unit's name, by unit name. */
const quotaSelect = { orderBy: { nominatingOrg: { name: "asc" as const } }, select: { nominatingOrgId: true, minimum: true, nominatingOrg: { select: { name: true } } } } satisfies Prisma.Post$nominationQuotasArgs;
const quotaRow = (q: { nominatingOrgId: string; minimum: number; nominatingOrg: { name: string } }) => ({ nominatingOrgId: q.nominatingOrgId, nominatingOrgName: q.nominatingOrg.name, minimum: q.minimum });

/** The posts of a programme the user may see, with receiving organisation, quotas and application counts. */
export async function listPosts(db: PrismaClient, scope: Scope, programId: string): Promise<PostRow[]> {
  authorize(scope, "program.read");
  const rows = await db.post.findMany({
    where: { AND: [postWhere(scope), { programId }] },
    orderBy: [{ rotationBatch: "asc" }, { title: "asc" }, { id: "asc" }],
    take: 500,
    select: {
      ...postSelect,
      receivingOrg: { select: { name: true } },
      _count: { select: { applications: true } },
      nominationQuotas: quotaSelect,
    },
  });
  return rows.map(({ receivingOrg, _count, nominationQuotas, ...post }) => ({
    ...post,
    receivingOrgName: receivingOrg.name,
    applicationCount: _count.applications,
    quotas: nominationQuotas.map(quotaRow),
  }));
}

/** One post's minimum nominations per unit (the unit's name beside its id), by unit name; 404 for a post the user may not see. */
export async function listQuotas(db: PrismaClient, scope: Scope, postId: string): Promise<PostRow["quotas"]> {
  authorize(scope, "program.read");
  const post = visibleOr(
    await db.post.findFirst({
      where: { AND: [postWhere(scope), { id: postId }] },
      select: { nominationQuotas: quotaSelect },
    }),
  );
  return post.nominationQuotas.map(quotaRow);
}

/** Active organisations that can receive doctors, of any bureau (a hospital in Xinjiang is outside the tree). */
export async function listReceivingOrganizations(db: PrismaClient, scope: Scope, q?: string, includeId?: string) {
  authorize(scope, "program.manage");
  const match: Prisma.OrganizationWhereInput = { kind: { in: [...RECEIVING_KINDS] }, isActive: true };
  if (q) match.OR = [{ name: { contains: q, mode: "insensitive" } }, { region: { contains: q, mode: "insensitive" } }];
  return db.organization.findMany({
    where: includeId ? { OR: [match, { id: includeId }] } : match,
    orderBy: [{ region: "asc" }, { name: "asc" }],
    take: 200,
    select: { id: true, name: true, region: true },
  });
}

/** Units that may be given a quota: active organisations in the programme's bureau's subtree, other than the bureau. */
export async function listNominatingUnits(db: PrismaClient, scope: Scope, programId: string, search: { q?: string; take?: number } = {}) {
  authorize(scope, "program.manage");
  const program = await db.program.findFirst({ where: { AND: [programWhere(scope), { id: programId }] }, select: { bureauId: true } });
  if (!program) return [];
  const ids = (await subtreeIds(db, program.bureauId)).filter((orgId) => orgId !== program.bureauId);
  return db.organization.findMany({
    where: {
      id: { in: ids },
      isActive: true,
      kind: { in: ["BUREAU", "HOSPITAL", "COMMUNITY_CENTRE", "TOWNSHIP_CENTRE"] },
      ...(search.q ? { name: { contains: search.q, mode: "insensitive" as const } } : {}),
    },
    orderBy: [{ level: "asc" }, { name: "asc" }],
    select: { id: true, name: true },
    ...(search.take ? { take: search.take } : {}),
  });
}

async function checkReceiving(tx: Tx, receivingOrgId: string, currentId?: string): Promise<void> {
  const org = await tx.organization.findUnique({ where: { id: receivingOrgId }, select: { kind: true, isActive: true } });
  if (!org || !RECEIVING_KINDS.includes(org.kind)) throw fieldError("receivingOrgId", "receivingOrgInvalid");
  if (!org.isActive && receivingOrgId !== currentId) throw fieldError("receivingOrgId", "receivingOrgInactive");
}

async function loadPostForChange(tx: Tx, scope: Scope, id: string) {
  const found = await tx.post.findUnique({ where: { id }, select: { programId: true } });
  if (!found) throw new AppError("notFound");
  const program = await loadProgramForChange(tx, scope, found.programId);
  // Read (and lock) the post once its programme is locked: two edits at once see each other's (issue 12).
  await tx.$queryRaw`SELECT id FROM "Post" WHERE id = ${id} FOR UPDATE`;
  const post = await tx.post.findUniqueOrThrow({ where: { id }, select: postSelect });
  return { post, program };
}

export async function createPost(db: PrismaClient, scope: Scope, raw: unknown): Promise<PostSnapshot> {
  const { programId, ...values } = parse(createPostSchema, raw);
  authorize(scope, "program.manage");
  const post = await runTx(db, async (tx) => {
    const program = await loadProgramForChange(tx, scope, programId);
    if (!arePostsEditable(program.status)) throw new AppError("conflict", "postsLocked");
    if (values.rotationBatch > program.rotationBatches) throw fieldError("rotationBatch", "batchRange");
    await checkReceiving(tx, values.receivingOrgId);
    const created = await tx.post.create({ data: { ...values, programId }, select: postSelect });
    await audit(tx, { actor: await actorOf(tx, scope), action: "post.create", entity: "Post", entityId: created.id, after: created });
    // A new post's screening: the registry is judged against its (programme-wide) rules (issue 17).
    await enqueueScreening(tx, [created.id], "post");
    return created;
  });
  kickScreeningJobs();
  return post;
}

export async function updatePost(db: PrismaClient, scope: Scope, raw: unknown): Promise<PostSnapshot> {
  const { id, version, ...values } = parse(updatePostSchema, raw);
  authorize(scope, "program.manage");
  const post = await runTx(db, async (tx) => {
    const { post: before, program } = await loadPostForChange(tx, scope, id);
    await checkEditVersion(tx, "Post", id, before.version, version);
    if (!arePostsEditable(program.status)) throw new AppError("conflict", "postsLocked");
    if (values.rotationBatch > program.rotationBatches) throw fieldError("rotationBatch", "batchRange");
    await checkReceiving(tx, values.receivingOrgId, before.receivingOrgId);
    const changed = (Object.keys(values) as (keyof typeof values)[]).some((key) => values[key] !== before[key]);
    if (!changed) return before;
    const after = await tx.post.update({ where: { id }, data: { ...values, version: { increment: 1 } }, select: postSelect });
    await audit(tx, { actor: await actorOf(tx, scope), action: "post.update", entity: "Post", entityId: id, before, after });
    await enqueueScreening(tx, [id], "post");
    return after;
  });
  kickScreeningJobs();
  return post;
}

export async function deletePost(db: PrismaClient, scope: Scope, raw: unknown): Promise<PostSnapshot> {
  const { id } = parse(postIdSchema, raw);
  authorize(scope, "program.manage");
  return runTx(db, async (tx) => {
    const { post, program } = await loadPostForChange(tx, scope, id);
    if (program.status !== "DRAFT") throw new AppError("conflict", "deleteOnlyInDraft");
    if ((await tx.application.count({ where: { postId: id } })) > 0) throw new AppError("conflict", "postHasApplications");
    const [quotas, rules] = await Promise.all([
      tx.nominationQuota.findMany({ where: { postId: id }, select: { nominatingOrgId: true, minimum: true } }),
      tx.eligibilityRule.findMany({ where: { postId: id }, select: { id: true, name: true, tree: true } }),
    ]);
    await tx.post.delete({ where: { id } });
    await audit(tx, { actor: await actorOf(tx, scope), action: "post.delete", entity: "Post", entityId: id, before: { ...post, quotas, rules } });
    return post;
  });
}

/** Replaces a post's quotas: the units must lie under the programme's bureau; a minimum of 0 is kept as "no minimum". */
export async function setQuotas(db: PrismaClient, scope: Scope, raw: unknown) {
  const { postId, quotas } = parse(quotasSchema, raw);
  authorize(scope, "program.manage");
  return runTx(db, async (tx) => {
    const { post, program } = await loadPostForChange(tx, scope, postId);
    if (!arePostsEditable(program.status)) throw new AppError("conflict", "postsLocked");
    const allowed = new Set((await subtreeIds(tx, program.bureauId)).filter((orgId) => orgId !== program.bureauId));
    quotas.forEach((q, index) => {
      if (!allowed.has(q.nominatingOrgId)) throw fieldError(`quotas.${index}.nominatingOrgId`, "unitOutsideBureau");
    });
    const before = await tx.nominationQuota.findMany({ where: { postId }, orderBy: { nominatingOrgId: "asc" }, select: { nominatingOrgId: true, minimum: true } });
    await tx.nominationQuota.deleteMany({ where: { postId } });
    await tx.nominationQuota.createMany({ data: quotas.map((q) => ({ programId: program.id, postId: post.id, ...q })) });
    const after = await tx.nominationQuota.findMany({ where: { postId }, orderBy: { nominatingOrgId: "asc" }, select: { nominatingOrgId: true, minimum: true } });
    await audit(tx, { actor: await actorOf(tx, scope), action: "post.quotas_updated", entity: "Post", entityId: post.id, before, after });
    return after;
  });
}
