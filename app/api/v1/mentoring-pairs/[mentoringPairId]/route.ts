import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { apiRoute, readJsonBody } from "@/lib/server/api-route";
import { deleteMentoringPair, updateMentoringPair } from "@/lib/server/mentoring";

type Params = { mentoringPairId: string };

// PATCH /api/v1/mentoring-pairs/{mentoringPairId} — body: the pair's fields and the version read.
export const PATCH = apiRoute<Params>({ permission: operations.updateMentoringPair.permission }, async ({ request, scope, params }) => {
  const body = await readJsonBody(request);
  return NextResponse.json(await updateMentoringPair(prisma, scope, { ...(body as object), mentoringPairId: params.mentoringPairId }));
});

// DELETE /api/v1/mentoring-pairs/{mentoringPairId}?version=N
export const DELETE = apiRoute<Params>({ permission: operations.deleteMentoringPair.permission }, async ({ request, scope, params }) => {
  const version = Number(request.nextUrl.searchParams.get("version"));
  return NextResponse.json(await deleteMentoringPair(prisma, scope, { mentoringPairId: params.mentoringPairId, version }));
});
