import { getTranslations } from "next-intl/server";
import { prisma } from "@/lib/db";
import { attachmentDisposition, contentTypes, writeSheet } from "@/lib/excel/sheet";
import { doctorExportSchema, doctorListApiQuerySchema } from "@/lib/schemas/doctors";
import { doctorSheetColumns, EXPORT_LIMIT, listDoctorsForExport } from "@/lib/server/doctors";
import { apiRoute } from "@/lib/server/api-route";
import { parse } from "@/lib/server/kit";

/** 20261123: today in Beijing time, for the file name. */
function shanghaiStamp(now: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).format(now).replace(/-/g, "");
}

// GET /api/v1/doctors/export?format=xlsx|csv&q=&employerId=&specialty=&titleLevel=&education=
// The list's doctors (same scope, same filters) in the import's layout, so that an export can be
// edited and imported again. ID numbers are masked unless the user may see them (a masked number is
// refused on import, so only those who may see the numbers can round-trip a file).
export const GET = apiRoute({ permission: "doctor.read" }, async ({ request, scope }) => {
  const params = Object.fromEntries(request.nextUrl.searchParams);
  const { format } = doctorExportSchema.parse(params);
  const query = parse(doctorListApiQuerySchema, params);
  const t = await getTranslations("doctors");
  const { rows, total } = await listDoctorsForExport(prisma, scope, query);
  const body = await writeSheet(format, {
    sheetName: t("export.sheetName"),
    columns: doctorSheetColumns,
    rows,
    footnote: total > rows.length ? t("export.capped", { limit: EXPORT_LIMIT, total }) : undefined,
  });
  const stamp = shanghaiStamp(new Date());
  return new Response(new Uint8Array(body), {
    status: 200,
    headers: {
      "Content-Type": contentTypes[format],
      "Content-Disposition": attachmentDisposition(`${t("export.fileName")}-${stamp}.${format}`, `doctors-${stamp}.${format}`),
      "Content-Length": String(body.byteLength),
      "Cache-Control": "no-store",
      "X-Export-Rows": String(rows.length),
      "X-Export-Total": String(total),
    },
  });
});
