import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { apiRoute, readJsonBody } from "@/lib/server/api-route";
import { saveScore } from "@/lib/server/evaluations";

type Params = { subjectId: string };

// POST /api/v1/assessment-subjects/{subjectId}/scores — body { party, points: [18.5, …], submit }.
export const POST = apiRoute<Params>({ permission: operations.scoreAssessmentSubject.permission }, async ({ request, scope, params }) => {
  const body = await readJsonBody(request);
  return NextResponse.json(await saveScore(prisma, scope, { ...(body as object), subjectId: params.subjectId }), { status: 201 });
});
