import { getTranslations } from "next-intl/server";
import { prisma } from "@/lib/db";
import { attachmentDisposition, contentTypes } from "@/lib/excel/sheet";
import { auditExportSchema, auditFilterSchema, filterInput } from "@/lib/schemas/audit";
import { buildAuditExport, type Translate } from "@/lib/server/audit-log";
import { apiRoute } from "@/lib/server/api-route";
import { AppError } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/schemas/field-errors";

/** 20261123: today in Beijing time, for the file name. */
function shanghaiStamp(now: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).format(now).replace(/-/g, "");
}

// GET /api/v1/audit/export?format=csv|xlsx&q=&action=&entity=&actor=&from=&to=&sort=&dir=
// The page's rows (same scope, same filters, same order: newest first unless sorted) as a file, at most EXPORT_LIMIT rows.
export const GET = apiRoute({ permission: "audit.read" }, async ({ request, scope }) => {
  const input = filterInput(request.nextUrl.searchParams);
  const t = (await getTranslations("audit")) as unknown as Translate;
  const format = auditExportSchema.safeParse(input);
  const filters = auditFilterSchema.safeParse(input);
  if (!format.success || !filters.success) {
    // In words in the caller's language by the one error builder (errorResponse), like every route.
    const keys = { ...(format.success ? {} : fieldErrorsOf(format.error)), ...(filters.success ? {} : fieldErrorsOf(filters.error)) };
    throw new AppError("validation", "validation", keys);
  }

  const tRoles = (await getTranslations("roles")) as unknown as Translate;
  const tAll = (await getTranslations()) as unknown as Translate;
  const result = await buildAuditExport(prisma, scope, filters.data, format.data.format, { t, tAll, tRoles }, undefined, { sort: format.data.sort, dir: format.data.dir });
  const stamp = shanghaiStamp(new Date());
  const fileName = `${t("fileName")}-${stamp}.${format.data.format}`;
  return new Response(new Uint8Array(result.body), {
    status: 200,
    headers: {
      "Content-Type": contentTypes[format.data.format],
      "Content-Disposition": attachmentDisposition(fileName, `audit-log-${stamp}.${format.data.format}`),
      "Content-Length": String(result.body.byteLength),
      "Cache-Control": "no-store",
      "X-Export-Rows": String(result.rowCount),
      "X-Export-Total": String(result.total),
    },
  });
});
