import type { NextRequest } from "next/server";
import { dispatchesPage } from "../../../lib/lists";

export const dynamic = "force-dynamic";

// Beside GET /api/v1/dispatches/list?programId=…: the same page through bare pg, as JSON.
export async function GET(request: NextRequest) {
  const q = request.nextUrl.searchParams;
  return Response.json({ ...(await dispatchesPage(q.get("bureauId") ?? "", q.get("programId") ?? "")), page: 1 });
}
