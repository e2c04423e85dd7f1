import "server-only";
import { createSafeActionClient } from "next-safe-action";
import { z } from "zod";
import { getSessionUser } from "../auth/session";
import { AppError, isAppError, type AppErrorCode } from "../errors";

export interface ActionServerError {
  code: AppErrorCode | "generic";
  message?: string;
}

// Every server action goes through this client: input parsed with its zod schema, expected errors
// returned with their code, anything else logged and turned into a generic message.
export const actionClient = createSafeActionClient({
  defineMetadataSchema: () => z.object({ actionName: z.string().min(1) }),
  handleServerError(error): ActionServerError {
    if (isAppError(error)) return { code: error.code, message: error.message };
    console.error("[action] unexpected error", error);
    return { code: "generic" };
  },
});

/** Actions that need a signed-in user; the use case then asks lib/auth/policy.ts about the record. */
export const authedAction = actionClient.use(async ({ next }) => {
  const user = await getSessionUser();
  if (!user) throw new AppError("unauthenticated");
  return next({ ctx: { user } });
});
