import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { apiRoute, readJsonBody } from "@/lib/server/api-route";
import { requiredDocuments, setRequiredDocuments } from "@/lib/server/required-documents";

type Params = { programId: string };

// GET — the documents each stage requires, every stage in order. PUT — replaces them ({ stages:
// [{ stage, kinds }] }; a stage left out requires nothing), audited with both versions.
export const GET = apiRoute<Params>({ permission: operations.getRequiredDocuments.permission }, async ({ scope, params }) =>
  NextResponse.json(await requiredDocuments(prisma, scope, params.programId)),
);

export const PUT = apiRoute<Params>({ permission: operations.setRequiredDocuments.permission }, async ({ request, scope, params }) => {
  const body = await readJsonBody(request);
  return NextResponse.json(await setRequiredDocuments(prisma, scope, { ...(body as object), programId: params.programId }));
});
