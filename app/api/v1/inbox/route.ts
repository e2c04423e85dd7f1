import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { apiRoute } from "@/lib/server/api-route";
import { loadInbox } from "@/lib/server/inbox";

// GET /api/v1/inbox — the caller's to-do inbox, as on the landing page.
export const GET = apiRoute({ permission: operations.getInbox.permission }, async ({ scope }) => NextResponse.json(await loadInbox(prisma, scope)));
