import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { apiRoute, readJsonBody } from "@/lib/server/api-route";
import { getProgram, updateTimeline } from "@/lib/server/programs";

type Params = { programId: string };

// GET — the stages in order and the cut-off dates. PUT — replaces both (stages' times as Beijing
// wall clock "YYYY-MM-DD HH:mm", cut-off dates "YYYY-MM-DD"), audited with both versions.
export const GET = apiRoute<Params>({ permission: operations.getTimeline.permission }, async ({ scope, params }) => {
  const program = await getProgram(prisma, scope, params.programId);
  if (!program) throw new AppError("notFound");
  return NextResponse.json({
    stages: program.stages.map(({ kind, sequence, opensAt, closesAt, ratio }) => ({ kind, sequence, opensAt, closesAt, ratio })),
    cutoffs: program.cutoffDates.map(({ code, label, date }) => ({ code, label, date })),
  });
});

export const PUT = apiRoute<Params>({ permission: operations.updateTimeline.permission }, async ({ request, scope, params }) => {
  const body = await readJsonBody(request);
  return NextResponse.json(await updateTimeline(prisma, scope, { ...(body as object), id: params.programId }));
});
