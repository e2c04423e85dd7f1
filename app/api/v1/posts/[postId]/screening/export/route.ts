import { getFormatter, getTranslations } from "next-intl/server";
import { explanationText } from "@/components/eligibility/explanation-text";
import { operations } from "@/lib/api/openapi";
import { prisma } from "@/lib/db";
import type { Explanation, Verdict } from "@/lib/domain/eligibility";
import { attachmentDisposition, contentTypes, writeSheet, type SheetColumn } from "@/lib/excel/sheet";
import { toShanghaiWallClock } from "@/lib/domain/program-timeline";
import { apiRoute } from "@/lib/server/api-route";
import { SCREENING_EXPORT_LIMIT, screenPostForExport, type ScreeningRow } from "@/lib/server/eligibility";
import { titleInWords, type DoctorsTranslate } from "@/lib/title-words";

// GET /api/v1/posts/{postId}/screening/export?verdict=&unitId=&q=
// The screening list as an Excel sheet: the same scope, filters and order (by name) as the page and
// GET …/screening, every matching doctor (at most SCREENING_EXPORT_LIMIT), every value in words: the
// verdict, the title, and why a doctor does not qualify. Nobody to export: 409 nothingToExportScreening.
export const GET = apiRoute<{ postId: string }>({ permission: operations.exportScreening.permission }, async ({ request, scope, params }) => {
  const { post, rows, total } = await screenPostForExport(prisma, scope, { ...Object.fromEntries(request.nextUrl.searchParams), postId: params.postId });
  const [t, tEligibility, tVerdict, tDoctors, format] = await Promise.all([
    getTranslations("eligibility.screening"),
    getTranslations("eligibility"),
    getTranslations("eligibility.verdict"),
    getTranslations("doctors"),
    getFormatter(),
  ]);
  const formatDate = (date: Date) => format.dateTime(date, { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
  const said = (e: Explanation) => explanationText(tEligibility, formatDate, e) ?? e.key;
  const reasons = (groups: Explanation[][], verdict: Verdict) =>
    groups.length === 0
      ? t("eligibleNote")
      : groups.map((group) => (group.length === 1 ? said(group[0]!) : `${t(verdict === "UNKNOWN" ? "unknownOf" : "noneOf")}${group.map(said).join(tEligibility("listSeparator"))}`)).join("\n");
  const columns: SheetColumn<ScreeningRow>[] = [
    { header: t("columns.name"), value: (r) => r.name, width: 12 },
    { header: t("columns.employer"), value: (r) => r.employerName, width: 28 },
    { header: t("columns.specialty"), value: (r) => r.specialty, width: 14 },
    { header: t("columns.title"), value: (r) => (r.title ? titleInWords(tDoctors as unknown as DoctorsTranslate, r.title) : t("noTitle")), width: 20 },
    { header: t("columns.verdict"), value: (r) => tVerdict(r.verdict), width: 10 },
    { header: t("columns.reasons"), value: (r) => reasons(r.reasons, r.verdict), width: 60 },
  ];
  const body = await writeSheet("xlsx", {
    sheetName: t("exportSheet.sheetName"),
    columns,
    rows,
    footnote: total > rows.length ? t("exportSheet.capped", { limit: SCREENING_EXPORT_LIMIT, total }) : undefined,
  });
  const stamp = toShanghaiWallClock(new Date()).slice(0, 10).replace(/-/g, "");
  return new Response(new Uint8Array(body), {
    status: 200,
    headers: {
      "Content-Type": contentTypes.xlsx,
      "Content-Disposition": attachmentDisposition(`${post.title}-${t("exportSheet.fileName")}-${stamp}.xlsx`, `screening-${stamp}.xlsx`),
      "Content-Length": String(body.byteLength),
      "Cache-Control": "no-store",
      "X-Export-Rows": String(rows.length),
      "X-Export-Total": String(total),
    },
  });
});
