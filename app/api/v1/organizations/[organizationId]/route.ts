import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { apiRoute, readJsonBody } from "@/lib/server/api-route";
import { etagOf, ifMatchOr428 } from "@/lib/server/edit-version";
import { getOrganization, updateOrganization } from "@/lib/server/organizations";

type Params = { organizationId: string };

// GET — one organisation in scope (its ETag the version). PATCH — its fields from that version
// (If-Match, 428 without it; a stale one is 409 naming what changed, issue 12).
export const GET = apiRoute<Params>({ permission: operations.getOrganization.permission }, async ({ scope, params }) => {
  const organization = await getOrganization(prisma, scope, params.organizationId);
  if (!organization) throw new AppError("notFound");
  return NextResponse.json(organization, { headers: { ETag: etagOf(organization.version) } });
});

export const PATCH = apiRoute<Params>({ permission: operations.updateOrganization.permission }, async ({ request, scope, params }) => {
  const version = await ifMatchOr428(request);
  if (version instanceof Response) return version;
  const body = await readJsonBody(request);
  const organization = await updateOrganization(prisma, scope, { ...(body as object), id: params.organizationId, version });
  return NextResponse.json(organization, { headers: { ETag: etagOf(organization.version) } });
});
