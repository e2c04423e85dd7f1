import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { programListApiQuerySchema } from "@/lib/schemas/programs";
import { apiRoute, readJsonBody } from "@/lib/server/api-route";
import { parse } from "@/lib/server/kit";
import { createProgram, listPrograms } from "@/lib/server/programs";

export const GET = apiRoute({ permission: operations.listPrograms.permission }, async ({ request, scope }) => {
  const query = parse(programListApiQuerySchema, Object.fromEntries(request.nextUrl.searchParams));
  return NextResponse.json(await listPrograms(prisma, scope, query));
});

export const POST = apiRoute({ permission: operations.createProgram.permission }, async ({ request, scope }) => {
  return NextResponse.json(await createProgram(prisma, scope, await readJsonBody(request)), { status: 201 });
});
