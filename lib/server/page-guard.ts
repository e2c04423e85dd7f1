import "server-only";
import { forbidden } from "next/navigation";
import { can, type Permission, type Scope } from "../auth/policy";
import { requireUser, type SessionUser } from "../auth/session";
import { loadScope } from "./scope";

/** For pages: the signed-in user holding `permission`, with their scope; otherwise the 403 page. */
export async function requirePermission(permission: Permission): Promise<{ user: SessionUser; scope: Scope }> {
  const user = await requireUser();
  const scope = await loadScope(user);
  if (!can(scope, permission)) forbidden();
  return { user, scope };
}
