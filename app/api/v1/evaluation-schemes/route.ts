import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { apiRoute, readJsonBody } from "@/lib/server/api-route";
import { createScheme, listSchemes } from "@/lib/server/evaluations";

// GET /api/v1/evaluation-schemes — the built-in schemes and the caller's bureau's.
export const GET = apiRoute({ permission: operations.listEvaluationSchemes.permission }, async ({ scope }) => NextResponse.json(await listSchemes(prisma, scope)));

// POST /api/v1/evaluation-schemes — a scheme of the caller's bureau.
export const POST = apiRoute({ permission: operations.createEvaluationScheme.permission }, async ({ request, scope }) =>
  NextResponse.json(await createScheme(prisma, scope, await readJsonBody(request)), { status: 201 }),
);
