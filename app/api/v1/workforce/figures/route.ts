import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { apiRoute, readJsonBody } from "@/lib/server/api-route";
import { createFigure } from "@/lib/server/workforce";

// POST /api/v1/workforce/figures — a region's target and actual of an indicator for a year.
export const POST = apiRoute({ permission: operations.createWorkforceFigure.permission }, async ({ request, scope }) => {
  return NextResponse.json(await createFigure(prisma, scope, await readJsonBody(request)), { status: 201 });
});
