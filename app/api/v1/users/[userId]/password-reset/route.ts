import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { apiRoute } from "@/lib/server/api-route";
import { resetUserPassword } from "@/lib/server/users";

// POST /api/v1/users/{userId}/password-reset — as the account page's 重置密码; no body. The new
// generated password is answered this once.
export const POST = apiRoute<{ userId: string }>({ permission: operations.resetUserPassword.permission, body: "none" }, async ({ scope, params }) => {
  return NextResponse.json(await resetUserPassword(prisma, scope, { id: params.userId }), { headers: { "Cache-Control": "no-store" } });
});
