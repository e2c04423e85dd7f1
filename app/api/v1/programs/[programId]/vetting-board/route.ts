import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { apiRoute } from "@/lib/server/api-route";
import { vettingBoard } from "@/lib/server/vetting";

type Params = { programId: string };

// GET /api/v1/programs/{programId}/vetting-board — per post and stage: waiting, passed, cap, shortfall.
export const GET = apiRoute<Params>({ permission: operations.vettingBoard.permission }, async ({ scope, params }) =>
  NextResponse.json(await vettingBoard(prisma, scope, params.programId)),
);
