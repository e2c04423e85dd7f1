import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { apiRoute, readJsonBody } from "@/lib/server/api-route";
import { answerObjection } from "@/lib/server/public-notice";

type Params = { programId: string; objectionId: string };

// POST /api/v1/programs/{programId}/objections/{objectionId}/answer — staff answer an objection, once.
export const POST = apiRoute<Params>({ permission: operations.answerObjection.permission }, async ({ request, scope, params }) => {
  const body = await readJsonBody(request);
  return NextResponse.json(await answerObjection(prisma, scope, { ...(body as object), objectionId: params.objectionId, programId: params.programId }), { status: 201 });
});
