import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { apiRoute, readJsonBody } from "@/lib/server/api-route";
import { changeOwnPassword } from "@/lib/server/passwords";

// POST /api/v1/me/password — the account menu's 修改密码 (also while a change is required: that is its purpose).
export const POST = apiRoute({ permission: operations.changeOwnPassword.permission, passwordChangePending: "allowed" }, async ({ request, scope }) => {
  return NextResponse.json(await changeOwnPassword(prisma, scope, await readJsonBody(request)));
});
