import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { apiRoute, readJsonBody } from "@/lib/server/api-route";
import { saveServiceEvaluationSection } from "@/lib/server/service-evaluations";

type Params = { dispatchId: string };

// POST /api/v1/service-evaluations/{dispatchId}/sections — body { version?, part: { section: self|dispatching|receiving|authority, … } }.
export const POST = apiRoute<Params>({ permission: operations.saveServiceEvaluationSection.permission }, async ({ request, scope, params }) => {
  const body = await readJsonBody(request);
  return NextResponse.json(await saveServiceEvaluationSection(prisma, scope, { ...(body as object), dispatchId: params.dispatchId }));
});
