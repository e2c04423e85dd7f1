import "server-only";
import { cache } from "react";
import type { Scope } from "../auth/policy";
import type { SessionUser } from "../auth/session";
import { prisma } from "../db";
import { buildScope } from "./organization-tree";

/** The user's place in the organisation tree, loaded once per request for the policy's filters. */
export const loadScope = cache((user: SessionUser): Promise<Scope> => buildScope(prisma, user));
