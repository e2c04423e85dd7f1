import { NextResponse } from "next/server";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { apiRoute } from "@/lib/server/api-route";
import { listLeaveAttachments, uploadLeaveAttachment } from "@/lib/server/leave-attachments";
import { readUploadForm } from "@/lib/server/upload-body";

type Params = { leaveId: string };

// GET /api/v1/leave/{leaveId}/attachments — the request's certificates (metadata; bytes: GET /attachments/{id}).
export const GET = apiRoute<Params>({ permission: operations.listLeaveAttachments.permission }, async ({ scope, params }) =>
  NextResponse.json(await listLeaveAttachments(prisma, scope, params.leaveId)),
);

// POST /api/v1/leave/{leaveId}/attachments — multipart/form-data: file. The doctor's own request only.
export const POST = apiRoute<Params>({ permission: operations.uploadLeaveAttachment.permission, body: "multipart" }, async ({ request, scope, params }) => {
  const upload = await readUploadForm(request);
  if (upload instanceof Response) return upload;
  return NextResponse.json(await uploadLeaveAttachment(prisma, scope, { leaveRequestId: params.leaveId, ...upload.file }), { status: 201 });
});
