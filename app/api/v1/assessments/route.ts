import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { assessmentListQuerySchema } from "@/lib/schemas/evaluations";
import { apiRoute, readJsonBody } from "@/lib/server/api-route";
import { parse } from "@/lib/server/kit";
import { listAssessments, openAssessment } from "@/lib/server/evaluations";

// GET /api/v1/assessments?programId=&sort=&dir=&page=&size= — the annual assessments the caller may see, a page at a time.
export const GET = apiRoute({ permission: operations.listAssessments.permission }, async ({ request, scope }) => {
  const query = parse(assessmentListQuerySchema, Object.fromEntries(request.nextUrl.searchParams));
  return NextResponse.json(await listAssessments(prisma, scope, query));
});

// POST /api/v1/assessments — body { programId, year, schemeId? }.
export const POST = apiRoute({ permission: operations.openAssessment.permission }, async ({ request, scope }) =>
  NextResponse.json(await openAssessment(prisma, scope, await readJsonBody(request)), { status: 201 }),
);
