import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { noticeQuerySchema } from "@/lib/schemas/public-notice";
import { apiRoute, readJsonBody } from "@/lib/server/api-route";
import { fileObjection } from "@/lib/server/public-notice";
import { noticeView } from "@/lib/server/public-notice-queries";

type Params = { programId: string };

// GET /api/v1/programs/{programId}/objections?batch= — the objections the caller may see.
export const GET = apiRoute<Params>({ permission: operations.listObjections.permission }, async ({ request, scope, params }) => {
  const query = noticeQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  const view = await noticeView(prisma, scope, params.programId, query.batch);
  return NextResponse.json({ rotationBatch: view.rotationBatch, objections: view.objections });
});

// POST /api/v1/programs/{programId}/objections — an objection to a name of the notice, inside its window.
export const POST = apiRoute<Params>({ permission: operations.fileObjection.permission }, async ({ request, scope, params }) => {
  const body = await readJsonBody(request);
  return NextResponse.json(await fileObjection(prisma, scope, { ...(body as object), programId: params.programId }), { status: 201 });
});
