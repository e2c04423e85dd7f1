import type { NextRequest } from "next/server";
import { workloadRows } from "../../../lib/lists";

export const dynamic = "force-dynamic";

// Beside GET /api/v1/workload?by=receivingOrg&programId=…: the same totals through bare pg, as JSON.
export async function GET(request: NextRequest) {
  return Response.json({ rows: await workloadRows(request.nextUrl.searchParams.get("programId") ?? ""), page: 1 });
}
