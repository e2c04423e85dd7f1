import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { noticeQuerySchema } from "@/lib/schemas/public-notice";
import { apiRoute, readJsonBody } from "@/lib/server/api-route";
import { confirmList } from "@/lib/server/public-notice";
import { noticeView } from "@/lib/server/public-notice-queries";

type Params = { programId: string };

// GET /api/v1/programs/{programId}/list-versions?batch= — the frozen versions, newest (current) first.
export const GET = apiRoute<Params>({ permission: operations.listListVersions.permission }, async ({ request, scope, params }) => {
  const query = noticeQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  const view = await noticeView(prisma, scope, params.programId, query.batch);
  // Only the programme's bureau staff read the versions (the view leaves them out for anyone else).
  if (!view.can.manage) throw new AppError("forbidden");
  return NextResponse.json({ rotationBatch: view.rotationBatch, versions: view.versions });
});

// POST /api/v1/programs/{programId}/list-versions — staff confirm (freeze) the list, or append its next version.
export const POST = apiRoute<Params>({ permission: operations.confirmList.permission }, async ({ request, scope, params }) => {
  const body = await readJsonBody(request);
  return NextResponse.json(await confirmList(prisma, scope, { ...(body as object), programId: params.programId }), { status: 201 });
});
