import "server-only";
import { cache } from "react";
import type { Scope } from "../auth/policy";
import type { SessionUser } from "../auth/session";
import { prisma } from "../db";
import { ancestorIds, subtreeIds } from "./organization-tree";

/** The user's place in the organisation tree, loaded once per request for the policy's filters. */
export const loadScope = cache(async (user: SessionUser): Promise<Scope> => {
  const [below, above] = await Promise.all([subtreeIds(prisma, user.organizationId), ancestorIds(prisma, user.organizationId)]);
  return { user, subtreeIds: below, ancestorIds: above };
});
