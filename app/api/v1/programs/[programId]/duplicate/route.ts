import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { apiRoute } from "@/lib/server/api-route";
import { duplicateProgram } from "@/lib/server/program-duplicate";

type Params = { programId: string };

// POST /api/v1/programs/{programId}/duplicate — the next round as a draft (the programme page's 复制为下一轮).
export const POST = apiRoute<Params>({ permission: operations.duplicateProgram.permission, body: "none" }, async ({ scope, params }) => {
  return NextResponse.json(await duplicateProgram(prisma, scope, { id: params.programId }), { status: 201 });
});
