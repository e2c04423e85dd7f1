import { NextResponse } from "next/server";
import { buildOpenApiDocument, operations } from "@/lib/api/openapi";
import { apiRoute } from "@/lib/server/api-route";

// Behind apiRoute like every operation: the document is of use only to a caller who holds a token,
// and it lists the permissions each operation checks. program.read is held by every staff role.
export const GET = apiRoute({ permission: operations.openapi.permission }, async () => NextResponse.json(buildOpenApiDocument()));
