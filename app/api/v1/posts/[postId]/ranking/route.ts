import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { apiRoute, readJsonBody } from "@/lib/server/api-route";
import { rankShortlist } from "@/lib/server/vetting";

type Params = { postId: string };

// PUT /api/v1/posts/{postId}/ranking — { applicationIds } in order (first choice first): exactly the
// post's applications that passed the inspection shortlist, or a 409 rankMustListShortlist.
export const PUT = apiRoute<Params>({ permission: operations.rankShortlist.permission }, async ({ request, scope, params }) => {
  const body = await readJsonBody(request);
  return NextResponse.json(await rankShortlist(prisma, scope, { ...(body as object), postId: params.postId }));
});
