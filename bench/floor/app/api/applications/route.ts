import type { NextRequest } from "next/server";
import { applicationsPage } from "../../../lib/lists";

export const dynamic = "force-dynamic";

// Beside GET /api/v1/applications?programId=…: the same page through bare pg, as JSON.
export async function GET(request: NextRequest) {
  return Response.json({ ...(await applicationsPage(request.nextUrl.searchParams.get("programId") ?? "")), page: 1 });
}
