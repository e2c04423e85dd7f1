import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { apiRoute, readJsonBody } from "@/lib/server/api-route";
import { createPost, listPosts } from "@/lib/server/posts";
import { getProgram } from "@/lib/server/programs";

type Params = { programId: string };

export const GET = apiRoute<Params>({ permission: operations.listPosts.permission }, async ({ scope, params }) => {
  // An unknown or invisible programme is a 404, not an empty list.
  if (!(await getProgram(prisma, scope, params.programId))) throw new AppError("notFound");
  return NextResponse.json({ rows: await listPosts(prisma, scope, params.programId) });
});

export const POST = apiRoute<Params>({ permission: operations.createPost.permission }, async ({ request, scope, params }) => {
  const body = await readJsonBody(request);
  return NextResponse.json(await createPost(prisma, scope, { ...(body as object), programId: params.programId }), { status: 201 });
});
