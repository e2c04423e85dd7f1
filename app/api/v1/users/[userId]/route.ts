import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { apiRoute, readJsonBody } from "@/lib/server/api-route";
import { etagOf, ifMatchOr428 } from "@/lib/server/edit-version";
import { getUser, updateUser } from "@/lib/server/users";

type Params = { userId: string };

// GET — one account in scope (its ETag the version). PATCH — its fields from that version
// (If-Match, 428 without it; a stale one is 409 naming what changed), answered with the account.
export const GET = apiRoute<Params>({ permission: operations.getUser.permission }, async ({ scope, params }) => {
  const user = await getUser(prisma, scope, params.userId);
  return NextResponse.json(user, { headers: { ETag: etagOf(user.version) } });
});

export const PATCH = apiRoute<Params>({ permission: operations.updateUser.permission }, async ({ request, scope, params }) => {
  const version = await ifMatchOr428(request);
  if (version instanceof Response) return version;
  const body = await readJsonBody(request);
  await updateUser(prisma, scope, { ...(body as object), id: params.userId, version });
  const user = await getUser(prisma, scope, params.userId);
  return NextResponse.json(user, { headers: { ETag: etagOf(user.version) } });
});
