import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { authorize, type Permission, type Scope } from "../auth/policy";
import { getSessionUser, type SessionUser } from "../auth/session";
import { isAppError } from "../errors";
import { loadScope } from "./scope";

export interface RouteContext<P> {
  request: NextRequest;
  user: SessionUser;
  scope: Scope;
  params: P;
}

function errorResponse(status: number, code: string, message: string) {
  return NextResponse.json({ error: { code, message } }, { status });
}

/**
 * The only way to define a route handler: the signed-in user must hold `permission`; expected
 * errors become JSON with their code and status, anything else a logged 500 without details.
 */
export function apiRoute<P = Record<string, never>>(
  options: { permission: Permission },
  handler: (context: RouteContext<P>) => Promise<Response>,
) {
  return async (request: NextRequest, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const user = await getSessionUser();
      if (!user) return errorResponse(401, "unauthenticated", "Sign in first.");
      if (user.mustChangePassword) return errorResponse(403, "forbidden", "Change your password first.");
      const scope = await loadScope(user);
      authorize(scope, options.permission);
      return await handler({ request, user, scope, params: await context.params });
    } catch (error) {
      if (isAppError(error)) return errorResponse(error.status, error.code, error.message);
      console.error("[route] unexpected error", error);
      return errorResponse(500, "generic", "The request could not be completed.");
    }
  };
}
