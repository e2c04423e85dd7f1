import "server-only";
import type { NextRequest } from "next/server";
import { MAX_ATTACHMENT_BYTES } from "../domain/attachments";
import { BadRequestError, errorResponse } from "./api-route";

// The multipart body of an upload route (an application's documents, a leave's certificates): the
// size refused (413) from Content-Length before the body is read, and again while reading it; then
// the form, whose file the use case judges by its bytes.

/** Room for the multipart framing and the small fields around a file of the largest size. */
const MAX_BODY_BYTES = MAX_ATTACHMENT_BYTES + 64 * 1024;

const tooLarge = (request: NextRequest) =>
  errorResponse(request, 413, "payloadTooLarge", "fileTooLarge", undefined, { maxBytes: String(MAX_ATTACHMENT_BYTES), max: `${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB` });

/** The body, read up to `limit` bytes: null as soon as it is longer (a missing or false Content-Length changes nothing). */
async function readBodyUpTo(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

export interface UploadForm {
  form: FormData;
  /** The file field as the use cases take it (undefined fields: "fileRequired"). */
  file: { fileName: string | undefined; declaredType: string; bytes: Uint8Array | undefined };
}

/** The upload's form, or the 413 answer when it is too large. */
export async function readUploadForm(request: NextRequest): Promise<UploadForm | Response> {
  const declaredLength = Number(request.headers.get("content-length") ?? "0");
  if (declaredLength > MAX_BODY_BYTES) return tooLarge(request);
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(contentType)) throw new BadRequestError("notMultipart");
  const raw = await readBodyUpTo(request.body, MAX_BODY_BYTES);
  if (!raw) return tooLarge(request);
  let form: FormData;
  try {
    form = await new Response(raw, { headers: { "content-type": contentType } }).formData();
  } catch {
    throw new BadRequestError("multipartUnreadable");
  }
  const file = form.get("file");
  if (file instanceof File && file.size > MAX_ATTACHMENT_BYTES) return tooLarge(request);
  return {
    form,
    file: {
      fileName: file instanceof File ? file.name : undefined,
      declaredType: file instanceof File ? file.type : "",
      bytes: file instanceof File ? new Uint8Array(await file.arrayBuffer()) : undefined,
    },
  };
}
