import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { apiRoute, readJsonBody } from "@/lib/server/api-route";
import { createRaterLink, listRaterLinks } from "@/lib/server/rater-links";

type Params = { subjectId: string };

// GET /api/v1/assessment-subjects/{subjectId}/rater-links — the doctor's links and their state.
export const GET = apiRoute<Params>({ permission: operations.listRaterLinks.permission }, async ({ scope, params }) => {
  return NextResponse.json(await listRaterLinks(prisma, scope, params.subjectId));
});

// POST /api/v1/assessment-subjects/{subjectId}/rater-links — body { party, raterName, email?, validDays? }; the token is in the answer only.
export const POST = apiRoute<Params>({ permission: operations.createRaterLink.permission }, async ({ request, scope, params }) => {
  const body = await readJsonBody(request);
  const created = await createRaterLink(prisma, scope, { ...(body as object), subjectId: params.subjectId }, { appUrl: request.nextUrl.origin });
  return NextResponse.json(created, { status: 201, headers: { "Cache-Control": "no-store" } });
});
