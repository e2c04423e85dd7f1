import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { screeningApiQuerySchema } from "@/lib/schemas/screening";
import { apiRoute } from "@/lib/server/api-route";
import { screenPost } from "@/lib/server/eligibility";
import { parse } from "@/lib/server/kit";

// GET /api/v1/posts/{postId}/screening?verdict=&unitId=&q=&page=
export const GET = apiRoute<{ postId: string }>({ permission: operations.screenPost.permission }, async ({ request, scope, params }) => {
  const raw = Object.fromEntries(request.nextUrl.searchParams);
  parse(screeningApiQuerySchema, raw); // a page or size it does not know is 422, as on every list; screenPost reads the rest (verdict=all, the default tab)
  return NextResponse.json(await screenPost(prisma, scope, { ...raw, postId: params.postId }));
});
