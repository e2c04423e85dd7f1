import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { apiRoute, readJsonBody } from "@/lib/server/api-route";
import { updateFigure } from "@/lib/server/workforce";

// PATCH /api/v1/workforce/figures/{figureId} — body: target, numerator, denominator and the version read.
export const PATCH = apiRoute<{ figureId: string }>({ permission: operations.updateWorkforceFigure.permission }, async ({ request, scope, params }) => {
  const body = await readJsonBody(request);
  return NextResponse.json(await updateFigure(prisma, scope, { ...(body as object), figureId: params.figureId }));
});
