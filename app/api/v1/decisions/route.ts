import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { apiRoute, readJsonBody } from "@/lib/server/api-route";
import { decide } from "@/lib/server/vetting";

// POST /api/v1/decisions — one decision for a selection at one stage, all or none. Over the stage's
// cap: 409 conflict "capExceeded" with details { post, cap, passed, adding }; a failure without its
// reason: 422 with fieldErrors.reason.
export const POST = apiRoute({ permission: operations.decide.permission }, async ({ request, scope }) =>
  NextResponse.json(await decide(prisma, scope, await readJsonBody(request))),
);
