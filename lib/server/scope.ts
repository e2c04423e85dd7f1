import "server-only";
import { cache } from "react";
import type { Scope } from "../auth/policy";
import type { SessionUser } from "../auth/session";
import { contextOfUser } from "../auth/session-context";
import { prisma } from "../db";
import { buildScope } from "./organization-tree";

/**
 * The user's place in the organisation tree, loaded once per request for the policy's filters: read
 * with the session row when the user came from a session cookie (lib/auth/session-context.ts).
 */
export const loadScope = cache(async (user: SessionUser): Promise<Scope> => {
  const context = contextOfUser(user);
  if (context) return { user, subtreeIds: context.subtreeIds, ancestorIds: context.ancestorIds };
  return buildScope(prisma, user);
});
