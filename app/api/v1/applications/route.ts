import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { authorize, can } from "@/lib/auth/policy";
import { prisma } from "@/lib/db";
import { applicationListApiQuerySchema } from "@/lib/schemas/applications";
import { listApplications, type ApplicationListRow } from "@/lib/server/application-queries";
import { apiRoute, readJsonBody } from "@/lib/server/api-route";
import { parse } from "@/lib/server/kit";
import { nominate, register } from "@/lib/server/applications";

/** The list's compact row: what a client needs to show and filter it, nothing of the doctor's record beyond name and employer. */
function rowOf(app: ApplicationListRow) {
  return {
    id: app.id,
    status: app.status,
    currentStage: app.currentStage,
    source: app.source,
    eligibilityVerdict: app.eligibilityVerdict,
    exception: app.exceptionReason !== null,
    exceptionReason: app.exceptionReason,
    rank: app.rank,
    submittedAt: app.submittedAt,
    registrationNo: app.registrationNo,
    doctor: { id: app.doctor.id, name: app.doctor.name, employerName: app.doctor.employer.name },
    post: { id: app.post.id, title: app.post.title, rotationBatch: app.post.rotationBatch },
    program: { id: app.post.program.id, name: app.post.program.name },
    nominatingOrg: app.nominatingOrg,
    documents: app._count.attachments,
  };
}

// GET /api/v1/applications — the applications the caller may see, filtered and paged.
export const GET = apiRoute({ permission: operations.listApplications.permission }, async ({ request, scope }) => {
  const query = parse(applicationListApiQuerySchema, Object.fromEntries(request.nextUrl.searchParams));
  const page = await listApplications(prisma, scope, query);
  return NextResponse.json({ ...page, rows: page.rows.map(rowOf) });
});

// POST /api/v1/applications — a doctor registers themself; anyone else nominates (the policy refuses
// roles that may not, before the body is judged).
export const POST = apiRoute({ permission: operations.submitApplication.permission }, async ({ request, scope }) => {
  const asDoctor = can(scope, "application.register");
  authorize(scope, asDoctor ? "application.register" : "application.nominate");
  const body = await readJsonBody(request);
  const created = asDoctor ? await register(prisma, scope, body) : await nominate(prisma, scope, body);
  return NextResponse.json(created, { status: 201 });
});
