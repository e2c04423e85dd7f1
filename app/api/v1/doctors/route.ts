import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { doctorListApiQuerySchema } from "@/lib/schemas/doctors";
import { apiRoute, readJsonBody } from "@/lib/server/api-route";
import { parse } from "@/lib/server/kit";
import { createDoctor } from "@/lib/server/doctor-mutations";
import { listDoctors } from "@/lib/server/doctors";

export const GET = apiRoute({ permission: operations.listDoctors.permission }, async ({ request, scope }) => {
  const query = parse(doctorListApiQuerySchema, Object.fromEntries(request.nextUrl.searchParams));
  return NextResponse.json(await listDoctors(prisma, scope, query));
});

export const POST = apiRoute({ permission: operations.createDoctor.permission }, async ({ request, scope }) => {
  return NextResponse.json(await createDoctor(prisma, scope, await readJsonBody(request)), { status: 201 });
});
