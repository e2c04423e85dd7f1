import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { apiRoute, readJsonBody } from "@/lib/server/api-route";
import { getProgram } from "@/lib/server/programs";
import { listStageReopenings } from "@/lib/server/stage-reopenings";
import { reopenStage } from "@/lib/server/vetting";

type Params = { programId: string };

// GET — the stages reopened for a unit, newest first. POST — { stage, organizationId, closesAt
// (Beijing wall clock "YYYY-MM-DD HH:mm"), reason }: the unit's nominators are told.
export const GET = apiRoute<Params>({ permission: operations.listReopenings.permission }, async ({ scope, params }) => {
  if (!(await getProgram(prisma, scope, params.programId))) throw new AppError("notFound");
  return NextResponse.json({ rows: await listStageReopenings(prisma, scope, params.programId) });
});

export const POST = apiRoute<Params>({ permission: operations.reopenStage.permission }, async ({ request, scope, params }) => {
  const body = await readJsonBody(request);
  return NextResponse.json(await reopenStage(prisma, scope, { ...(body as object), programId: params.programId }), { status: 201 });
});
