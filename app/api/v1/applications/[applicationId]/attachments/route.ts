import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { apiRoute } from "@/lib/server/api-route";
import { listAttachments, uploadAttachment } from "@/lib/server/attachments";
import { readUploadForm } from "@/lib/server/upload-body";

type Params = { applicationId: string };

// GET /api/v1/applications/{applicationId}/attachments — the documents' metadata.
export const GET = apiRoute<Params>({ permission: operations.listAttachments.permission }, async ({ scope, params }) =>
  NextResponse.json(await listAttachments(prisma, scope, params.applicationId)),
);

// POST /api/v1/applications/{applicationId}/attachments — multipart/form-data: file, kind,
// stageDecisionId?. The size is refused (413) from Content-Length before the body is read, and
// again while reading it; the file's type is then judged by its bytes (422 with the reason).
export const POST = apiRoute<Params>({ permission: operations.uploadAttachment.permission, body: "multipart" }, async ({ request, scope, params }) => {
  const upload = await readUploadForm(request);
  if (upload instanceof Response) return upload;
  const created = await uploadAttachment(prisma, scope, {
    applicationId: params.applicationId,
    kind: upload.form.get("kind") ?? undefined,
    stageDecisionId: upload.form.get("stageDecisionId") ?? undefined,
    ...upload.file,
  });
  return NextResponse.json(created, { status: 201 });
});
