import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { counterpartQuerySchema } from "@/lib/schemas/dispatches";
import { apiRoute } from "@/lib/server/api-route";
import { counterpartMap } from "@/lib/server/counterparts";
import { parse } from "@/lib/server/kit";

// GET /api/v1/counterparts[?programId=] — the counterpart map (对口支援) in the caller's scope.
export const GET = apiRoute({ permission: operations.counterpartMap.permission }, async ({ request, scope }) => {
  const query = parse(counterpartQuerySchema, Object.fromEntries(request.nextUrl.searchParams));
  return NextResponse.json(await counterpartMap(prisma, scope, query));
});
