import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { apiRoute, readJsonBody } from "@/lib/server/api-route";
import { getProgram, updateProgram } from "@/lib/server/programs";

type Params = { programId: string };

// Another bureau's programme is "not found", as on the programme's page.
export const GET = apiRoute<Params>({ permission: operations.getProgram.permission }, async ({ scope, params }) => {
  const program = await getProgram(prisma, scope, params.programId);
  if (!program) throw new AppError("notFound");
  return NextResponse.json(program);
});

export const PATCH = apiRoute<Params>({ permission: operations.updateProgram.permission }, async ({ request, scope, params }) => {
  const body = await readJsonBody(request);
  return NextResponse.json(await updateProgram(prisma, scope, { ...(body as object), id: params.programId }));
});
