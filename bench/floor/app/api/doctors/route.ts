import type { NextRequest } from "next/server";
import { doctorsPage } from "../../../lib/lists";

export const dynamic = "force-dynamic";

// Beside GET /api/v1/doctors (a city bureau's staff): the same page through bare pg, as JSON.
export async function GET(request: NextRequest) {
  return Response.json({ ...(await doctorsPage(request.nextUrl.searchParams.get("bureauId") ?? "")), page: 1 });
}
