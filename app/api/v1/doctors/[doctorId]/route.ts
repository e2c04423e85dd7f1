import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { apiRoute, readJsonBody } from "@/lib/server/api-route";
import { updateDoctor } from "@/lib/server/doctor-mutations";
import { getDoctor } from "@/lib/server/doctors";

type Params = { doctorId: string };

export const GET = apiRoute<Params>({ permission: operations.getDoctor.permission }, async ({ scope, params }) => {
  const doctor = await getDoctor(prisma, scope, params.doctorId);
  if (!doctor) throw new AppError("notFound");
  return NextResponse.json(doctor);
});

export const PATCH = apiRoute<Params>({ permission: operations.updateDoctor.permission }, async ({ request, scope, params }) => {
  const body = await readJsonBody(request);
  return NextResponse.json(await updateDoctor(prisma, scope, { ...(body as object), id: params.doctorId }));
});
