import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { organizationListApiQuerySchema } from "@/lib/schemas/organizations";
import { apiRoute, readJsonBody } from "@/lib/server/api-route";
import { parse } from "@/lib/server/kit";
import { createOrganization, listOrganizations } from "@/lib/server/organizations";

// GET /api/v1/organizations — the organisations in the caller's scope with kind, level (province,
// city, county, township) and parent, searched by name, code or region, filtered by kind, level and
// status; 20 a page.
export const GET = apiRoute({ permission: operations.listOrganizations.permission }, async ({ request, scope }) => {
  const query = parse(organizationListApiQuerySchema, Object.fromEntries(request.nextUrl.searchParams));
  return NextResponse.json(await listOrganizations(prisma, scope, query));
});

// POST /api/v1/organizations — an organisation under a bureau of the caller's subtree.
export const POST = apiRoute({ permission: operations.createOrganization.permission }, async ({ request, scope }) => {
  return NextResponse.json(await createOrganization(prisma, scope, await readJsonBody(request)), { status: 201 });
});
