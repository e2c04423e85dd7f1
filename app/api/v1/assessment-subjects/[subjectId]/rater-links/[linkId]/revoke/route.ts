import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { apiRoute } from "@/lib/server/api-route";
import { revokeRaterLink } from "@/lib/server/rater-links";

type Params = { subjectId: string; linkId: string };

// POST /api/v1/assessment-subjects/{subjectId}/rater-links/{linkId}/revoke
export const POST = apiRoute<Params>({ permission: operations.revokeRaterLink.permission }, async ({ scope, params }) => {
  return NextResponse.json(await revokeRaterLink(prisma, scope, { linkId: params.linkId, subjectId: params.subjectId }));
});
