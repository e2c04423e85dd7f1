import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import { asciiFileName } from "@/lib/domain/attachments";
import { attachmentDisposition } from "@/lib/excel/sheet";
import { downloadQuerySchema } from "@/lib/schemas/attachments";
import { apiRoute } from "@/lib/server/api-route";
import { readAttachment } from "@/lib/server/attachments";

type Params = { attachmentId: string };

/**
 * Served bytes are never run as a page: a sandboxed document (no scripts, no same origin), nothing
 * loaded from elsewhere. Chromium's PDF viewer still shows a PDF under it.
 */
const ATTACHMENT_CSP = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'";

// GET /api/v1/attachments/{attachmentId}[?inline=1] — the document, if the caller may see its
// application. Its type is the one recognised from its bytes (PDF, JPEG, PNG; anything else is
// application/octet-stream and never inline), offered as a download unless inline=1.
export const GET = apiRoute<Params>({ permission: operations.downloadAttachment.permission }, async ({ request, scope, params }) => {
  const { inline } = downloadQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  const file = await readAttachment(prisma, scope, params.attachmentId);
  const etag = `"${file.sha256}"`;
  const asInline = (inline === "1" || inline === "true") && file.safeContentType !== null;
  const disposition = attachmentDisposition(file.fileName, asciiFileName(file.fileName));
  const headers: Record<string, string> = {
    "Content-Type": file.safeContentType ?? "application/octet-stream",
    "Content-Disposition": asInline ? disposition.replace(/^attachment;/, "inline;") : disposition,
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": ATTACHMENT_CSP,
    "Cache-Control": "private, no-store",
    ETag: etag,
  };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(file.bytes, { status: 200, headers: { ...headers, "Content-Length": String(file.bytes.byteLength) } });
});
