import { NextResponse } from "next/server";
import { importQuerySchema, importRowsSchema, rowsToUpload } from "@/lib/api/import-rows";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { apiRoute, readJsonBody } from "@/lib/server/api-route";
import { commitDoctorImport, previewDoctorImport } from "@/lib/server/doctor-import";

// POST /api/v1/doctors/import[?dryRun=1] { rows: [{ name, sex, idNumber, … }] } — the import sheet's
// rows as JSON. A dry run answers the preview; otherwise every row is written, or none (409 while a
// row has a problem).
export const POST = apiRoute({ permission: operations.importDoctors.permission }, async ({ request, scope }) => {
  const { dryRun } = importQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  const upload = rowsToUpload(importRowsSchema.parse(await readJsonBody(request)));
  const preview = dryRun === "1" || dryRun === "true";
  const result = preview ? await previewDoctorImport(prisma, scope, upload) : await commitDoctorImport(prisma, scope, upload);
  return NextResponse.json({ ...result, committed: !preview });
});
