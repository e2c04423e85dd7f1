import "server-only";
import type { PolicyUser, Scope } from "../auth/policy";
import type { PrismaClient } from "../generated/prisma/client";

type Db = Pick<PrismaClient, "$queryRaw">;

/** The organisation and every organisation below it, in one recursive query. */
export async function subtreeIds(db: Db, rootId: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH RECURSIVE tree AS (
      SELECT id FROM "Organization" WHERE id = ${rootId}
      UNION ALL
      SELECT o.id FROM "Organization" o JOIN tree t ON o."parentId" = t.id
    )
    SELECT id FROM tree`;
  return rows.map((r) => r.id);
}

/** The organisation and every organisation above it (its bureau, that bureau's bureau, …). */
export async function ancestorIds(db: Db, id: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH RECURSIVE chain AS (
      SELECT id, "parentId" FROM "Organization" WHERE id = ${id}
      UNION ALL
      SELECT o.id, o."parentId" FROM "Organization" o JOIN chain c ON o.id = c."parentId"
    )
    SELECT id FROM chain`;
  return rows.map((r) => r.id);
}

/** The policy's view of a user's place in the tree (see lib/auth/policy.ts Scope). */
export async function buildScope(db: Db, user: PolicyUser): Promise<Scope> {
  const [below, above] = await Promise.all([subtreeIds(db, user.organizationId), ancestorIds(db, user.organizationId)]);
  return { user, subtreeIds: below, ancestorIds: above };
}
