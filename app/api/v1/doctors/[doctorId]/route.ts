import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { apiRoute, readJsonBody } from "@/lib/server/api-route";
import { updateDoctor } from "@/lib/server/doctor-mutations";
import { getDoctor } from "@/lib/server/doctors";
import { etagOf, ifMatchOr428 } from "@/lib/server/edit-version";

type Params = { doctorId: string };

// GET answers the record's version as its ETag; PATCH requires it back as If-Match (428 without it),
// and a stale one is refused with 409 naming what changed since (issue 12: no lost updates).
export const GET = apiRoute<Params>({ permission: operations.getDoctor.permission }, async ({ scope, params }) => {
  const doctor = await getDoctor(prisma, scope, params.doctorId);
  if (!doctor) throw new AppError("notFound");
  return NextResponse.json(doctor, { headers: { ETag: etagOf(doctor.version) } });
});

export const PATCH = apiRoute<Params>({ permission: operations.updateDoctor.permission }, async ({ request, scope, params }) => {
  const version = await ifMatchOr428(request);
  if (version instanceof Response) return version;
  const body = await readJsonBody(request);
  return NextResponse.json(await updateDoctor(prisma, scope, { ...(body as object), id: params.doctorId, version }));
});
