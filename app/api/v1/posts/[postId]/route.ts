import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { apiRoute, readJsonBody } from "@/lib/server/api-route";
import { updatePost } from "@/lib/server/posts";

export const PATCH = apiRoute<{ postId: string }>({ permission: operations.updatePost.permission }, async ({ request, scope, params }) => {
  const body = await readJsonBody(request);
  return NextResponse.json(await updatePost(prisma, scope, { ...(body as object), id: params.postId }));
});
