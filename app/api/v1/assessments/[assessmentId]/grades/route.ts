import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { apiRoute, readJsonBody } from "@/lib/server/api-route";
import { gradeSubjects } from "@/lib/server/evaluations";

type Params = { assessmentId: string };

// POST /api/v1/assessments/{assessmentId}/grades — body { grades: [{ subjectId, grade }], version? }.
export const POST = apiRoute<Params>({ permission: operations.gradeAssessment.permission }, async ({ request, scope, params }) => {
  const body = await readJsonBody(request);
  return NextResponse.json(await gradeSubjects(prisma, scope, { ...(body as object), assessmentId: params.assessmentId }));
});
