import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { apiRoute, readJsonBody } from "@/lib/server/api-route";
import { changeProgramStatus } from "@/lib/server/programs";

type Params = { programId: string };

// POST /api/v1/programs/{programId}/status — { target, confirmed? }: the guard's refusal is a 409
// with its key and sentence (registrationClosed, confirmRequired …), as on the programme's page.
export const POST = apiRoute<Params>({ permission: operations.changeProgramStatus.permission }, async ({ request, scope, params }) => {
  const body = await readJsonBody(request);
  return NextResponse.json(await changeProgramStatus(prisma, scope, { ...(body as object), id: params.programId }));
});
