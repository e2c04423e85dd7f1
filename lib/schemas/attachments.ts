import { z } from "zod";
import { ATTACHMENT_KINDS, ATTACHMENT_TYPES, type AttachmentContentType } from "../domain/attachments";

// Documents of an application: the upload's fields (multipart form or use-case input) and the
// metadata answered for each document. Messages are catalogue keys of "attachments.errors".

const id = z.string({ error: "invalid" }).trim().min(1, "required").max(64, "invalid");

/** The upload's form fields besides the file (the file is checked by lib/domain/attachments.ts). */
export const uploadFieldsSchema = z.object({
  applicationId: id,
  kind: z.enum(ATTACHMENT_KINDS, { error: "kindRequired" }),
  stageDecisionId: id.optional().or(z.literal("").transform(() => undefined)),
});

export const uploadInputSchema = uploadFieldsSchema.extend({
  fileName: z.string({ error: "fileRequired" }).max(1000, "invalid"),
  declaredType: z.string().max(200, "invalid").default(""),
  bytes: z.instanceof(Uint8Array, { error: "fileRequired" }),
});

export type UploadInput = z.input<typeof uploadInputSchema>;

/**
 * The browser's upload form: the kind (one of the application's, or a leave request's certificate),
 * the decision it documents and the chosen file (its size and type are checked by
 * lib/domain/attachments.ts, in the browser and again on the server).
 */
export const uploadFormInputSchema = z.object({
  kind: z.string({ error: "kindRequired" }).min(1, "kindRequired"),
  stageDecisionId: z.string().optional(),
  file: z.custom<FileList>((v) => typeof FileList !== "undefined" && v instanceof FileList && v.length > 0, "fileRequired"),
});
export type UploadFormInput = z.input<typeof uploadFormInputSchema>;

/** A certificate (sick note…) the doctor attaches to their own leave request: the file only, its kind is LEAVE_CERTIFICATE. */
export const leaveAttachmentInputSchema = z.object({
  leaveRequestId: id,
  fileName: z.string({ error: "fileRequired" }).max(1000, "invalid"),
  declaredType: z.string().max(200, "invalid").default(""),
  bytes: z.instanceof(Uint8Array, { error: "fileRequired" }),
});

const contentTypes = Object.keys(ATTACHMENT_TYPES) as [AttachmentContentType, ...AttachmentContentType[]];

/** One document's metadata, as the API answers it (never its bytes). */
export const attachmentSchema = z
  .object({
    id: z.string(),
    applicationId: z.string(),
    kind: z.enum(ATTACHMENT_KINDS),
    fileName: z.string(),
    contentType: z.enum(contentTypes),
    sizeBytes: z.number().int(),
    sha256: z.string().meta({ description: "SHA-256 of the bytes, hex; also the download's ETag" }),
    stageDecisionId: z.string().nullable(),
    createdAt: z.iso.datetime(),
    uploadedBy: z.object({ displayName: z.string() }),
  })
  .meta({ id: "Attachment" });

/** The multipart body of an upload, for the OpenAPI document. */
export const uploadFormSchema = z.object({
  file: z.string().meta({ format: "binary", description: "PDF, JPEG or PNG, at most 10 MB; type recognised by its bytes" }),
  kind: z.enum(ATTACHMENT_KINDS),
  stageDecisionId: z.string().optional().meta({ description: "Bureau only: one of the application's stage decisions" }),
});

export const downloadQuerySchema = z.object({
  inline: z.enum(["1", "0", "true", "false"]).optional().meta({ description: "1: shown in the browser (preview) instead of downloaded" }),
});

/** One certificate of a leave request, as the API answers it (never its bytes). */
export const leaveAttachmentSchema = z
  .object({
    id: z.string(),
    leaveRequestId: z.string(),
    kind: z.literal("LEAVE_CERTIFICATE"),
    fileName: z.string(),
    contentType: z.enum(contentTypes),
    sizeBytes: z.number().int(),
    sha256: z.string().meta({ description: "SHA-256 of the bytes, hex; also the download's ETag (GET /attachments/{attachmentId})" }),
    createdAt: z.iso.datetime(),
    uploadedBy: z.object({ displayName: z.string() }),
  })
  .meta({ id: "LeaveAttachment" });

/** The multipart body of a leave certificate's upload, for the OpenAPI document. */
export const leaveUploadFormSchema = z.object({
  file: z.string().meta({ format: "binary", description: "PDF, JPEG or PNG, at most 10 MB; type recognised by its bytes" }),
});
