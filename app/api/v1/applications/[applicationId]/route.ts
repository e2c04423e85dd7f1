import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { getApplication } from "@/lib/server/application-queries";
import { apiRoute } from "@/lib/server/api-route";

type Params = { applicationId: string };

// GET /api/v1/applications/{applicationId} — one application with its decisions and documents' metadata.
export const GET = apiRoute<Params>({ permission: operations.getApplication.permission }, async ({ scope, params }) =>
  NextResponse.json(await getApplication(prisma, scope, params.applicationId)),
);
