import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { apiRoute } from "@/lib/server/api-route";
import { reactivateOrganization } from "@/lib/server/organizations";

// POST /api/v1/organizations/{organizationId}/reactivate — as the organisation page's button; no body.
export const POST = apiRoute<{ organizationId: string }>({ permission: operations.reactivateOrganization.permission, body: "none" }, async ({ scope, params }) => {
  return NextResponse.json(await reactivateOrganization(prisma, scope, { id: params.organizationId }));
});
