import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { apiRoute, readJsonBody } from "@/lib/server/api-route";
import { issueApiToken, listApiTokens } from "@/lib/server/api-tokens";

type Params = { userId: string };

// GET — the account's tokens (the account page's API tokens section). POST — a new one; the
// secret is answered this once.
export const GET = apiRoute<Params>({ permission: operations.listApiTokens.permission }, async ({ scope, params }) => {
  return NextResponse.json({ tokens: await listApiTokens(prisma, scope, params.userId) });
});

export const POST = apiRoute<Params>({ permission: operations.issueApiToken.permission }, async ({ request, scope, params }) => {
  const body = await readJsonBody(request);
  return NextResponse.json(await issueApiToken(prisma, scope, { ...(body as object), userId: params.userId }), { status: 201, headers: { "Cache-Control": "no-store" } });
});
