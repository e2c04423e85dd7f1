import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { apiRoute } from "@/lib/server/api-route";
import { getDispatch } from "@/lib/server/dispatch-queries";

type Params = { dispatchId: string };

// GET /api/v1/dispatches/{dispatchId} — one dispatch with its events and what the caller may do.
export const GET = apiRoute<Params>({ permission: operations.getDispatch.permission }, async ({ scope, params }) => {
  return NextResponse.json(await getDispatch(prisma, scope, params.dispatchId));
});
