import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { apiRoute } from "@/lib/server/api-route";
import { dispatchCandidates } from "@/lib/server/dispatch-queries";

type Params = { programId: string };

// GET /api/v1/programs/{programId}/dispatch-candidates — approved applications not dispatched yet.
export const GET = apiRoute<Params>({ permission: operations.dispatchCandidates.permission }, async ({ scope, params }) => {
  return NextResponse.json(await dispatchCandidates(prisma, scope, params.programId));
});
