import type { NextRequest } from "next/server";
import { allowanceMonth } from "../../../lib/lists";

export const dynamic = "force-dynamic";

// Beside GET /api/v1/allowances/due?programId=… (finance's month): the same sums and lines through bare pg, as JSON.
export async function GET(request: NextRequest) {
  return Response.json({ ...(await allowanceMonth(request.nextUrl.searchParams.get("programId") ?? "")), page: 1 });
}
