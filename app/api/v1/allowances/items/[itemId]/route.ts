import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { updateItem } from "@/lib/server/allowances";
import { apiRoute, readJsonBody } from "@/lib/server/api-route";

type Params = { itemId: string };

// PATCH /api/v1/allowances/items/{itemId} — new values from the version read; lines not yet due follow, paid and due lines keep theirs.
export const PATCH = apiRoute<Params>({ permission: operations.updateAllowanceItem.permission }, async ({ request, scope, params }) => {
  const body = await readJsonBody(request);
  return NextResponse.json(await updateItem(prisma, scope, { ...(body as object), itemId: params.itemId }));
});
