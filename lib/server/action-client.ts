import "server-only";
import { createSafeActionClient } from "next-safe-action";
import { headers } from "next/headers";
import { z } from "zod";
import { authorize, isPermission, type Permission } from "../auth/policy";
import { getSessionUser } from "../auth/session";
import { withClientAddress } from "../audit-context";
import { AppError, isAppError, type AppErrorCode } from "../errors";
import { clientAddress } from "./client-address";
import { findHostileValue, isDatabaseInputRefusal } from "./hostile-input";
import { loadScope } from "./scope";

export interface ActionServerError {
  code: AppErrorCode | "generic";
  message?: string;
  details?: Record<string, string>;
}

// Every server action goes through this client: input parsed with its zod schema, expected errors
// returned with their code, anything else logged and turned into a generic message.
export const actionClient = createSafeActionClient({
  defaultValidationErrorsShape: "flattened",
  // actionName names the action in logs; permission is checked before the action runs.
  defineMetadataSchema: () => z.object({ actionName: z.string().min(1), permission: z.custom<Permission>(isPermission) }),
  handleServerError(error): ActionServerError {
    if (isDatabaseInputRefusal(error)) return { code: "validation", message: "invalidCharacters" };
    if (isAppError(error)) return { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) };
    console.error("[action] unexpected error", error);
    return { code: "generic" };
  },
});

/**
 * The only way to define a server action: a signed-in user whose role carries the action's
 * permission (metadata.permission). The use case then asks lib/auth/policy.ts about the record.
 */
export const authedAction = actionClient.use(async ({ next, metadata, clientInput }) => {
  // NUL bytes, lone surrogates and absurd nesting never reach a schema or the database.
  const hostile = findHostileValue(clientInput);
  if (hostile) throw new AppError("validation", "invalidCharacters", { [hostile]: ["invalidCharacters"] });
  const user = await getSessionUser();
  if (!user) throw new AppError("unauthenticated");
  if (user.mustChangePassword && metadata.permission !== "self.changePassword" && metadata.permission !== "self.switchLocale") {
    throw new AppError("forbidden", "password change required");
  }
  const scope = await loadScope(user);
  authorize(scope, metadata.permission);
  // The action's audit rows carry the caller's address (lib/audit-context.ts).
  return withClientAddress(await requestAddress(), () => next({ ctx: { user, scope } }));
});

/** The caller's address; none when the action runs outside a request (a script, a test calling it directly). */
async function requestAddress(): Promise<string | null> {
  let requestHeaders: Awaited<ReturnType<typeof headers>>;
  try {
    requestHeaders = await headers();
  } catch {
    return null; // Next throws "headers was called outside a request scope"
  }
  return clientAddress(requestHeaders);
}
