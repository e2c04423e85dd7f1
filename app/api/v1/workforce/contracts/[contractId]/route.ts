import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { apiRoute, readJsonBody } from "@/lib/server/api-route";
import { updateContract } from "@/lib/server/workforce";

// PATCH /api/v1/workforce/contracts/{contractId} — body: the contract's fields and the version read.
export const PATCH = apiRoute<{ contractId: string }>({ permission: operations.updateTargetedContract.permission }, async ({ request, scope, params }) => {
  const body = await readJsonBody(request);
  return NextResponse.json(await updateContract(prisma, scope, { ...(body as object), contractId: params.contractId }));
});
