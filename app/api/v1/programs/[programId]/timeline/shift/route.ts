import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { apiRoute, readJsonBody } from "@/lib/server/api-route";
import { shiftProgramTimeline } from "@/lib/server/programs";

type Params = { programId: string };

// POST /api/v1/programs/{programId}/timeline/shift — { opensOn? }: every stage and cut-off date moved
// by the same whole days so registration opens on that Beijing day (default today); audited.
export const POST = apiRoute<Params>({ permission: operations.shiftTimeline.permission }, async ({ request, scope, params }) => {
  const body = await readJsonBody(request);
  return NextResponse.json(await shiftProgramTimeline(prisma, scope, { ...(body as object), id: params.programId }));
});
