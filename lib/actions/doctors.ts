"use server";

import { revalidatePath } from "next/cache";
import { prisma } from "@/lib/db";
import { authedAction } from "@/lib/server/action-client";
import { withFieldErrors } from "@/lib/server/action-field-errors";
import { commitDoctorImport, previewDoctorImport, type ImportPreview } from "@/lib/server/doctor-import";
import { createDoctor, updateDoctor } from "@/lib/server/doctor-mutations";
import { listEmployerOptions } from "@/lib/server/doctors";
import { optionSearchSchema, PICKER_LIMIT } from "@/lib/schemas/list-query";
import { createDoctorSchema, doctorImportSchema, updateDoctorSchema } from "@/lib/schemas/doctors";

// Thin wrappers: the use cases in lib/server/doctor-*.ts parse, authorize, write and audit. They are
// given the client's input as sent (they validate it themselves, as for the API and the tests).

const LIST = "/doctors";

export const createDoctorAction = authedAction
  .metadata({ actionName: "createDoctor", permission: "doctor.manage" })
  .inputSchema(createDoctorSchema)
  .action(async ({ clientInput, ctx }) => {
    const created = await withFieldErrors(createDoctorSchema, () => createDoctor(prisma, ctx.scope, clientInput));
    revalidatePath(LIST);
    return { id: created.id };
  });

export const updateDoctorAction = authedAction
  .metadata({ actionName: "updateDoctor", permission: "doctor.manage" })
  .inputSchema(updateDoctorSchema)
  .action(async ({ clientInput, ctx }) => {
    const updated = await withFieldErrors(updateDoctorSchema, () => updateDoctor(prisma, ctx.scope, clientInput));
    revalidatePath(LIST);
    revalidatePath(`${LIST}/${updated.id}`);
    return { id: updated.id };
  });

/** The preview without the parsed records (the browser needs the rows and their problems only). */
function forBrowser(preview: ImportPreview) {
  return { ...preview, rows: preview.rows.map(({ record: _record, ...row }) => row) };
}

export const previewDoctorImportAction = authedAction
  .metadata({ actionName: "previewDoctorImport", permission: "doctor.manage" })
  .inputSchema(doctorImportSchema)
  .action(async ({ clientInput, ctx }) => forBrowser(await withFieldErrors(doctorImportSchema, () => previewDoctorImport(prisma, ctx.scope, clientInput))));

export const commitDoctorImportAction = authedAction
  .metadata({ actionName: "commitDoctorImport", permission: "doctor.manage" })
  .inputSchema(doctorImportSchema)
  .action(async ({ clientInput, ctx }) => {
    const result = forBrowser(await withFieldErrors(doctorImportSchema, () => commitDoctorImport(prisma, ctx.scope, clientInput)));
    revalidatePath(LIST);
    return result;
  });

/** The doctor list's employer filter: organisations of the caller's scope whose name contains q, a few at a time. */
export const searchEmployersAction = authedAction
  .metadata({ actionName: "searchEmployers", permission: "doctor.read" })
  .inputSchema(optionSearchSchema)
  .action(async ({ parsedInput, ctx }) => listEmployerOptions(prisma, ctx.scope, { q: parsedInput.q, take: PICKER_LIMIT }));
