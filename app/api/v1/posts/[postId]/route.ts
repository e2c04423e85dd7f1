import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { apiRoute, readJsonBody } from "@/lib/server/api-route";
import { etagOf, ifMatchOr428 } from "@/lib/server/edit-version";
import { deletePost, updatePost } from "@/lib/server/posts";

// A post's version is in the programme's post list (GET /programs/{programId}/posts); PATCH requires
// it back as If-Match (428 without it), a stale one is 409 naming what changed (issue 12). The
// answer's ETag is the new version.
export const PATCH = apiRoute<{ postId: string }>({ permission: operations.updatePost.permission }, async ({ request, scope, params }) => {
  const version = await ifMatchOr428(request);
  if (version instanceof Response) return version;
  const body = await readJsonBody(request);
  const post = await updatePost(prisma, scope, { ...(body as object), id: params.postId, version });
  return NextResponse.json(post, { headers: { ETag: etagOf(post.version) } });
});

// DELETE — a post of a draft programme without applications (the programme page's 删除).
export const DELETE = apiRoute<{ postId: string }>({ permission: operations.deletePost.permission }, async ({ scope, params }) => {
  const post = await deletePost(prisma, scope, { id: params.postId });
  return NextResponse.json({ id: post.id });
});
