import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { apiRoute } from "@/lib/server/api-route";
import { getAssessment } from "@/lib/server/evaluations";

type Params = { assessmentId: string };

// GET /api/v1/assessments/{assessmentId} — the cohort, sheets, totals, quota and ranking the caller may see.
export const GET = apiRoute<Params>({ permission: operations.getAssessment.permission }, async ({ scope, params }) =>
  NextResponse.json(await getAssessment(prisma, scope, params.assessmentId)),
);
