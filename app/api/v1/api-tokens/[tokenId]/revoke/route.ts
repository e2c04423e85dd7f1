import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { apiRoute } from "@/lib/server/api-route";
import { revokeApiToken } from "@/lib/server/api-tokens";

// POST /api/v1/api-tokens/{tokenId}/revoke — as the token list's 撤销 button; no body.
export const POST = apiRoute<{ tokenId: string }>({ permission: operations.revokeApiToken.permission, body: "none" }, async ({ scope, params }) => {
  return NextResponse.json(await revokeApiToken(prisma, scope, { id: params.tokenId }));
});
