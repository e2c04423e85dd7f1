import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { dispatchListApiQuerySchema } from "@/lib/schemas/dispatches";
import { apiRoute } from "@/lib/server/api-route";
import { listDispatches } from "@/lib/server/dispatch-list";
import { parse } from "@/lib/server/kit";

// GET /api/v1/dispatches/list?programId=&ended=&sort=&dir=&page=&size= — the board's dispatches a page at a time.
export const GET = apiRoute({ permission: operations.listDispatchPage.permission }, async ({ request, scope }) => {
  const query = parse(dispatchListApiQuerySchema, Object.fromEntries(request.nextUrl.searchParams));
  return NextResponse.json(await listDispatches(prisma, scope, query));
});
