import type { NextRequest } from "next/server";
import { assessmentsPage } from "../../../lib/lists";

export const dynamic = "force-dynamic";

// Beside GET /api/v1/assessments (a bureau): the same page through bare pg, as JSON.
export async function GET(request: NextRequest) {
  return Response.json({ ...(await assessmentsPage(request.nextUrl.searchParams.get("bureauId") ?? "")), page: 1 });
}
