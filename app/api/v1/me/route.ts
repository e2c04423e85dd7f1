import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { apiRoute } from "@/lib/server/api-route";
import { getOwnAccount } from "@/lib/server/users";

// GET /api/v1/me — the caller's own account (whoever the session or token stands for).
export const GET = apiRoute({ permission: operations.getOwnAccount.permission }, async ({ scope }) => {
  return NextResponse.json(await getOwnAccount(prisma, scope));
});
