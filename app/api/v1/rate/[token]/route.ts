import { NextResponse } from "next/server";
import { prisma } from "@/lib/db";
import { raterLinkRoute, readJsonBody } from "@/lib/server/api-route";
import { raterLinkForm, scoreByLink } from "@/lib/server/rater-links";

// A rater without an account: the link's token is the credential (lib/server/rater-links.ts checks
// it — unknown and counted per address, used, revoked, expired — before anything else).

// GET /api/v1/rate/{token} — the sheet the link opens.
export const GET = raterLinkRoute(async ({ token, address }) => {
  return NextResponse.json(await raterLinkForm(prisma, token, address), { headers: { "Cache-Control": "no-store" } });
});

// POST /api/v1/rate/{token} — body { points: [18.5, …] }: the one submission.
export const POST = raterLinkRoute(async ({ request, token, address }) => {
  const body = await readJsonBody(request);
  return NextResponse.json(await scoreByLink(prisma, token, body, address), { status: 201, headers: { "Cache-Control": "no-store" } });
});
