import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { noticeQuerySchema } from "@/lib/schemas/public-notice";
import { apiRoute, readJsonBody } from "@/lib/server/api-route";
import { publishNotice } from "@/lib/server/public-notice";
import { noticeView } from "@/lib/server/public-notice-queries";

type Params = { programId: string };

// GET /api/v1/programs/{programId}/notice?batch= — the batch's public notice as the caller may see it.
export const GET = apiRoute<Params>({ permission: operations.getNotice.permission }, async ({ request, scope, params }) => {
  const query = noticeQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  return NextResponse.json(await noticeView(prisma, scope, params.programId, query.batch));
});

// POST /api/v1/programs/{programId}/notice — staff publish the batch's approved list.
export const POST = apiRoute<Params>({ permission: operations.publishNotice.permission }, async ({ request, scope, params }) => {
  const body = await readJsonBody(request);
  return NextResponse.json(await publishNotice(prisma, scope, { ...(body as object), programId: params.programId }), { status: 201 });
});
