import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { apiRoute, readJsonBody } from "@/lib/server/api-route";
import { withdrawAppointee } from "@/lib/server/public-notice";

type Params = { programId: string };

// POST /api/v1/programs/{programId}/notice/withdrawals — staff withdraw an appointee with the reason.
export const POST = apiRoute<Params>({ permission: operations.withdrawAppointee.permission }, async ({ request, scope, params }) => {
  const body = await readJsonBody(request);
  return NextResponse.json(await withdrawAppointee(prisma, scope, { ...(body as object), programId: params.programId }));
});
