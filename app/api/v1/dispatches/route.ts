import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { dispatchBoardQuerySchema } from "@/lib/schemas/dispatches";
import { apiRoute, readJsonBody } from "@/lib/server/api-route";
import { dispatchBoard } from "@/lib/server/dispatch-queries";
import { createDispatch } from "@/lib/server/dispatches";

// GET /api/v1/dispatches — the board: dispatches on a timeline with the hand-over issues among them.
export const GET = apiRoute({ permission: operations.listDispatches.permission }, async ({ request, scope }) => {
  const query = dispatchBoardQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  return NextResponse.json(await dispatchBoard(prisma, scope, { programId: query.programId, includeEnded: query.ended === "1" }));
});

// POST /api/v1/dispatches — a dispatch from an approved application.
export const POST = apiRoute({ permission: operations.createDispatch.permission }, async ({ request, scope }) => {
  return NextResponse.json(await createDispatch(prisma, scope, await readJsonBody(request)), { status: 201 });
});
