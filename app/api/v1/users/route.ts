import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { userListApiQuerySchema } from "@/lib/schemas/users";
import { apiRoute, readJsonBody } from "@/lib/server/api-route";
import { parse } from "@/lib/server/kit";
import { createUser, listUsers } from "@/lib/server/users";

// GET /api/v1/users — the accounts page's list (same scope, search and filters).
export const GET = apiRoute({ permission: operations.listUsers.permission }, async ({ request, scope }) => {
  const query = parse(userListApiQuerySchema, Object.fromEntries(request.nextUrl.searchParams));
  return NextResponse.json(await listUsers(prisma, scope, query));
});

// POST /api/v1/users — a new account; its generated password is answered this once.
export const POST = apiRoute({ permission: operations.createUser.permission }, async ({ request, scope }) => {
  return NextResponse.json(await createUser(prisma, scope, await readJsonBody(request)), { status: 201, headers: { "Cache-Control": "no-store" } });
});
