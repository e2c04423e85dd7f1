import { getTranslations } from "next-intl/server";
import { prisma } from "@/lib/db";
import type { SheetColumn } from "@/lib/excel/sheet";
import { attachmentDisposition, contentTypes, writeSheet } from "@/lib/excel/sheet";
import { applicationListApiQuerySchema } from "@/lib/schemas/applications";
import { APPLICATION_EXPORT_LIMIT, listApplicationsForExport, type ApplicationListRow } from "@/lib/server/application-queries";
import { apiRoute } from "@/lib/server/api-route";
import { parse } from "@/lib/server/kit";

/** 20261203: today in Beijing time, for the file name. */
function shanghaiStamp(now: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).format(now).replace(/-/g, "");
}

// GET /api/v1/applications/export?q=&programId=&postId=&stage=&status=&unitId=&sort=&dir=
// The application list as an Excel sheet: the same scope, filters and order as the page, every
// value in words (stage, status, verdict in the caller's language), at most APPLICATION_EXPORT_LIMIT rows.
export const GET = apiRoute({ permission: "application.read" }, async ({ request, scope }) => {
  const query = parse(applicationListApiQuerySchema, Object.fromEntries(request.nextUrl.searchParams));
  const [t, tStage, tStatus, tVerdict, tSex] = await Promise.all([
    getTranslations("applications"),
    getTranslations("stage"),
    getTranslations("applicationStatus"),
    getTranslations("eligibility.verdict"),
    getTranslations("doctors.sex"),
  ]);
  const { rows, total } = await listApplicationsForExport(prisma, scope, query);
  const columns: SheetColumn<ApplicationListRow>[] = [
    { header: t("list.columns.registrationNo"), value: (r) => r.registrationNo ?? "", width: 16 },
    { header: t("list.columns.doctor"), value: (r) => r.doctor.name, width: 12 },
    { header: t("export.sex"), value: (r) => tSex(r.doctor.sex) },
    { header: t("export.employer"), value: (r) => r.doctor.employer.name, width: 28 },
    { header: t("export.program"), value: (r) => r.post.program.name, width: 30 },
    { header: t("export.post"), value: (r) => r.post.title, width: 20 },
    { header: t("export.batch"), value: (r) => r.post.rotationBatch },
    { header: t("list.columns.stage"), value: (r) => tStage(r.currentStage), width: 14 },
    { header: t("list.columns.status"), value: (r) => tStatus(r.status) },
    { header: t("list.columns.verdict"), value: (r) => (r.eligibilityVerdict ? tVerdict(r.eligibilityVerdict) : ""), width: 12 },
    { header: t("export.exceptionReason"), value: (r) => r.exceptionReason ?? "", width: 30 },
    { header: t("list.unit"), value: (r) => r.nominatingOrg.name, width: 28 },
    { header: t("export.source"), value: (r) => (r.source === "SELF" ? t("export.sourceSelf") : t("export.sourceNominated")) },
    { header: t("list.columns.submittedAt"), value: (r) => r.submittedAt, width: 18 },
    { header: t("list.columns.documents"), value: (r) => r._count.attachments },
  ];
  const body = await writeSheet("xlsx", {
    sheetName: t("export.sheetName"),
    columns,
    rows,
    footnote: total > rows.length ? t("export.capped", { limit: APPLICATION_EXPORT_LIMIT, total }) : rows.length === 0 ? t("export.none") : undefined,
  });
  const stamp = shanghaiStamp(new Date());
  return new Response(new Uint8Array(body), {
    status: 200,
    headers: {
      "Content-Type": contentTypes.xlsx,
      "Content-Disposition": attachmentDisposition(`${t("export.fileName")}-${stamp}.xlsx`, `applications-${stamp}.xlsx`),
      "Content-Length": String(body.byteLength),
      "Cache-Control": "no-store",
      "X-Export-Rows": String(rows.length),
      "X-Export-Total": String(total),
    },
  });
});
