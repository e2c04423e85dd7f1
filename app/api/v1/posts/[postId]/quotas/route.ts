import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { apiRoute, readJsonBody } from "@/lib/server/api-route";
import { listQuotas, setQuotas } from "@/lib/server/posts";

type Params = { postId: string };

// GET /api/v1/posts/{postId}/quotas — the post's minimum nominations per unit, with the units' names.
export const GET = apiRoute<Params>({ permission: operations.getQuotas.permission }, async ({ scope, params }) => {
  return NextResponse.json({ quotas: await listQuotas(prisma, scope, params.postId) });
});

// PUT /api/v1/posts/{postId}/quotas — { quotas: [{ nominatingOrgId, minimum }] } replaces the post's
// minimum nominations per unit (the units under the programme's bureau); answers the new list.
export const PUT = apiRoute<Params>({ permission: operations.setQuotas.permission }, async ({ request, scope, params }) => {
  const body = await readJsonBody(request);
  return NextResponse.json({ quotas: await setQuotas(prisma, scope, { ...(body as object), postId: params.postId }) });
});
