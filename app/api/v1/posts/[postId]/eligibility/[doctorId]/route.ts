import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { apiRoute } from "@/lib/server/api-route";
import { evaluateDoctorForPost } from "@/lib/server/eligibility";

export const GET = apiRoute<{ postId: string; doctorId: string }>({ permission: operations.evaluateDoctor.permission }, async ({ scope, params }) => {
  return NextResponse.json(await evaluateDoctorForPost(prisma, scope, { postId: params.postId, doctorId: params.doctorId }));
});
