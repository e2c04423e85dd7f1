import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { contractQuerySchema } from "@/lib/schemas/workforce";
import { apiRoute, readJsonBody } from "@/lib/server/api-route";
import { parse } from "@/lib/server/kit";
import { createContract } from "@/lib/server/workforce";
import { targetedContracts } from "@/lib/server/workforce-queries";

// GET /api/v1/workforce/contracts[?regionId=&status=] — targeted students' contracts with the service left.
export const GET = apiRoute({ permission: operations.listTargetedContracts.permission }, async ({ request, scope }) => {
  const query = parse(contractQuerySchema, Object.fromEntries(request.nextUrl.searchParams));
  return NextResponse.json(await targetedContracts(prisma, scope, query));
});

// POST /api/v1/workforce/contracts — a targeted student's contract.
export const POST = apiRoute({ permission: operations.createTargetedContract.permission }, async ({ request, scope }) => {
  return NextResponse.json(await createContract(prisma, scope, await readJsonBody(request)), { status: 201 });
});
