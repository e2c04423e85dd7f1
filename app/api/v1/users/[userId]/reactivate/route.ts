import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { apiRoute } from "@/lib/server/api-route";
import { reactivateUser, getUser } from "@/lib/server/users";

// POST /api/v1/users/{userId}/reactivate — as the account page's 启用 button; no body. Answers the account as it now is.
export const POST = apiRoute<{ userId: string }>({ permission: operations.reactivateUser.permission, body: "none" }, async ({ scope, params }) => {
  await reactivateUser(prisma, scope, { id: params.userId });
  return NextResponse.json(await getUser(prisma, scope, params.userId));
});
