import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { apiRoute } from "@/lib/server/api-route";
import { screenPost } from "@/lib/server/eligibility";

// GET /api/v1/posts/{postId}/screening?verdict=&unitId=&q=&page=
export const GET = apiRoute<{ postId: string }>({ permission: operations.screenPost.permission }, async ({ request, scope, params }) => {
  return NextResponse.json(await screenPost(prisma, scope, { ...Object.fromEntries(request.nextUrl.searchParams), postId: params.postId }));
});
