import "server-only";
import { forbidden, notFound } from "next/navigation";
import { can, type Permission, type Scope } from "../auth/policy";
import { requireUser, type SessionUser } from "../auth/session";
import { isAppError } from "../errors";
import { loadScope } from "./scope";

/** For pages: the signed-in user holding `permission`, with their scope; otherwise the 403 page. */
export async function requirePermission(permission: Permission): Promise<{ user: SessionUser; scope: Scope }> {
  const user = await requireUser();
  const scope = await loadScope(user);
  if (!can(scope, permission)) forbidden();
  return { user, scope };
}

/** A read for a page: out of the reader's scope and missing are both the 404 page (issue 12); a role without the permission gets the 403 page. */
export async function orErrorPage<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (isAppError(error) && error.code === "forbidden") forbidden();
    if (isAppError(error) && error.code === "notFound") notFound();
    throw error;
  }
}
