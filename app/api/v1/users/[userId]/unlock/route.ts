import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { apiRoute } from "@/lib/server/api-route";
import { unlockUser, getUser } from "@/lib/server/users";

// POST /api/v1/users/{userId}/unlock — as the account page's 解除锁定 button; no body. Answers the account as it now is.
export const POST = apiRoute<{ userId: string }>({ permission: operations.unlockUser.permission, body: "none" }, async ({ scope, params }) => {
  await unlockUser(prisma, scope, { id: params.userId });
  return NextResponse.json(await getUser(prisma, scope, params.userId));
});
